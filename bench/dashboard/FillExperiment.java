import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Fills an existing experiment with finished trials straight into the database, as a long
 * experiment would have left them: each trial with its parameters, status events, intermediate
 * results and final metric. The trials continue the experiment's sequence ids (a runner's history
 * needs them without gaps), so the experiment can be resumed afterwards. Rows go in JDBC batches,
 * committed every 100 trials. For bench/dashboard/scale.py; run with the H2 or PostgreSQL driver on
 * the class path:
 *
 *   java -cp h2.jar bench/dashboard/FillExperiment.java JDBC_URL USER PASSWORD EXPERIMENT TRIALS STEPS
 */
public class FillExperiment {

  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String ALPHANUMERIC = LETTERS + "0123456789";

  public static void main(String[] args) throws Exception {
    String experiment = args[3];
    int trials = Integer.parseInt(args[4]);
    int steps = Integer.parseInt(args[5]);
    Random random = new Random(42);
    long start = System.nanoTime();
    try (Connection db = DriverManager.getConnection(args[0], args[1], args[2])) {
      db.setAutoCommit(false);
      PreparedStatement trial = db.prepareStatement(
          "INSERT INTO trial (id, experiment_id, trial_id, sequence_id, status, parameter_id, parameter_source, parameters,"
              + " directory, pid, exit_code, final_value, final_data, latest_value, metric_count, metrics_offset,"
              + " submitted_at, started_at, ended_at, version) VALUES (?, ?, ?, ?, 'SUCCEEDED', ?, 'algorithm', ?, ?, 1, 0, ?, ?, ?, ?, 0, ?, ?, ?, 0)");
      PreparedStatement metric = db.prepareStatement(
          "INSERT INTO metric (experiment_id, trial_id, type, sequence, numeric_value, data, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
      PreparedStatement event = db.prepareStatement(
          "INSERT INTO event (experiment_id, trial_id, status, detail, occurred_at) VALUES (?, ?, ?, NULL, ?)");
      // The filled trials follow the experiment's own (sequence ids 0..n-1 with no gaps, as a
      // runner's history needs to resume), with trial ids none of them has.
      Set<String> ids = new HashSet<>();
      int first = 0;
      try (PreparedStatement existing = db.prepareStatement("SELECT trial_id, sequence_id FROM trial WHERE experiment_id = ?")) {
        existing.setString(1, experiment);
        try (ResultSet rows = existing.executeQuery()) {
          while (rows.next()) {
            ids.add(rows.getString(1));
            first = Math.max(first, rows.getInt(2) + 1);
          }
        }
      }
      Instant clock = Instant.now().minusSeconds(trials * 60L);
      for (int i = 0; i < trials; i++) {
        long id = 1_000_000_000L + i;
        String trialId;
        do {
          StringBuilder name = new StringBuilder().append(LETTERS.charAt(random.nextInt(LETTERS.length())));
          for (int c = 1; c < 5; c++) {
            name.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
          }
          trialId = name.toString();
        } while (!ids.add(trialId));
        double lr = Math.exp(Math.log(1e-4) + random.nextDouble() * Math.log(1e3));
        int batch = new int[] {16, 32, 64, 128}[random.nextInt(4)];
        double dropout = 0.1 + 0.4 * random.nextDouble();
        double quality = Math.exp(-Math.pow(Math.log10(lr) + 2.5, 2)) * (1 - Math.abs(dropout - 0.25));
        Instant started = clock.plusSeconds(i * 60L);
        Instant ended = started.plusSeconds(30 + random.nextInt(60));
        double last = 0;
        for (int s = 0; s < steps; s++) {
          last = 0.5 + 0.45 * quality * (1 - Math.exp(-(s + 1) / 20.0)) + random.nextGaussian() * 0.005;
          add(metric, experiment, id, "PERIODICAL", s, last, started.plusSeconds(s));
        }
        add(metric, experiment, id, "FINAL", 0, last, ended);
        trial.setLong(1, id);
        trial.setString(2, experiment);
        trial.setString(3, trialId);
        trial.setInt(4, first + i);
        trial.setLong(5, first + i);
        trial.setString(6, String.format(Locale.ROOT, "{\"lr\": %.6g, \"batch_size\": %d, \"dropout\": %.4f}", lr, batch, dropout));
        trial.setString(7, "/tmp/filled/" + trialId);
        trial.setDouble(8, last);
        trial.setString(9, Double.toString(last));
        trial.setDouble(10, last);
        trial.setInt(11, steps + 1);
        trial.setTimestamp(12, Timestamp.from(started));
        trial.setTimestamp(13, Timestamp.from(started));
        trial.setTimestamp(14, Timestamp.from(ended));
        trial.addBatch();
        for (String status : new String[] {"WAITING", "RUNNING", "SUCCEEDED"}) {
          event.setString(1, experiment);
          event.setLong(2, id);
          event.setString(3, status);
          event.setTimestamp(4, Timestamp.from(started));
          event.addBatch();
        }
        if (i % 100 == 99) {
          trial.executeBatch();
          metric.executeBatch();
          event.executeBatch();
          db.commit();
        }
      }
      trial.executeBatch();
      metric.executeBatch();
      event.executeBatch();
      db.commit();
    }
    System.out.printf(Locale.ROOT, "filled %d trials with %d intermediate results each in %.1f s%n", trials, steps, (System.nanoTime() - start) / 1e9);
  }

  private static void add(PreparedStatement metric, String experiment, long trial, String type, int sequence, double value, Instant at) throws Exception {
    metric.setString(1, experiment);
    metric.setLong(2, trial);
    metric.setString(3, type);
    metric.setInt(4, sequence);
    metric.setDouble(5, value);
    metric.setString(6, Double.toString(value));
    metric.setTimestamp(7, Timestamp.from(at));
    metric.addBatch();
  }
}
