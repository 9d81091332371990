package dev.tunelab.experiment;

import dev.tunelab.TunelabProperties;
import dev.tunelab.experiment.ExperimentLedger.StartMode;
import dev.tunelab.experiment.ExperimentView.BestTrial;
import dev.tunelab.gpu.GpuLeases;
import dev.tunelab.searchspace.SearchSpace;
import dev.tunelab.trial.Trial;
import dev.tunelab.trial.TrialNotFoundException;
import dev.tunelab.trial.TrialRepository;
import dev.tunelab.trial.TrialStatus;
import dev.tunelab.tuner.OptimizeMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** What the API can do with experiments: create, read, change, stop and resume them. */
@Service
public class ExperimentService {

  private static final String ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

  private final ExperimentRepository experiments;
  private final TrialRepository trials;
  private final ExperimentLedger ledger;
  private final ExperimentRunners runners;
  private final ExperimentConfigJson configs;
  private final ConfigChanges changes;
  private final OptimizeModes optimizeModes;
  private final Clock clock;
  private final TunelabProperties properties;
  private final GpuLeases gpus;
  private final SecureRandom random = new SecureRandom();

  ExperimentService(
      ExperimentRepository experiments,
      TrialRepository trials,
      ExperimentLedger ledger,
      ExperimentRunners runners,
      ExperimentConfigJson configs,
      OptimizeModes optimizeModes,
      Clock clock,
      TunelabProperties properties,
      GpuLeases gpus) {
    this.experiments = experiments;
    this.trials = trials;
    this.ledger = ledger;
    this.runners = runners;
    this.configs = configs;
    this.changes = new ConfigChanges(configs);
    this.optimizeModes = optimizeModes;
    this.clock = clock;
    this.properties = properties;
    this.gpus = gpus;
  }

  /**
   * Checks a config, records the experiment and starts it.
   *
   * @throws InvalidConfigException naming every bad field
   */
  public ExperimentView create(JsonNode configTree) {
    ExperimentConfig config = configs.read(configTree);
    config
        .gpuRequest()
        .flatMap(gpus::impossible)
        .ifPresent(
            reason -> {
              throw new InvalidConfigException(
                  "trialGpuNumber",
                  "asks for "
                      + config.trialGpuNumber()
                      + (config.trialGpuNumber() == 1 ? " GPU" : " GPUs")
                      + " per trial, which this machine cannot give: "
                      + reason);
            });
    String id = newExperimentId();
    ledger.create(id, config.experimentName(), configs.write(config).toString(), random.nextLong());
    await(runners.start(id, StartMode.NEW));
    return get(id);
  }

  public Page<ExperimentSummary> list(Pageable page) {
    Page<Experiment> found = experiments.findAllByOrderBySubmittedAtDesc(page);
    Map<String, Long> counts = new java.util.HashMap<>();
    trials
        .countByExperiment(found.map(Experiment::id).getContent())
        .forEach(count -> counts.put(count.getExperimentId(), count.getCount()));
    return found.map(
        experiment ->
            ExperimentSummary.of(experiment, counts.getOrDefault(experiment.id(), 0L).intValue()));
  }

  public ExperimentView get(String id) {
    Experiment experiment = require(id);
    JsonNode config = configs.parse(experiment.config());
    OptimizeMode mode = optimizeModes.of(config);
    Map<TrialStatus, Long> counts = new EnumMap<>(TrialStatus.class);
    trials.countByStatus(id).forEach(count -> counts.put(count.getStatus(), count.getCount()));
    Optional<Trial> best =
        mode == OptimizeMode.MAXIMIZE
            ? trials.findFirstByExperimentIdAndFinalValueNotNullOrderByFinalValueDesc(id)
            : trials.findFirstByExperimentIdAndFinalValueNotNullOrderByFinalValueAsc(id);
    return new ExperimentView(
        experiment.id(),
        experiment.name(),
        experiment.status(),
        experiment.message(),
        config,
        experiment.submittedAt(),
        experiment.startedAt(),
        experiment.endedAt(),
        experiment.activeDuration(clock.instant()).toSeconds(),
        counts.values().stream().mapToInt(Long::intValue).sum(),
        counts,
        mode.nniName(),
        best.map(trial -> new BestTrial(trial.trialId(), trial.sequenceId(), trial.finalValue()))
            .orElse(null));
  }

