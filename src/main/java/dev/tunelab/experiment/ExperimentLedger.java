package dev.tunelab.experiment;

import dev.tunelab.trial.Trial;
import dev.tunelab.trial.TrialRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every change an experiment runner makes, each in its own transaction together with its
 * event: a change is in the database before anyone hears of it.
 */
@Service
class ExperimentLedger {

  private final ExperimentRepository experiments;
  private final TrialRepository trials;
  private final EventLog events;
  private final ImportedResults imported;
  private final Clock clock;

  ExperimentLedger(
      ExperimentRepository experiments,
      TrialRepository trials,
      EventLog events,
      ImportedResults imported,
      Clock clock) {
    this.experiments = experiments;
    this.trials = trials;
    this.events = events;
    this.imported = imported;
    this.clock = clock;
  }

  @Transactional
  Experiment create(String id, String name, String configJson, long seed) {
    Experiment experiment =
        experiments.saveAndFlush(new Experiment(id, name, configJson, seed, clock.instant()));
    events.append(id, null, experiment.status().name(), null, experiment.submittedAt());
    return experiment;
  }

  /**
   * Opens an experiment for its runner.
   *
   * @param mode how the runner starts; {@link StartMode#RECOVER} keeps the status Tunelab had
   */
  @Transactional
  RunnerStart open(String experimentId, StartMode mode) {
    Experiment experiment = load(experimentId);
    Instant now = clock.instant();
    if (mode == StartMode.RECOVER) {
      experiment.resumeClock(now);
    } else {
      experiment.start(now);
      events.append(experimentId, null, experiment.status().name(), mode.name().toLowerCase(), now);
    }
    List<TrialSnapshot> history =
        trials.findByExperimentIdOrderBySequenceId(experimentId).stream()
            .map(TrialSnapshot::of)
            .toList();
    return new RunnerStart(
        experiment.status(),
        experiment.config(),
        experiment.tunerSeed(),
        experiment.activeDuration(now),
        now,
        history,
        imported.of(experimentId));
  }

  /** Records trial transitions in one transaction, in order, each with its event. */
  @Transactional
  void record(List<TrialTransition> transitions) {
    for (TrialTransition transition : transitions) {
      Trial trial = transition.applyTo(trials);
      events.append(
          trial.experimentId(),
          trial.id(),
          trial.status().name(),
          transition.detail(),
          transition.at());
    }
  }

  @Transactional
  void markActive(String experimentId, ExperimentStatus status) {
    Experiment experiment = load(experimentId);
    experiment.markActive(status);
    events.append(experimentId, null, status.name(), null, clock.instant());
  }

  @Transactional
  void markDone(String experimentId) {
    Instant now = clock.instant();
    load(experimentId).markDone(now);
    events.append(experimentId, null, ExperimentStatus.DONE.name(), null, now);
  }

  @Transactional
  void markStopping(String experimentId) {
    Instant now = clock.instant();
    Experiment experiment = load(experimentId);
    if (experiment.status() != ExperimentStatus.STOPPING) {
      experiment.markStopping(now);
      events.append(experimentId, null, ExperimentStatus.STOPPING.name(), null, now);
    }
  }

  @Transactional
  void markStopped(String experimentId) {
    Instant now = clock.instant();
    load(experimentId).markStopped(now);
    events.append(experimentId, null, ExperimentStatus.STOPPED.name(), null, now);
  }

  @Transactional
  void fail(String experimentId, String reason) {
    Instant now = clock.instant();
    load(experimentId).fail(reason, now);
    events.append(experimentId, null, ExperimentStatus.ERROR.name(), reason, now);
  }

  /** Stores imported results; the experiment's runner, if any, is told separately. */
  @Transactional
  void importResults(String experimentId, List<ImportedResults.Result> results) {
    Instant now = clock.instant();
    load(experimentId);
    imported.add(experimentId, results, now);
    events.append(experimentId, null, "IMPORTED", results.size() + " results", now);
  }

  @Transactional
  void changeConfig(String experimentId, String configJson) {
    load(experimentId).changeConfig(configJson);
    events.append(experimentId, null, "CONFIG_CHANGED", null, clock.instant());
  }

  /** Tunelab is shutting down with the experiment still running: stop its clock. */
  @Transactional
  void pauseClock(String experimentId) {
    load(experimentId).pauseClock(clock.instant());
  }

  private Experiment load(String experimentId) {
    return experiments
        .findById(experimentId)
        .orElseThrow(() -> new ExperimentNotFoundException(experimentId));
  }

  /** How a runner begins. */
  enum StartMode {
    /** A new experiment. */
    NEW,
    /** A stopped, finished or failed experiment the user resumes. */
    RESUME,
    /** An experiment that was running when Tunelab stopped. */
    RECOVER
  }

  /** What a runner starts from. */
  record RunnerStart(
      ExperimentStatus status,
      String config,
      long tunerSeed,
      Duration activeDuration,
      Instant openedAt,
      List<TrialSnapshot> trials,
      List<ImportedResults.Result> imported) {}
}
