package dev.tunelab.experiment;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The append-only log of status changes (NNI's TrialJobEvent): written in the transaction of the
 * change it records, never updated. Its ids are the change feed's cursor; each entry also announces
 * an {@link ExperimentChanged}.
 */
@Repository
class EventLog {

  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher publisher;

  EventLog(JdbcTemplate jdbc, ApplicationEventPublisher publisher) {
    this.jdbc = jdbc;
    this.publisher = publisher;
  }

  /**
   * @param trialId the trial's database id, null for experiment events
   * @param status the new status
   * @param detail what caused it, for people; may be null
   */
  void append(String experimentId, Long trialId, String status, String detail, Instant at) {
    String text =
        detail == null || detail.length() <= 10_000 ? detail : detail.substring(0, 10_000);
    jdbc.update(
        "INSERT INTO event (experiment_id, trial_id, status, detail, occurred_at) VALUES (?, ?, ?, ?, ?)",
        experimentId,
        trialId,
        status,
        text,
        Timestamp.from(at));
    publisher.publishEvent(new ExperimentChanged(experimentId));
  }
}
