package dev.tunelab.experiment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An experiment's budgets: {@code maxTrialNumber} counts submitted trials, {@code
 * maxExperimentDuration} the time spent running (counted from what the experiment had used when the
 * runner opened it). It also sets the alarm for the moment the time budget runs out.
 */
final class Budget {

  private final Clock clock;
  private final ScheduledExecutorService timers;
  private final Duration activeAtOpen;
  private final Instant openedAt;
  private ScheduledFuture<?> alarm;

  Budget(Clock clock, ScheduledExecutorService timers, Duration activeAtOpen, Instant openedAt) {
    this.clock = clock;
    this.timers = timers;
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

  /** Runs {@code onTimeUp} when the time budget runs out, replacing any earlier alarm. */
  void setAlarm(ExperimentConfig config, Runnable onTimeUp) {
    clearAlarm();
    alarm =
        timeLeft(config)
            .filter(left -> !left.isNegative() && !left.isZero())
            .map(left -> timers.schedule(onTimeUp, left.toMillis() + 1, TimeUnit.MILLISECONDS))
            .orElse(null);
  }

  void clearAlarm() {
    if (alarm != null) {
      alarm.cancel(false);
    }
  }
}
