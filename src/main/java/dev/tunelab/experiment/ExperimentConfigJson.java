package dev.tunelab.experiment;

import dev.tunelab.assessor.AssessorCatalog;
import dev.tunelab.experiment.ExperimentConfig.AlgorithmConfig;
import dev.tunelab.experiment.ExperimentConfig.TrainingServiceConfig;
import dev.tunelab.searchspace.FieldProblem;
import dev.tunelab.searchspace.SearchSpace;
import dev.tunelab.tuner.TunerCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads NNI v2 experiment configs (already parsed from JSON or YAML into a tree) into {@link
 * ExperimentConfig}, checking every field, and writes the canonical JSON that Tunelab stores and
 * returns: camelCase keys, absolute paths, the search space inlined, unset fields left out.
 */
public final class ExperimentConfigJson {

  private static final String TOP_LEVEL_FIELDS =
      "experimentName, searchSpace, searchSpaceFile, trialCommand, trialCodeDirectory,"
          + " trialConcurrency, trialGpuNumber, maxExperimentDuration, maxTrialNumber,"
          + " maxTrialDuration, tuner, assessor, trainingService, experimentWorkingDirectory,"
          + " debug, logLevel, experimentType, nniManagerIp, useAnnotation, tunerGpuIndices";
  static final List<String> LOG_LEVELS =
      List.of("fatal", "error", "warning", "info", "debug", "trace");

  private final TunerCatalog tuners;
  private final AssessorCatalog assessors;
  private final ConfigPaths paths;
  private final JsonMapper json = JsonMapper.builder().build();

  public ExperimentConfigJson(TunerCatalog tuners, AssessorCatalog assessors, ConfigPaths paths) {
    this.tuners = tuners;
    this.assessors = assessors;
    this.paths = paths;
  }

  /**
   * Reads and checks a config.
   *
   * @throws InvalidConfigException naming every bad field and what it allows
   */
  public ExperimentConfig read(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new InvalidConfigException("", "the experiment config must be an object of fields");
    }
    List<FieldProblem> problems = new ArrayList<>();
    ConfigObject config = new ConfigObject("", root, problems);

    TrainingServiceFields service = TrainingServiceFields.read(config, problems);
    String name = config.string("experimentName");
    String command = nonBlank(config, "trialCommand", service.trialCommand());
    String codeText =
        Optional.ofNullable(config.string("trialCodeDirectory"))
            .or(() -> Optional.ofNullable(service.trialCodeDirectory()))
            .orElse(".");
    Path codeDirectory = paths.existingDirectory(config, "trialCodeDirectory", codeText);
    int concurrency = required(config, "trialConcurrency", config.integer("trialConcurrency", 1));
    Integer gpuNumber = gpuNumber(config, service);
    Duration maxDuration = duration(config, "maxExperimentDuration");
    Integer maxTrials = config.integer("maxTrialNumber", 1);
    Duration maxTrialDuration = duration(config, "maxTrialDuration");
    Path workingDirectory = paths.workingDirectory(config);
    Boolean debug = config.bool("debug");
    String logLevel = logLevel(config, Boolean.TRUE.equals(debug));
    checkIgnoredFields(config);

