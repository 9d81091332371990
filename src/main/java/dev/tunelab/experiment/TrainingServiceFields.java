package dev.tunelab.experiment;

import dev.tunelab.experiment.ExperimentConfig.TrainingServiceConfig;
import dev.tunelab.searchspace.FieldProblem;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The {@code trainingService} object. NNI's canonical JSON repeats {@code trialCommand}, {@code
 * trialCodeDirectory}, {@code trialGpuNumber}, {@code debug} and {@code nniManagerIp} here; they
 * are accepted, and used when the top level leaves them out.
 */
record TrainingServiceFields(
    String trialCommand,
    String trialCodeDirectory,
    Integer trialGpuNumber,
    Boolean useActiveGpu,
    Integer maxTrialNumberPerGpu,
    List<Integer> gpuIndices) {

  private static final String FIELDS =
      "platform, useActiveGpu, maxTrialNumberPerGpu, gpuIndices, reuseMode, trialCommand,"
          + " trialCodeDirectory, trialGpuNumber, debug, nniManagerIp";

  static TrainingServiceFields read(ConfigObject config, List<FieldProblem> problems) {
    JsonNode node = config.node("trainingService");
    if (node == null) {
      return new TrainingServiceFields(null, null, null, null, null, null);
    }
    if (node.isArray()) {
      config.problem(
          "trainingService",
          "hybrid training services (a list) are not supported; use {platform: local}");
      return new TrainingServiceFields(null, null, null, null, null, null);
    }
    if (!node.isObject()) {
      config.problem("trainingService", "must be an object such as {platform: local}");
      return new TrainingServiceFields(null, null, null, null, null, null);
    }
    ConfigObject service = config.child("trainingService", node);
    String platform = service.string("platform");
    if (platform == null && !service.has("platform")) {
      service.problem("platform", "is required; Tunelab supports local");
    } else if (platform != null && !platform.toLowerCase(Locale.ROOT).equals("local")) {
      service.problem(
          "platform", "'" + platform + "' is not supported yet; Tunelab supports local");
    }
    if (Boolean.TRUE.equals(service.bool("reuseMode"))) {
      service.problem(
          "reuseMode", "reuse mode does not apply to the local platform; leave it false");
    }
    service.bool("debug");
    service.string("nniManagerIp");
    TrainingServiceFields fields =
        new TrainingServiceFields(
            shortcut(config, service, "trialCommand", service.string("trialCommand")),
            shortcut(config, service, "trialCodeDirectory", service.string("trialCodeDirectory")),
            shortcut(config, service, "trialGpuNumber", service.integer("trialGpuNumber", 0)),
            service.bool("useActiveGpu"),
            service.integer("maxTrialNumberPerGpu", 1),
            new GpuIndices(service).read("gpuIndices"));
    service.rejectUnread(FIELDS);
    return fields;
  }

  /** A shortcut field given in both places must agree. */
  private static <T> T shortcut(
      ConfigObject config, ConfigObject service, String name, T inService) {
    if (inService != null && config.has(name)) {
      JsonNode top = config.node(name);
      String topText = top.isString() ? top.stringValue() : top.toString();
      if (!Objects.equals(topText, inService.toString())) {
        service.problem(name, "differs from the top-level " + name + "; give it once");
      }
    }
    return inService;
  }

  TrainingServiceConfig toConfig(
      Integer gpuNumber, ConfigObject config, List<FieldProblem> problems) {
    int perGpu = maxTrialNumberPerGpu == null ? 1 : maxTrialNumberPerGpu;
    if (perGpu != 1 && (gpuNumber == null || gpuNumber == 0)) {
      config.problem(
          "trainingService.maxTrialNumberPerGpu",
          "must stay 1 unless trialGpuNumber is at least 1, because trials are not given GPUs");
    }
    return new TrainingServiceConfig(useActiveGpu, perGpu, gpuIndices);
  }
}
