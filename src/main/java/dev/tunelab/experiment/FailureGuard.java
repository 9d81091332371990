package dev.tunelab.experiment;

/**
 * Notices a trial command that cannot work: when the first {@code limit} trials all fail before any
 * succeeds, the experiment should stop instead of failing trial after trial.
 */
final class FailureGuard {

  private final int limit;
  private int failures;
  private boolean anySuccess;

  /**
   * @param limit failures in a row before the first success that stop the experiment; 0 never
   */
  FailureGuard(int limit) {
    this.limit = limit;
  }

  void succeeded() {
    anySuccess = true;
  }

  /**
   * @return whether this failure is the one that should stop the experiment
   */
  boolean failed() {
    return !anySuccess && limit > 0 && ++failures == limit;
  }

  int limit() {
    return limit;
  }
}
