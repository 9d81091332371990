package dev.tunelab.experiment;

import dev.tunelab.executor.TrialLaunch;
import dev.tunelab.executor.TrialProcess;
import dev.tunelab.gpu.GpuLease;
import dev.tunelab.trial.TrialStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runner's hands for single trials: records them, writes their parameter record, starts their
 * process, and reads back what a failed one said. Used only on the runner's thread.
 */
final class TrialLauncher {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String ALPHANUMERIC = LETTERS + "0123456789";

  private final String experimentId;
  private final RunnerServices services;
  private final SecureRandom random = new SecureRandom();
  private final Set<String> trialIds = new HashSet<>();
  private ExperimentConfig config;

  TrialLauncher(String experimentId, RunnerServices services) {
    this.experimentId = experimentId;
    this.services = services;
  }

  void useConfig(ExperimentConfig config) {
    this.config = config;
  }

  /** Keeps new trial ids apart from those of the stored trials. */
  void remember(TrialSnapshot trial) {
    trialIds.add(trial.trialId());
  }

  /** A new WAITING trial with fresh ids, not recorded yet. */
  TrialSnapshot newTrial(int sequenceId, Map<String, Object> parameters, String source) {
    String trialId = newTrialId();
    return new TrialSnapshot(
        services.trialIds().next(),
        trialId,
        sequenceId,
        TrialStatus.WAITING,
        JSON.writeValueAsString(parameters),
        source,
        trialsFolder().resolve(trialId),
        null,
        false,
        0,
        null,
        List.of(),
        false);
  }

  /**
   * Writes the trial's folder and starts its process.
   *
   * @param lease the trial's GPUs; null when the experiment does not schedule GPUs
   */
  TrialProcess start(TrialSnapshot trial, Map<String, Object> parameters, GpuLease lease)
      throws IOException {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put(
        "parameter_id", "customized".equals(trial.parameterSource()) ? null : trial.sequenceId());
    record.put("parameter_source", trial.parameterSource());
    record.put("parameters", parameters);
    if (!"customized".equals(trial.parameterSource())) {
      record.put("parameter_index", 0);
    }
    String cuda =
        lease != null
            ? lease.cudaVisibleDevices()
            : config.trialGpuNumber() != null && config.trialGpuNumber() == 0 ? "" : null;
    return services
        .training()
        .launch(
            new TrialLaunch(
                experimentId,
                trial.trialId(),
                trial.sequenceId(),
                trial.directory(),
                config.trialCodeDirectory(),
                config.trialCommand(),
                JSON.writeValueAsString(record),
                cuda));
  }

  /** Where this experiment's trial folders are. */
  Path trialsFolder() {
    return config.experimentWorkingDirectory().resolve(experimentId).resolve("trials");
  }

  /** NNI's trial id form: five characters, the first a letter. */
  private String newTrialId() {
    String id;
    do {
      StringBuilder builder =
          new StringBuilder().append(LETTERS.charAt(random.nextInt(LETTERS.length())));
      for (int i = 1; i < 5; i++) {
        builder.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
      }
      id = builder.toString();
    } while (!trialIds.add(id));
    return id;
  }
}
