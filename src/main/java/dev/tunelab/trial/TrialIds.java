package dev.tunelab.trial;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Hands out trial ids before trials are recorded, so a runner can start a trial and record it
 * afterwards. Ids come from a database sequence in blocks of {@value #BLOCK}: one round trip per
 * block. Thread-safe; ids are unique, increasing per block, and may have gaps.
 */
@Repository
public class TrialIds {

  /** Must equal the INCREMENT BY of trial_id_sequence. */
  static final int BLOCK = 50;

  private final JdbcTemplate jdbc;
  private long next;
  private long end;

  TrialIds(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public synchronized long next() {
    if (next == end) {
      next = jdbc.queryForObject("SELECT nextval('trial_id_sequence')", Long.class);
      end = next + BLOCK;
    }
    return next++;
  }
}
