package dev.tunelab.experiment;

import dev.tunelab.TunelabProperties;
import dev.tunelab.assessor.AssessorCatalog;
import dev.tunelab.executor.TrainingService;
import dev.tunelab.experiment.ExperimentLedger.StartMode;
import dev.tunelab.gpu.GpuLeases;
import dev.tunelab.metric.IntermediateResults;
import dev.tunelab.metric.MetricCollector;
import dev.tunelab.trial.TrialIds;
import dev.tunelab.tuner.TunerCatalog;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The runners of the experiments that are running now, one each. At start-up it picks up the
 * experiments that were running when Tunelab stopped; at shutdown it lets go of them without ending
 * their trials.
 */
@Component
class ExperimentRunners {

  private static final Logger log = LoggerFactory.getLogger(ExperimentRunners.class);

  private final Map<String, ExperimentRunner> runners = new ConcurrentHashMap<>();
  private final ExperimentRepository experiments;
  private final RunnerServices services;
  private final ScheduledExecutorService timers;

  ExperimentRunners(
      ExperimentRepository experiments,
      ExperimentLedger ledger,
      TrainingService training,
      TrialIds trialIds,
      GpuLeases gpus,
      MetricCollector metrics,
      ExperimentConfigJson configs,
      TunerCatalog tuners,
      AssessorCatalog assessors,
      IntermediateResults intermediates,
      Clock clock,
      TunelabProperties properties) {
    this.experiments = experiments;
    this.timers =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "experiment-timers");
              thread.setDaemon(true);
              return thread;
            });
    this.services =
        new RunnerServices(
            ledger,
            training,
            trialIds,
            gpus,
            metrics,
            configs,
            tuners,
            assessors,
            intermediates,
            clock,
            timers,
            properties.trials());
  }

  /**
   * Starts a runner for the experiment.
   *
   * @return completes when the runner has recorded its first status
   * @throws IllegalStatusException when a runner for it already runs
   */
  CompletableFuture<Void> start(String experimentId, StartMode mode) {
    ExperimentRunner runner =
        new ExperimentRunner(
            experimentId, services, closed -> runners.remove(closed.experimentId(), closed));
    if (runners.putIfAbsent(experimentId, runner) != null) {
      throw new IllegalStatusException("Experiment " + experimentId + " is already running");
    }
    return runner.start(mode);
  }

  Optional<ExperimentRunner> find(String experimentId) {
    return Optional.ofNullable(runners.get(experimentId));
  }

  @EventListener(ApplicationReadyEvent.class)
  void recoverAfterRestart() {
    List<Experiment> interrupted =
        experiments.findByStatusIn(
            EnumSet.of(
                ExperimentStatus.RUNNING,
                ExperimentStatus.NO_MORE_TRIAL,
                ExperimentStatus.TUNER_NO_MORE_TRIAL,
                ExperimentStatus.STOPPING));
    for (Experiment experiment : interrupted) {
      log.info(
          "Picking up experiment {}, which was {} when Tunelab stopped",
          experiment.id(),
          experiment.status());
      start(experiment.id(), StartMode.RECOVER)
          .exceptionally(
              error -> {
                log.error("Could not pick up experiment {} again", experiment.id(), error);
                return null;
              });
    }
  }

  @PreDestroy
  void detachAll() {
    CompletableFuture<?>[] detached =
        runners.values().stream().map(ExperimentRunner::detach).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(detached).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("Not every experiment runner let go within 10 s: {}", e.toString());
    }
    timers.shutdownNow();
  }
}
