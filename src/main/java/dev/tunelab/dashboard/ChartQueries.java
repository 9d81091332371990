package dev.tunelab.dashboard;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The reads behind the charts, each one query served by an index. */
@Repository
class ChartQueries {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcTemplate jdbc;
  private final Clock clock;

  ChartQueries(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The final metrics of an experiment and which way is better. */
  record Finals(String optimizeMode, List<Final> points) {}

  /** One trial's final metric and parameters. */
  record Final(int sequenceId, String trialId, double value, JsonNode parameters) {}

  /** How long a trial ran, to now while it runs. */
  record TrialDuration(int sequenceId, String trialId, String status, double seconds) {}

  /**
   * A trial's intermediate results.
   *
   * @param points {@code [step, value]} pairs, downsampled; value null where it was not finite
   * @param total how many results the trial reported
   */
  record Series(String trialId, int sequenceId, String status, List<Double[]> points, int total) {}

  List<Final> finals(String experimentId) {
    return jdbc.query(
        "SELECT sequence_id, trial_id, final_value, parameters FROM trial"
            + " WHERE experiment_id = ? AND final_value IS NOT NULL ORDER BY sequence_id",
        (row, index) ->
            new Final(
                row.getInt(1), row.getString(2), row.getDouble(3), JSON.readTree(row.getString(4))),
        experimentId);
  }

  List<TrialDuration> durations(String experimentId) {
    Instant now = clock.instant();
    return jdbc.query(
        "SELECT sequence_id, trial_id, status, started_at, ended_at FROM trial"
            + " WHERE experiment_id = ? AND started_at IS NOT NULL ORDER BY sequence_id",
        (row, index) -> {
          Instant started = row.getTimestamp(4).toInstant();
          Timestamp ended = row.getTimestamp(5);
          return new TrialDuration(
              row.getInt(1),
              row.getString(2),
              row.getString(3),
              Duration.between(started, ended == null ? now : ended.toInstant()).toMillis()
                  / 1000.0);
        },
        experimentId);
  }

  /** The ids of the {@code count} best trials by final metric and the {@code count} latest. */
  List<String> bestAndLatest(String experimentId, String optimizeMode, int count) {
    // ORDER BY starts with experiment_id so H2 reads the index in order instead of sorting.
    Set<String> ids = new LinkedHashSet<>();
    String order = optimizeMode.equals("maximize") ? "DESC" : "ASC";
    ids.addAll(
        jdbc.queryForList(
            "SELECT trial_id FROM trial WHERE experiment_id = ? AND final_value IS NOT NULL"
                + " ORDER BY experiment_id "
                + order
                + ", final_value "
                + order
                + " LIMIT ?",
            String.class,
            experimentId,
            count));
    ids.addAll(
        jdbc.queryForList(
            "SELECT trial_id FROM trial WHERE experiment_id = ?"
                + " ORDER BY experiment_id DESC, sequence_id DESC LIMIT ?",
            String.class,
            experimentId,
            count));
    return new ArrayList<>(ids);
  }

  List<Series> intermediates(String experimentId, List<String> trialIds, int maxPoints) {
    List<Series> series = new ArrayList<>();
    for (String trialId : trialIds) {
      List<Object[]> trial =
          jdbc.query(
              "SELECT id, sequence_id, status FROM trial WHERE experiment_id = ? AND trial_id = ?",
              (row, index) -> new Object[] {row.getLong(1), row.getInt(2), row.getString(3)},
              experimentId,
              trialId);
      if (trial.isEmpty()) {
        continue;
      }
      List<double[]> points = new ArrayList<>();
      jdbc.query(
          "SELECT sequence, numeric_value FROM metric WHERE trial_id = ? AND type = 'PERIODICAL' ORDER BY sequence",
          row -> {
            double value = row.getDouble(2);
            points.add(new double[] {row.getInt(1), row.wasNull() ? Double.NaN : value});
          },
          trial.get(0)[0]);
      List<Double[]> drawn =
          Downsample.minMax(points, maxPoints).stream()
              .map(p -> new Double[] {p[0], Double.isNaN(p[1]) ? null : p[1]})
              .toList();
      series.add(
          new Series(
              trialId, (Integer) trial.get(0)[1], (String) trial.get(0)[2], drawn, points.size()));
    }
    return series;
  }
}
