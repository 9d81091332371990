package dev.tunelab.experiment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What changed in an experiment after a cursor, read from the event log: the trials that changed,
 * in the order of their latest change. A page keeps the cursor and asks for what it lacks, so a
 * lost connection only means asking again from where it was.
 */
@Repository
public class ChangeFeed {

  private final JdbcTemplate jdbc;

  ChangeFeed(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param next the cursor for the next call: the last event read, or {@code after} when none
   * @param trialIds the database ids of the trials that changed, each once
   * @param more whether the limit cut the events short: call again from {@code next}
   */
  public record Changes(long next, List<Long> trialIds, boolean more) {}

  // ORDER BY starts with experiment_id so H2 reads the (experiment_id, id) index in order.

  /** The changes after {@code after}, at most {@code limit} events of them. */
  public Changes since(String experimentId, long after, int limit) {
    Set<Long> trials = new LinkedHashSet<>();
    long[] next = {after};
    int[] read = {0};
    jdbc.query(
        "SELECT id, trial_id FROM event WHERE experiment_id = ? AND id > ?"
            + " ORDER BY experiment_id, id LIMIT ?",
        row -> {
          read[0]++;
          next[0] = row.getLong(1);
          long trial = row.getLong(2);
          if (!row.wasNull()) {
            trials.add(trial);
          }
        },
        experimentId,
        after,
        limit);
    return new Changes(next[0], new ArrayList<>(trials), read[0] == limit);
  }

  /** The newest event's id: where a page that has just read everything starts from. */
  public long latest(String experimentId) {
    List<Long> newest =
        jdbc.queryForList(
            "SELECT id FROM event WHERE experiment_id = ? ORDER BY experiment_id DESC, id DESC LIMIT 1",
            Long.class,
            experimentId);
    return newest.isEmpty() ? 0 : newest.get(0);
  }
}
