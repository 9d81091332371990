package dev.tunelab.metric;

import dev.tunelab.TunelabProperties;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stores the metrics of running trials as their files grow. One thread checks every watched file
 * each poll interval; {@link #finish} reads the rest when a trial exits, so every metric is stored
 * before the trial's end is.
 */
@Component
public class MetricCollector {

  private static final Logger log = LoggerFactory.getLogger(MetricCollector.class);

  private final MetricStore store;
  private final Clock clock;
  private final Map<Long, Watched> watched = new ConcurrentHashMap<>();
  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "metric-collector");
            thread.setDaemon(true);
            return thread;
          });

  MetricCollector(MetricStore store, Clock clock, TunelabProperties properties) {
    this.store = store;
    this.clock = clock;
    long interval = properties.trials().metricsPollInterval().toMillis();
    poller.scheduleWithFixedDelay(this::pollAll, interval, interval, TimeUnit.MILLISECONDS);
  }

  /**
   * Starts following a trial's metrics file.
   *
   * @param trialId the trial's database id
   * @param offset bytes of the file already stored (0 for a new trial)
   * @param finalStored whether the trial's FINAL metric was stored before (after a restart)
   * @param listener told about the trial's metrics once they are stored
   */
  public void watch(
      long trialId,
      String experimentId,
      String trialLabel,
      Path trialDirectory,
      long offset,
      boolean finalStored,
      MetricListener listener) {
    Map<MetricType, Integer> next = offset == 0 ? Map.of() : store.nextSequences(trialId);
    MetricFileReader reader =
        new MetricFileReader(trialDirectory.resolve(".nni/metrics"), trialLabel, offset, next);
    watched.put(
        trialId,
        new Watched(trialId, experimentId, trialLabel, reader, offset, finalStored, listener));
  }

  /** Stores whatever the trial wrote since the last poll and stops following it. */
  public void finish(long trialId) {
    Watched trial = watched.remove(trialId);
    if (trial != null) {
      synchronized (trial) {
        collect(trial, true);
      }
    }
  }

  private void pollAll() {
    for (Watched trial : watched.values()) {
      synchronized (trial) {
        if (watched.containsKey(trial.trialId)) {
          collect(trial, false);
        }
      }
    }
  }

  private void collect(Watched trial, boolean toTheEnd) {
    try {
      do {
        trial.pending.addAll(trial.reader.readChunk());
        if (trial.pending.isEmpty() && trial.reader.offset() == trial.storedOffset) {
          continue;
        }
        store.store(
            trial.trialId,
            trial.experimentId,
            trial.pending,
            trial.reader.offset(),
            clock.instant());
        trial.storedOffset = trial.reader.offset();
        trial.tellListener();
        trial.pending.clear();
      } while (toTheEnd && trial.reader.behind());
    } catch (MetricStore.TrialNotRecordedException e) {
      log.debug("{} is not recorded yet; storing its metrics at the next poll", trial.label);
    } catch (IOException | RuntimeException e) {
      // The reports stay pending, so the next poll stores them; none are lost or repeated.
      log.error("Could not store the metrics of {} (will retry): {}", trial.label, e.toString());
    }
  }

  @PreDestroy
  void close() {
    poller.shutdownNow();
  }

  /** A followed trial; guarded by its own monitor. */
  private static final class Watched {
    final long trialId;
    final String experimentId;
    final String label;
    final MetricFileReader reader;
    final MetricListener listener;
    final List<MetricReport> pending = new ArrayList<>();
    long storedOffset;
    boolean finalSeen;

    Watched(
        long trialId,
        String experimentId,
        String label,
        MetricFileReader reader,
        long storedOffset,
        boolean finalSeen,
        MetricListener listener) {
      this.trialId = trialId;
      this.experimentId = experimentId;
      this.label = label;
      this.reader = reader;
      this.storedOffset = storedOffset;
      this.finalSeen = finalSeen;
      this.listener = listener;
    }

    /** Tells the listener what the pending reports, just stored, hold. */
    void tellListener() {
      List<Double> intermediates = new ArrayList<>();
      for (MetricReport report : pending) {
        if (report.type() == MetricType.PERIODICAL) {
          if (listener.wantsIntermediates()) {
            intermediates.add(report.value() == null ? Double.NaN : report.value());
          }
        } else if (!finalSeen) {
          finalSeen = true;
          if (report.value() != null) {
            listener.finalValue(report.value());
          }
        }
      }
      if (!intermediates.isEmpty()) {
        listener.intermediates(intermediates);
      }
    }
  }
}
