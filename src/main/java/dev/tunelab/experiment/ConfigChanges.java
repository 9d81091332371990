package dev.tunelab.experiment;

import dev.tunelab.searchspace.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a change to a running experiment's config. Only the fields NNI lets users change while an
 * experiment runs may appear; {@code null} removes a limit. The changed config is checked as a
 * whole, so a change can never leave an experiment with a config it could not have started with.
 */
final class ConfigChanges {

  /** Normalised key to canonical field name, for the fields that may change. */
  private static final Map<String, String> CHANGEABLE =
      Map.of(
          "trialconcurrency", "trialConcurrency",
          "maxtrialnumber", "maxTrialNumber",
          "maxexperimentduration", "maxExperimentDuration",
          "searchspace", "searchSpace");

  private static final List<String> REMOVABLE = List.of("maxTrialNumber", "maxExperimentDuration");
  private static final String ALLOWED =
      "trialConcurrency, maxTrialNumber, maxExperimentDuration, searchSpace";

  private final ExperimentConfigJson configs;

  ConfigChanges(ExperimentConfigJson configs) {
    this.configs = configs;
  }

  ExperimentConfig apply(JsonNode stored, JsonNode patch) {
    if (patch == null || !patch.isObject() || patch.isEmpty()) {
      throw new InvalidConfigException("", "send an object with at least one of " + ALLOWED);
    }
    ObjectNode changed = ((ObjectNode) stored).deepCopy();
    List<FieldProblem> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : patch.properties()) {
      String field = CHANGEABLE.get(ConfigObject.normalize(entry.getKey()));
      if (field == null) {
        problems.add(
            new FieldProblem(
                entry.getKey(),
                "cannot be changed while an experiment exists; changeable: " + ALLOWED));
      } else if (entry.getValue().isNull() && !REMOVABLE.contains(field)) {
        problems.add(new FieldProblem(field, "cannot be removed; give a new value"));
      } else if (entry.getValue().isNull()) {
        changed.remove(field);
      } else {
        changed.set(field, entry.getValue());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    return configs.read(changed);
  }
}
