package dev.tunelab.experiment;

import dev.tunelab.searchspace.FieldProblem;
import dev.tunelab.searchspace.Parameter;
import dev.tunelab.searchspace.SearchSpace;
import dev.tunelab.web.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of a customised-trial request, {@code {"parameters": {...}}}, and checks it
 * against the search space, naming each parameter that is missing, unknown or out of range.
 */
final class CustomizedParameters {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CustomizedParameters() {}

  /** The parameters, in the search space's order. */
  static Map<String, Object> read(JsonNode body, SearchSpace space) {
    JsonNode given = body.path("parameters");
    if (!given.isObject()) {
      throw new InvalidInputException(
          "parameters", "must be an object with a value for each parameter of the search space");
    }
    Map<String, Object> values =
        JSON.convertValue(given, new TypeReference<LinkedHashMap<String, Object>>() {});
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, Object> ordered = new LinkedHashMap<>();
    Map<String, Object> described = space.toJson();
    for (Parameter parameter : space.parameters()) {
      String field = "parameters." + parameter.name();
      if (!values.containsKey(parameter.name())) {
        problems.add(new FieldProblem(field, "is missing"));
      } else if (!parameter.contains(values.get(parameter.name()))) {
        problems.add(
            new FieldProblem(
                field,
                JSON.writeValueAsString(values.get(parameter.name()))
                    + " is not a value of "
                    + JSON.writeValueAsString(described.get(parameter.name()))));
      }
      ordered.put(parameter.name(), values.get(parameter.name()));
    }
    values.keySet().stream()
        .filter(name -> !described.containsKey(name))
        .forEach(
            name ->
                problems.add(new FieldProblem("parameters." + name, "is not in the search space")));
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return ordered;
  }
}
