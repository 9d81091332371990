package dev.tunelab.experiment;

import dev.tunelab.assessor.AssessorCatalog;
import dev.tunelab.tuner.ArgSpec;
import dev.tunelab.tuner.TunerCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalog: every tuner and assessor a config may name, with its arguments. */
@RestController
@Tag(name = "Tuners")
class AlgorithmApiController {

  private final TunerCatalog tuners;
  private final AssessorCatalog assessors;

  AlgorithmApiController(TunerCatalog tuners, AssessorCatalog assessors) {
    this.tuners = tuners;
    this.assessors = assessors;
  }

  @Operation(
      summary =
          "Every tuner and assessor with its classArgs: type, default, allowed values and a description")
  @GetMapping("/api/v1/tuners")
  Catalog catalog() {
    return new Catalog(
        tuners.all().stream()
            .map(
                t ->
                    new Algorithm(t.name(), t.aliases(), t.description(), arguments(t.arguments())))
            .toList(),
        assessors.all().stream()
            .map(
                a ->
                    new Algorithm(a.name(), a.aliases(), a.description(), arguments(a.arguments())))
            .toList());
  }

  private static List<Argument> arguments(List<ArgSpec> specs) {
    return specs.stream()
        .map(
            spec ->
                new Argument(
                    spec.name(),
                    spec.type().name().toLowerCase(java.util.Locale.ROOT),
                    spec.defaultValue(),
                    spec.description(),
                    spec.allowed(),
                    arguments(spec.fields())))
        .toList();
  }

  /** The tuners and assessors. */
  record Catalog(List<Algorithm> tuners, List<Algorithm> assessors) {}

  /** One algorithm: the name to write in a config, other names that work, and its arguments. */
  record Algorithm(
      String name, List<String> aliases, String description, List<Argument> classArgs) {}

  /**
   * One argument.
   *
   * @param type string, integer, number, boolean or object
   * @param defaultValue null when it has none
   * @param allowed for strings, the values accepted; empty for any
   * @param fields for objects, their arguments
   */
  record Argument(
      String name,
      String type,
      Object defaultValue,
      String description,
      List<String> allowed,
      List<Argument> fields) {}
}
