package dev.tunelab.searchspace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns NNI's JSON form into a {@link SearchSpace}, collecting every problem with its path, by the
 * rules of NNI's {@code hpo_utils/validation.py} (which NNI only logs; Tunelab rejects).
 */
final class SearchSpaceParser {

  private final List<FieldProblem> problems = new ArrayList<>();

  private SearchSpaceParser() {}

  static SearchSpace parse(Map<String, ?> json) {
    if (json == null) {
      throw new InvalidSearchSpaceException(
          List.of(new FieldProblem("", "must be an object of parameters")));
    }
    SearchSpaceParser parser = new SearchSpaceParser();
    SearchSpace space = parser.space(json, "");
    if (!parser.problems.isEmpty()) {
      throw new InvalidSearchSpaceException(parser.problems);
    }
    return space;
  }

  /** Parses the entries of {@code json}; {@code path} is where the space sits, "" at the root. */
  SearchSpace space(Map<?, ?> json, String path) {
    List<Parameter> parameters = new ArrayList<>();
    Map<String, Object> copy = new LinkedHashMap<>();
    json.forEach(
        (rawName, spec) -> {
          String name = String.valueOf(rawName);
          copy.put(name, JsonValues.immutableCopy(spec));
          Parameter parameter = parameter(name, spec, path.isEmpty() ? name : path + "." + name);
          if (parameter != null) {
            parameters.add(parameter);
          }
        });
    return new SearchSpace(parameters, Collections.unmodifiableMap(copy));
  }

  void problem(String field, String message) {
    problems.add(new FieldProblem(field, message));
  }

  int problemCount() {
    return problems.size();
  }

  private Parameter parameter(String name, Object spec, String path) {
    if (!(spec instanceof Map<?, ?> map)) {
      problem(
          path,
          "must be an object such as {\"_type\": \"uniform\", \"_value\": [0, 1]}, got "
              + Numbers.render(spec));
      return null;
    }
    int before = problems.size();
    for (Object key : map.keySet()) {
      if (!"_type".equals(key) && !"_value".equals(key)) {
        problem(
            path + "." + key, "unknown key '" + key + "'; a parameter has only _type and _value");
      }
    }
    ParameterType type = type(map, path);
    Object rawValue = map.get("_value");
    String needs = type == null ? "it must be a list" : type.nniName() + " needs " + type.shape();
    if (!map.containsKey("_value")) {
      problem(path + "._value", "is missing; " + needs);
    } else if (!(rawValue instanceof List<?>)) {
      problem(path + "._value", "must be a list (" + needs + "), got " + Numbers.render(rawValue));
    }
    if (type == null || !(rawValue instanceof List<?> values)) {
      return null;
    }
    String field = path + "._value";
    Parameter parameter =
        switch (type) {
          case CHOICE -> new ChoiceParser(this).parse(name, values, field);
          case RANDINT -> new RangeParser(this, field).randint(name, values);
          default -> new RangeParser(this, field).numeric(name, type, values);
        };
    return problems.size() == before ? parameter : null;
  }

  private ParameterType type(Map<?, ?> map, String path) {
    Object rawType = map.get("_type");
    if (!map.containsKey("_type")) {
      problem(path + "._type", "is missing; allowed: " + ParameterType.ALLOWED);
      return null;
    }
    ParameterType type =
        rawType instanceof String text ? ParameterType.fromNniName(text).orElse(null) : null;
    if (type == null) {
      problem(
          path + "._type",
          "unknown _type " + Numbers.render(rawType) + "; allowed: " + ParameterType.ALLOWED);
    }
    return type;
  }
}
