package dev.tunelab.metric;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Incremental reads of metrics: an experiment's by metric id, a trial's by sequence within a type.
 * Each is served by an index, so no read scans every metric of an experiment.
 */
@Repository
public class MetricQueries {

  private static final String SELECT =
      "SELECT m.id, t.trial_id, t.sequence_id, m.type, m.sequence, m.numeric_value, m.data, m.reported_at"
          + " FROM metric m JOIN trial t ON t.id = m.trial_id ";

  private final JdbcTemplate jdbc;

  MetricQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** An experiment's metrics with ids after {@code cursor}. */
  MetricPage ofExperiment(String experimentId, long cursor, int limit) {
    List<MetricView> items =
        jdbc.query(
            SELECT + "WHERE m.experiment_id = ? AND m.id > ? ORDER BY m.id LIMIT ?",
            MetricQueries::view,
            experimentId,
            cursor,
            limit);
    return page(items, cursor);
  }

  /** The newest metric's id: where a page that has just read everything starts from. */
  public long latest(String experimentId) {
    Long id =
        jdbc.queryForObject(
            "SELECT MAX(id) FROM metric WHERE experiment_id = ?", Long.class, experimentId);
    return id == null ? 0 : id;
  }

  /** One trial's metrics of one type with sequence numbers after {@code afterSequence}. */
  MetricPage ofTrial(long trialId, MetricType type, long afterSequence, int limit) {
    List<MetricView> items =
        jdbc.query(
            SELECT
                + "WHERE m.trial_id = ? AND m.type = ? AND m.sequence > ? ORDER BY m.sequence LIMIT ?",
            MetricQueries::view,
            trialId,
            type.name(),
            afterSequence,
            limit);
    return new MetricPage(
        items, items.isEmpty() ? afterSequence : items.get(items.size() - 1).sequence());
  }

  private static MetricPage page(List<MetricView> items, long cursor) {
    return new MetricPage(items, items.isEmpty() ? cursor : items.get(items.size() - 1).id());
  }

  private static MetricView view(ResultSet row, int index) throws SQLException {
    double number = row.getDouble(6);
    Double value = row.wasNull() ? null : number;
    return new MetricView(
        row.getLong(1),
        row.getString(2),
        row.getInt(3),
        MetricType.valueOf(row.getString(4)),
        row.getInt(5),
        value,
        row.getString(7),
        row.getTimestamp(8).toInstant());
  }
}
