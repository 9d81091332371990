package dev.tunelab.experiment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An experiment's budgets: {@code maxTrialNumber} counts submitted trials, {@code
 * maxExperimentDuration} the time spent running (counted from what the experiment had used when the
 * runner opened it).
 */
final class Budget {

  private final Clock clock;
  private final Duration activeAtOpen;
  private final Instant openedAt;

  Budget(Clock clock, Duration activeAtOpen, Instant openedAt) {
    this.clock = clock;
    this.activeAtOpen = activeAtOpen;
    this.openedAt = openedAt;
  }

  /** How many more trials may be submitted, capped at {@code wanted}. */
  int trialsLeft(ExperimentConfig config, int submitted, int wanted) {
    return config.maxTrialNumber() == null
        ? wanted
        : Math.min(wanted, config.maxTrialNumber() - submitted);
  }

  boolean usedUp(ExperimentConfig config, int submitted) {
    return !config.allowsMoreTrials(submitted)
        || timeLeft(config).map(left -> left.isNegative() || left.isZero()).orElse(false);
  }

  /** Time left of {@code maxExperimentDuration}; empty when there is no such limit. */
  Optional<Duration> timeLeft(ExperimentConfig config) {
    if (config.maxExperimentDuration() == null) {
      return Optional.empty();
    }
    Duration active = activeAtOpen.plus(Duration.between(openedAt, clock.instant()));
    return Optional.of(config.maxExperimentDuration().minus(active));
  }
}
