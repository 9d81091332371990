package dev.tunelab.experiment;

import dev.tunelab.tuner.ArgSpec;
import dev.tunelab.tuner.OptimizeMode;
import dev.tunelab.tuner.TunerCatalog;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Which way an experiment optimises: its tuner's {@code optimize_mode}, or that tuner's default.
 */
@Component
class OptimizeModes {

  private final TunerCatalog tuners;

  OptimizeModes(TunerCatalog tuners) {
    this.tuners = tuners;
  }

  /**
   * @param config a canonical stored config
   */
  OptimizeMode of(JsonNode config) {
    JsonNode tuner = config.path("tuner");
    JsonNode given = tuner.path("classArgs").path("optimize_mode");
    if (given.isString()) {
      return OptimizeMode.parse(given.stringValue());
    }
    return tuners
        .find(tuner.path("name").asString(""))
        .flatMap(
            factory ->
                factory.arguments().stream()
                    .filter(arg -> arg.name().equals("optimize_mode"))
                    .findFirst())
        .map(ArgSpec::defaultValue)
        .map(value -> OptimizeMode.parse((String) value))
        .orElse(OptimizeMode.MAXIMIZE);
  }
}
