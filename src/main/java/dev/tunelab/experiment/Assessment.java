package dev.tunelab.experiment;

import dev.tunelab.assessor.Assessor;
import dev.tunelab.assessor.AssessorFactory;
import dev.tunelab.trial.TrialStatus;
import dev.tunelab.tuner.TunerArgs;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The experiment's assessor, when its config names one: replays the trials that had ended when the
 * runner opened, judges running trials from their intermediate results, and hears of every trial's
 * end. Without an assessor every call does nothing. Used only on the runner's thread.
 */
final class Assessment {

  /** From a burst of results only the last steps are judged: a curve fit costs milliseconds. */
  private static final int JUDGED_PER_BURST = 10;

  private final Assessor assessor;
  private final String name;
  private Map<Integer, List<Double>> storedCurves;

  private Assessment(Assessor assessor, String name, Map<Integer, List<Double>> storedCurves) {
    this.assessor = assessor;
    this.name = name;
    this.storedCurves = storedCurves;
  }

  /** No assessor: nothing is judged. */
  static Assessment none() {
    return new Assessment(null, null, Map.of());
  }

  /** The config's assessor with the intermediate results stored so far, or none. */
  static Assessment of(
      ExperimentConfig config, RunnerServices services, String experimentId, long seed) {
    if (config.assessor() == null) {
      return none();
    }
    AssessorFactory factory = services.assessors().find(config.assessor().name()).orElseThrow();
    Assessor assessor =
        factory.create(TunerArgs.bind(factory.arguments(), config.assessor().classArgs(), seed));
    return new Assessment(assessor, factory.name(), services.intermediates().byTrial(experimentId));
  }

  boolean active() {
    return assessor != null;
  }

  /** The intermediate results a trial had stored when the runner opened. */
  List<Double> storedCurve(int sequenceId) {
    return storedCurves.getOrDefault(sequenceId, List.of());
  }

  /** Tells the assessor of a trial that had ended before the runner opened. */
  void replay(TrialSnapshot trial) {
    ended(trial.sequenceId(), storedCurve(trial.sequenceId()), trial.status());
  }

  /** The replay is over: the stored results are no longer needed. */
  void replayed() {
    storedCurves = Map.of();
  }

  void ended(int sequenceId, List<Double> curve, TrialStatus status) {
    if (assessor != null) {
      assessor.trialEnded(sequenceId, curve, status == TrialStatus.SUCCEEDED);
    }
  }

  /**
   * Shows the assessor a running trial's new intermediate results, one step at a time.
   *
   * @param stop told the trial and the reason when the assessor says BAD
   */
  void judge(RunningTrial trial, List<Double> values, BiConsumer<RunningTrial, String> stop) {
    for (int i = 0; i < values.size(); i++) {
      trial.curve.add(values.get(i));
      if (assessor == null || trial.requestedEnd != null || values.size() - i > JUDGED_PER_BURST) {
        continue;
      }
      if (assessor.assess(trial.trial.sequenceId(), Collections.unmodifiableList(trial.curve))
          == Assessor.Verdict.BAD) {
        stop.accept(
            trial,
            "stopped early by the "
                + name
                + " assessor after "
                + trial.curve.size()
                + " intermediate results");
      }
    }
  }
}
