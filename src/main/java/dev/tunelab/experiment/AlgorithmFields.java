package dev.tunelab.experiment;

import dev.tunelab.assessor.AssessorCatalog;
import dev.tunelab.assessor.AssessorFactory;
import dev.tunelab.experiment.ExperimentConfig.AlgorithmConfig;
import dev.tunelab.searchspace.SearchSpace;
import dev.tunelab.tuner.InvalidTunerArgsException;
import dev.tunelab.tuner.TunerArgs;
import dev.tunelab.tuner.TunerCatalog;
import dev.tunelab.tuner.TunerFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code tuner} (or its deprecated name {@code advisor}) and {@code assessor} objects: a
 * built-in name from the catalog and {@code classArgs} that the algorithm accepts.
 */
final class AlgorithmFields {

  private final TunerCatalog tuners;
  private final AssessorCatalog assessors;
  private final JsonMapper json;

  AlgorithmFields(TunerCatalog tuners, AssessorCatalog assessors, JsonMapper json) {
    this.tuners = tuners;
    this.assessors = assessors;
    this.json = json;
  }

  /** The tuner, checked against the catalog and the search space; null with problems recorded. */
  AlgorithmConfig tuner(ConfigObject config, SearchSpace space) {
    if (config.has("advisor") && config.has("tuner")) {
      config.problem("advisor", "is the deprecated name of tuner; give only tuner");
    }
    String field = config.has("tuner") ? "tuner" : "advisor";
    AlgorithmConfig tuner = algorithmConfig(config, field);
    if (tuner == null) {
      if (!config.has(field)) {
        config.problem("tuner", "is required; choose one of " + String.join(", ", tuners.names()));
      }
      return null;
    }
    Optional<TunerFactory> factory = tuners.find(tuner.name());
    if (factory.isEmpty()) {
      config.problem(
          field + ".name",
          "'"
              + tuner.name()
              + "' is not a tuner; choose one of "
              + String.join(", ", tuners.names()));
      return tuner;
    }
    try {
      TunerArgs.bind(factory.get().arguments(), tuner.classArgs(), 0);
    } catch (InvalidTunerArgsException e) {
      e.problems()
          .forEach(problem -> config.problem(field + "." + problem.field(), problem.message()));
    }
    if (space != null) {
      factory
          .get()
          .checkSearchSpace(space)
          .forEach(
              problem -> config.problem(problem.under("searchSpace").field(), problem.message()));
    }
    return tuner;
  }

  /** The assessor, checked against the catalog; null when none is given or it is invalid. */
  AlgorithmConfig assessor(ConfigObject config) {
    AlgorithmConfig assessor = algorithmConfig(config, "assessor");
    if (assessor == null) {
      return null;
    }
    Optional<AssessorFactory> factory = assessors.find(assessor.name());
    if (factory.isEmpty()) {
      config.problem(
          "assessor.name",
          "'"
              + assessor.name()
              + "' is not an assessor; choose one of "
              + String.join(", ", assessors.names()));
      return assessor;
    }
    try {
      // Building it also checks the values' ranges: a bad one is a 400 now, not an ERROR later.
      factory.get().create(TunerArgs.bind(factory.get().arguments(), assessor.classArgs(), 0));
    } catch (InvalidTunerArgsException e) {
      e.problems()
          .forEach(problem -> config.problem("assessor." + problem.field(), problem.message()));
    }
    return assessor;
  }

  private AlgorithmConfig algorithmConfig(ConfigObject config, String field) {
    JsonNode node = config.node(field);
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      config.problem(field, "must be an object such as {name: Random, classArgs: {seed: 7}}");
      return null;
    }
    ConfigObject algorithm = config.child(field, node);
    String name = algorithm.string("name");
    if (algorithm.has("className") || algorithm.has("codeDirectory")) {
      algorithm.string("codeDirectory");
      algorithm.problem(
          "className", "custom algorithm classes are not supported; use a built-in name");
    }
    if (name == null && !algorithm.has("className")) {
      algorithm.problem("name", "is required");
    }
    JsonNode args = algorithm.node("classArgs");
    Map<String, Object> classArgs = new LinkedHashMap<>();
    if (args != null && !args.isObject()) {
      algorithm.problem("classArgs", "must be an object of arguments");
    } else if (args != null) {
      args.properties()
          .forEach(
              entry ->
                  classArgs.put(entry.getKey(), json.treeToValue(entry.getValue(), Object.class)));
    }
    algorithm.rejectUnread("name, classArgs");
    return name == null ? null : new AlgorithmConfig(name, classArgs);
  }
}
