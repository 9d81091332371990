package dev.tunelab.metric;

import dev.tunelab.experiment.ExperimentChanged;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes metrics in batches with plain JDBC (row-by-row JPA is many times slower), together with
 * the trial's read offset and metric summary, in one transaction: after a crash, reading resumes
 * exactly where the stored metrics end. The unique key (trial, type, sequence) drops repeats.
 */
@Repository
class MetricStore {

  private static final int BATCH = 1000;
  private static final String INSERT =
      "INSERT INTO metric (experiment_id, trial_id, type, sequence, numeric_value, data, reported_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
  private static final String UPDATE_TRIAL =
      "UPDATE trial SET metrics_offset = ?, metric_count = metric_count + ?,"
          + " latest_value = COALESCE(?, latest_value),"
          + " final_value = CASE WHEN final_data IS NULL THEN ? ELSE final_value END,"
          + " final_data = COALESCE(final_data, ?) WHERE id = ?";

  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher publisher;

  MetricStore(JdbcTemplate jdbc, ApplicationEventPublisher publisher) {
    this.jdbc = jdbc;
    this.publisher = publisher;
  }

  /**
   * Stores one trial's new reports, each with its sequence set, and records that the file is read
   * up to {@code offset}.
   *
   * @return how many reports were new
   */
  @Transactional
  public int store(
      long trialId, String experimentId, List<MetricReport> reports, long offset, Instant at) {
    Timestamp time = Timestamp.from(at);
    int stored = 0;
    for (int from = 0; from < reports.size(); from += BATCH) {
      List<MetricReport> batch = reports.subList(from, Math.min(reports.size(), from + BATCH));
      int[][] counts =
          jdbc.batchUpdate(
              INSERT,
              batch,
              batch.size(),
              (statement, report) -> {
                statement.setString(1, experimentId);
                statement.setLong(2, trialId);
                statement.setString(3, report.type().name());
                statement.setInt(4, report.sequence());
                statement.setObject(5, report.value());
                statement.setString(6, report.data());
                statement.setTimestamp(7, time);
              });
      for (int count : counts[0]) {
        stored += count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : count;
      }
    }
    MetricReport latest = last(reports, MetricType.PERIODICAL);
    MetricReport first = first(reports, MetricType.FINAL);
    int updated =
        jdbc.update(
            UPDATE_TRIAL,
            offset,
            stored,
            latest == null ? null : latest.value(),
            first == null ? null : first.value(),
            first == null ? null : first.data(),
            trialId);
    if (updated == 0) {
      // The runner records a trial just after starting it; roll back and try again next poll.
      throw new TrialNotRecordedException(trialId);
    }
    publisher.publishEvent(new ExperimentChanged(experimentId));
    return stored;
  }

  /** The trial's row is not in the database yet. */
  static final class TrialNotRecordedException extends RuntimeException {
    TrialNotRecordedException(long trialId) {
      super("trial " + trialId + " is not recorded yet");
    }
  }

  /** The next free sequence per type, for frames that carry none, when reading resumes. */
  Map<MetricType, Integer> nextSequences(long trialId) {
    Map<MetricType, Integer> next = new java.util.EnumMap<>(MetricType.class);
    jdbc.query(
        "SELECT type, MAX(sequence) FROM metric WHERE trial_id = ? GROUP BY type",
        row -> {
          next.put(MetricType.valueOf(row.getString(1)), row.getInt(2) + 1);
        },
        trialId);
    return next;
  }

  private static MetricReport last(List<MetricReport> reports, MetricType type) {
    for (int i = reports.size() - 1; i >= 0; i--) {
      if (reports.get(i).type() == type && reports.get(i).value() != null) {
        return reports.get(i);
      }
    }
    return null;
  }

  private static MetricReport first(List<MetricReport> reports, MetricType type) {
    return reports.stream().filter(report -> report.type() == type).findFirst().orElse(null);
  }
}