    SearchSpace space = new SearchSpaceField(paths, json).read(config, codeDirectory);
    AlgorithmFields algorithms = new AlgorithmFields(tuners, assessors, json);
    AlgorithmConfig tuner = algorithms.tuner(config, space);
    AlgorithmConfig assessor = algorithms.assessor(config);
    TrainingServiceConfig trainingService = service.toConfig(gpuNumber, config, problems);
    config.rejectUnread(TOP_LEVEL_FIELDS);

    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    return new ExperimentConfig(
        name,
        space,
        command,
        codeDirectory,
        concurrency,
        gpuNumber,
        maxDuration,
        maxTrials,
        maxTrialDuration,
        tuner,
        assessor,
        trainingService,
        workingDirectory,
        Boolean.TRUE.equals(debug),
        logLevel);
  }

  /** Parses stored canonical JSON back into a tree for {@link #read}. */
  public JsonNode parse(String canonicalJson) {
    return json.readTree(canonicalJson);
  }

  /** The canonical JSON form of a config, as stored and returned by the API. */
  public ObjectNode write(ExperimentConfig config) {
    ObjectNode node = json.createObjectNode();
    if (config.experimentName() != null) {
      node.put("experimentName", config.experimentName());
    }
    node.put("experimentType", "hpo");
    node.set("searchSpace", json.valueToTree(config.searchSpace().toJson()));
    node.put("trialCommand", config.trialCommand());
    node.put("trialCodeDirectory", config.trialCodeDirectory().toString());
    node.put("trialConcurrency", config.trialConcurrency());
    if (config.trialGpuNumber() != null) {
      node.put("trialGpuNumber", config.trialGpuNumber());
    }
    if (config.maxExperimentDuration() != null) {
      node.put("maxExperimentDuration", DurationText.format(config.maxExperimentDuration()));
    }
    if (config.maxTrialNumber() != null) {
      node.put("maxTrialNumber", config.maxTrialNumber());
    }
    if (config.maxTrialDuration() != null) {
      node.put("maxTrialDuration", DurationText.format(config.maxTrialDuration()));
    }
    node.set("tuner", algorithm(config.tuner()));
    if (config.assessor() != null) {
      node.set("assessor", algorithm(config.assessor()));
    }
    ObjectNode service = node.putObject("trainingService");
    service.put("platform", "local");
    TrainingServiceConfig local = config.trainingService();
    if (local.useActiveGpu() != null) {
      service.put("useActiveGpu", local.useActiveGpu());
    }
    service.put("maxTrialNumberPerGpu", local.maxTrialNumberPerGpu());
    if (local.gpuIndices() != null) {
      service.set("gpuIndices", json.valueToTree(local.gpuIndices()));
    }
    node.put("experimentWorkingDirectory", config.experimentWorkingDirectory().toString());
    node.put("debug", config.debug());
    node.put("logLevel", config.logLevel());
    return node;
  }

  private ObjectNode algorithm(AlgorithmConfig algorithm) {
    ObjectNode node = json.createObjectNode();
    node.put("name", algorithm.name());
    node.set("classArgs", json.valueToTree(algorithm.classArgs()));
    return node;
  }

  private static String nonBlank(ConfigObject config, String name, String fallback) {
    String value = config.has(name) ? config.string(name) : fallback;
    if (value == null || value.isBlank()) {
      if (!config.has(name) || value != null) {
        config.problem(
            name,
            "is required: the shell command that runs one trial, such as \"python3 train.py\"");
      }
      return null;
    }
    return value;
  }

  private static int required(ConfigObject config, String name, Integer value) {
    if (value == null && !config.has(name)) {
      config.problem(name, "is required: how many trials may run at once, at least 1");
    }
    return value == null ? 1 : value;
  }

  private static Integer gpuNumber(ConfigObject config, TrainingServiceFields service) {
    Integer gpus =
        config.has("trialGpuNumber")
            ? config.integer("trialGpuNumber", 0)
            : service.trialGpuNumber();
    return gpus;
  }

  private static Duration duration(ConfigObject config, String name) {
    JsonNode node = config.node(name);
    if (node == null) {
      return null;
    }
    Optional<Duration> parsed = Optional.empty();
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      parsed = Optional.of(Duration.ofSeconds(node.longValue()));
    } else if (node.isString()) {
      parsed = DurationText.parse(node.stringValue());
      if (parsed.isEmpty() && node.stringValue().trim().matches("\\d+(\\.\\d*)?")) {
        config.problem(
            name,
            "'"
                + node.stringValue()
                + "' has no unit; write it as "
                + node.stringValue().trim()
                + "s, "
                + node.stringValue().trim()
                + "m, "
                + node.stringValue().trim()
                + "h or "
                + node.stringValue().trim()
                + "d");
        return null;
      }
    }
    if (parsed.isEmpty()) {
      config.problem(name, node + " is not a duration; use " + DurationText.ALLOWED);
      return null;
    }
    if (parsed.get().isNegative() || parsed.get().isZero()) {
      config.problem(name, "must be longer than zero, not " + node);
      return null;
    }
    return parsed.get();
  }

  private static String logLevel(ConfigObject config, boolean debug) {
    String level = config.string("logLevel");
    if (level == null) {
      return debug ? "debug" : "info";
    }
    if (!LOG_LEVELS.contains(level.toLowerCase(java.util.Locale.ROOT))) {
      config.problem(
          "logLevel",
          "'" + level + "' is not a log level; allowed: " + String.join(", ", LOG_LEVELS));
      return "info";
    }
    return level.toLowerCase(java.util.Locale.ROOT);
  }

  private static void checkIgnoredFields(ConfigObject config) {
    String type = config.string("experimentType");
    if (type != null && !type.equalsIgnoreCase("hpo")) {
      config.problem(
          "experimentType", "'" + type + "' is not supported; Tunelab runs hpo experiments");
    }
    if (Boolean.TRUE.equals(config.bool("useAnnotation"))) {
      config.problem(
          "useAnnotation",
          "annotations are not supported; give a searchSpace and use the trial SDK");
    }
    config.string("nniManagerIp");
    new GpuIndices(config).read("tunerGpuIndices");
  }
}
