package dev.tunelab.metric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The intermediate results of an experiment's trials, for replaying them to an assessor. */
@Repository
public class IntermediateResults {

  private final JdbcTemplate jdbc;

  IntermediateResults(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Every trial's PERIODICAL values in report order, by the trial's sequence id; {@link Double#NaN}
   * where a value was not a finite number. Trials without any are left out.
   */
  public Map<Integer, List<Double>> byTrial(String experimentId) {
    Map<Integer, List<Double>> curves = new HashMap<>();
    jdbc.query(
        "SELECT t.sequence_id, m.numeric_value FROM metric m JOIN trial t ON t.id = m.trial_id"
            + " WHERE m.experiment_id = ? AND m.type = 'PERIODICAL' ORDER BY t.sequence_id, m.sequence",
        row -> {
          double value = row.getDouble(2);
          curves
              .computeIfAbsent(row.getInt(1), id -> new ArrayList<>())
              .add(row.wasNull() ? Double.NaN : value);
        },
        experimentId);
    return curves;
  }
}
