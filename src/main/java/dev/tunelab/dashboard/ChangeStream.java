package dev.tunelab.dashboard;

import dev.tunelab.experiment.ExperimentChanged;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events that tell open pages which experiments changed. A change is announced after it
 * commits, coalesced per experiment every {@value #FLUSH_MILLIS} ms; the page then fetches what it
 * lacks after its own cursors, so an event carries no data it could miss. A comment every 15 s
 * keeps idle connections open through proxies.
 *
 * <p>Streams end when the server stops, before its graceful shutdown waits for open requests: an
 * open page would otherwise hold every shutdown for the whole grace period.
 */
@Component
public class ChangeStream implements SmartLifecycle {

  static final long FLUSH_MILLIS = 100;

  private final Map<String, Set<SseEmitter>> byExperiment = new ConcurrentHashMap<>();
  private final Set<SseEmitter> everything = ConcurrentHashMap.newKeySet();
  private final Set<String> changed = ConcurrentHashMap.newKeySet();
  private ScheduledExecutorService timer;
  private volatile boolean running;

  /** Starts announcing changes; again after {@link #stop}, as a restarted context does. */
  @Override
  public void start() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "change-stream");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    timer.scheduleWithFixedDelay(this::heartbeat, 15, 15, TimeUnit.SECONDS);
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    timer.shutdownNow();
    byExperiment.values().forEach(audience -> audience.forEach(SseEmitter::complete));
    everything.forEach(SseEmitter::complete);
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(ExperimentChanged event) {
    changed.add(event.experimentId());
  }

  /** A stream of the changes of one experiment, or of every experiment when the id is null. */
  SseEmitter subscribe(String experimentId) {
    SseEmitter emitter = new SseEmitter(0L);
    Set<SseEmitter> audience =
        experimentId == null
            ? everything
            : byExperiment.computeIfAbsent(experimentId, id -> ConcurrentHashMap.newKeySet());
    audience.add(emitter);
    Runnable leave = () -> audience.remove(emitter);
    emitter.onCompletion(leave);
    emitter.onTimeout(leave);
    emitter.onError(error -> leave.run());
    send(emitter, SseEmitter.event().name("hello").data(Map.of()).reconnectTime(1000), audience);
    return emitter;
  }

  private void flush() {
    if (changed.isEmpty()) {
      return;
    }
    List<String> ids = List.copyOf(changed);
    changed.removeAll(ids);
    for (String id : ids) {
      Set<SseEmitter> audience = byExperiment.getOrDefault(id, Set.of());
      audience.forEach(
          emitter ->
              send(
                  emitter,
                  SseEmitter.event().name("change").data(Map.of("experiment", id)),
                  audience));
    }
    everything.forEach(
        emitter ->
            send(
                emitter,
                SseEmitter.event().name("change").data(Map.of("experiments", ids)),
                everything));
  }

  private void heartbeat() {
    byExperiment
        .values()
        .forEach(
            audience ->
                audience.forEach(
                    emitter -> send(emitter, SseEmitter.event().comment("still here"), audience)));
    everything.forEach(
        emitter -> send(emitter, SseEmitter.event().comment("still here"), everything));
  }

  private static void send(
      SseEmitter emitter, SseEmitter.SseEventBuilder event, Set<SseEmitter> audience) {
    try {
      emitter.send(event);
    } catch (IOException | IllegalStateException gone) {
      audience.remove(emitter);
    }
  }
}
