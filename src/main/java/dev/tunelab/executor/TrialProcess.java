package dev.tunelab.executor;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A running trial. Thread-safe. */
public interface TrialProcess {

  /** The process id of the trial's wrapper, which leads the trial's process group. */
  long pid();

  /** Completes once, when the trial's wrapper has exited. */
  CompletableFuture<TrialExit> exit();

  /**
   * Asks the whole process tree to end: SIGTERM now, SIGKILL after {@code grace} if it is still
   * alive. Returns at once; idempotent; does nothing once the trial has exited.
   */
  void terminate(Duration grace);
}
