package dev.tunelab.experiment;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single thread an experiment runner works on. Every task ends with {@code afterEach}, which
 * records what the task changed; a task that throws goes to {@code onFailure} when nobody waits for
 * it. Once closed, late work (a timer, a metric) is dropped: a restarted runner recovers it from
 * the database.
 */
final class RunnerLoop {

  private static final Logger log = LoggerFactory.getLogger(RunnerLoop.class);

  private final String name;
  private final ExecutorService executor;
  private final Runnable afterEach;
  private final Consumer<RuntimeException> onFailure;

  RunnerLoop(String name, Runnable afterEach, Consumer<RuntimeException> onFailure) {
    this.name = name;
    this.afterEach = afterEach;
    this.onFailure = onFailure;
    this.executor =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, name);
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Runs work for a caller who waits: the future fails with whatever the work threw. */
  CompletableFuture<Void> call(Runnable work) {
    return ask(
        () -> {
          work.run();
          return null;
        });
  }

  /** Runs work whose answer a caller waits for, once what the work changed is recorded. */
  <T> CompletableFuture<T> ask(Supplier<T> work) {
    CompletableFuture<T> done = new CompletableFuture<>();
    try {
      executor.execute(
          () -> {
            try {
              T answer = work.get();
              afterEach.run();
              done.complete(answer);
            } catch (RuntimeException e) {
              done.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException closed) {
      done.completeExceptionally(new IllegalStatusException(name + " is no longer running"));
    }
    return done;
  }

  /** Runs work from timers, process exits and metrics, which nobody waits for. */
  void post(Runnable work) {
    try {
      executor.execute(
          () -> {
            try {
              work.run();
              afterEach.run();
            } catch (RuntimeException e) {
              log.error("{}: unexpected failure", name, e);
              onFailure.accept(e);
            }
          });
    } catch (RejectedExecutionException closed) {
      log.debug("{} is closed; dropping late work", name);
    }
  }

  /** Takes no more work; the task that calls this still finishes. */
  void close() {
    executor.shutdown();
  }
}