  /**
   * Changes {@code trialConcurrency}, {@code maxTrialNumber}, {@code maxExperimentDuration} or
   * {@code searchSpace}; null removes a limit. A finished experiment whose budget grows resumes.
   *
   * @throws InvalidConfigException when a field cannot change or its new value is invalid
   */
  public ExperimentView update(String id, JsonNode patch) {
    Experiment experiment = require(id);
    ExperimentConfig changed = changes.apply(configs.parse(experiment.config()), patch);
    ledger.changeConfig(id, configs.write(changed).toString());
    Optional<ExperimentRunner> runner = runners.find(id);
    if (runner.isPresent()) {
      await(runner.get().changeConfig(changed));
    } else if (experiment.status() == ExperimentStatus.DONE) {
      await(runners.start(id, StartMode.RESUME));
    }
    return get(id);
  }

  /** Stops the experiment, ending its running trials; returns once it is STOPPED or time is up. */
  public ExperimentView stop(String id) {
    Experiment experiment = require(id);
    Optional<ExperimentRunner> runner = runners.find(id);
    if (runner.isPresent()) {
      long wait = properties.trials().killGrace().toMillis() + 5000;
      try {
        runner.get().stop().get(wait, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // Still STOPPING: the caller sees that status and can look again.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        throw unwrap(e);
      }
    } else if (!experiment.status().isFinal()) {
      ledger.markStopping(id);
      ledger.markStopped(id);
    }
    return get(id);
  }

  /** Resumes a STOPPED, DONE or ERROR experiment from its stored history. */
  public ExperimentView resume(String id) {
    Experiment experiment = require(id);
    if (!experiment.status().isFinal()) {
      throw new IllegalStatusException(
          "Experiment "
              + id
              + " is "
              + experiment.status()
              + "; only STOPPED, DONE or ERROR experiments can be resumed");
    }
    await(runners.start(id, StartMode.RESUME));
    return get(id);
  }

  /**
   * Imports earlier results ({@code [{"parameter": {...}, "value": 0.93}]}, NNI's import-data form)
   * to warm-start the tuner.
   *
   * @return how many were imported
   */
  public int importResults(String id, JsonNode body) {
    require(id);
    List<ImportedResults.Result> results = ImportedResults.parse(body);
    ledger.importResults(id, results);
    runners.find(id).ifPresent(runner -> await(runner.imported(results)));
    return results.size();
  }

  /**
   * Adds a customised trial: {@code {"parameters": {...}}} with a value for every parameter of the
   * search space. It runs like any trial (waiting for a free slot) with {@code parameter_source}
   * "customized" and no parameter id, as NNI's customized trials do.
   *
   * @return the new trial's id; the trial is recorded when this returns
   * @throws InvalidInputException when the parameters are not a point of the search space
   * @throws IllegalStatusException when the experiment is not running or its budget is used up
   */
  public String addCustomizedTrial(String id, JsonNode body) {
    require(id);
    ExperimentRunner runner =
        runners
            .find(id)
            .orElseThrow(
                () ->
                    new IllegalStatusException(
                        "Experiment " + id + " is not running, so it takes no new trials"));
    Map<String, Object> parameters = CustomizedParameters.read(body, searchSpace(id));
    return await(runner.customize(parameters));
  }

  private SearchSpace searchSpace(String id) {
    return configs.read(configs.parse(require(id).config())).searchSpace();
  }

  /** Ends a running trial as USER_CANCELED; the trial's status changes once its process exits. */
  public void cancelTrial(String id, String trialId) {
    require(id);
    Trial trial =
        trials
            .findByExperimentIdAndTrialId(id, trialId)
            .orElseThrow(() -> new TrialNotFoundException(id, trialId));
    if (trial.status().isFinished()) {
      throw new IllegalStatusException(
          "Trial " + trialId + " has already ended as " + trial.status());
    }
    ExperimentRunner runner =
        runners
            .find(id)
            .orElseThrow(
                () ->
                    new IllegalStatusException(
                        "Experiment " + id + " is not running, so its trials cannot be cancelled"));
    await(runner.cancel(trialId));
  }

  /** The experiment, or a 404 for the API. */
  public Experiment require(String id) {
    return experiments.findById(id).orElseThrow(() -> new ExperimentNotFoundException(id));
  }

  /** NNI's experiment id form: eight distinct characters from [a-z0-9]. */
  private String newExperimentId() {
    String id;
    do {
      StringBuilder builder = new StringBuilder();
      while (builder.length() < 8) {
        char next = ID_CHARACTERS.charAt(random.nextInt(ID_CHARACTERS.length()));
        if (builder.indexOf(String.valueOf(next)) < 0) {
          builder.append(next);
        }
      }
      id = builder.toString();
    } while (experiments.existsById(id));
    return id;
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw unwrap(e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("The experiment runner did not answer within 60 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the experiment runner", e);
    }
  }

  private static RuntimeException unwrap(ExecutionException e) {
    return e.getCause() instanceof RuntimeException cause
        ? cause
        : new IllegalStateException(e.getCause());
  }
}
