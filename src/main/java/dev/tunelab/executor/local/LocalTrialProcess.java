package dev.tunelab.executor.local;

import dev.tunelab.executor.TrialExit;
import dev.tunelab.executor.TrialProcess;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** A trial's wrapper process, the leader of the trial's process group. */
final class LocalTrialProcess implements TrialProcess {

  private final long pid;
  private final CompletableFuture<TrialExit> exit;
  private final ScheduledExecutorService timer;
  private final AtomicBoolean terminating = new AtomicBoolean();

  LocalTrialProcess(long pid, CompletableFuture<TrialExit> exit, ScheduledExecutorService timer) {
    this.pid = pid;
    this.exit = exit;
    this.timer = timer;
  }

  @Override
  public long pid() {
    return pid;
  }

  @Override
  public CompletableFuture<TrialExit> exit() {
    return exit;
  }

  @Override
  public void terminate(Duration grace) {
    if (exit.isDone() || !terminating.compareAndSet(false, true)) {
      return;
    }
    ProcessGroup.signal(pid, "TERM");
    // SIGKILL the group even if the wrapper left in time: children that ignore SIGTERM go too.
    timer.schedule(() -> ProcessGroup.signal(pid, "KILL"), grace.toMillis(), TimeUnit.MILLISECONDS);
  }
}
