package dev.tunelab.searchspace;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses the options of one {@code choice}, plain or nested. */
final class ChoiceParser {

  private final SearchSpaceParser parser;
  private boolean failed;

  ChoiceParser(SearchSpaceParser parser) {
    this.parser = parser;
  }

  /** The parameter, or null after reporting its problems; {@code field} is its {@code _value}. */
  ChoiceParameter parse(String name, List<?> values, String field) {
    if (values.isEmpty()) {
      problem(field, "choice needs at least one option");
      return null;
    }
    // NNI's validation calls a choice nested when its first option has a _name; any will do here,
    // so that a stray _name anywhere is reported rather than passed to trials as a plain value.
    boolean nested = values.stream().anyMatch(ChoiceParser::hasName);
    List<ChoiceOption> options = nested ? nested(values, field) : plain(values, field);
    return failed ? null : new ChoiceParameter(name, options);
  }

  private List<ChoiceOption> nested(List<?> values, String field) {
    List<ChoiceOption> options = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      String path = field + "[" + i + "]";
      if (!hasName(values.get(i))) {
        problem(
            path,
            "a nested choice needs every option to be an object with a string _name, got "
                + Numbers.render(values.get(i)));
        continue;
      }
      Map<?, ?> option = (Map<?, ?>) values.get(i);
      if (!(option.get("_name") instanceof String optionName)) {
        problem(path + "._name", "must be a string, got " + Numbers.render(option.get("_name")));
        continue;
      }
      if (!names.add(optionName)) {
        problem(
            path + "._name",
            "duplicate _name '"
                + optionName
                + "'; every option of a nested choice needs its own name");
      }
      Map<Object, Object> subSpace = new LinkedHashMap<>(option);
      subSpace.remove("_name");
      int before = parser.problemCount();
      SearchSpace space = parser.space(subSpace, path);
      failed |= parser.problemCount() != before;
      options.add(new ChoiceOption.Nested(optionName, space));
    }
    return options;
  }

  private List<ChoiceOption> plain(List<?> values, String field) {
    List<ChoiceOption> options = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      String path = field + "[" + i + "]";
      if (!isJson(value)) {
        problem(
            path,
            "must be a number, a string, a boolean, null, a list or an object, got a "
                + value.getClass().getSimpleName());
      } else if (value instanceof Map<?, ?> map && holdsParameters(map)) {
        problem(
            path,
            "holds sub-parameters but no _name; a nested choice needs a string _name in every option");
      } else {
        options.add(new ChoiceOption.Value(JsonValues.immutableCopy(value)));
      }
    }
    return options;
  }

  private void problem(String field, String message) {
    parser.problem(field, message);
    failed = true;
  }

  private static boolean hasName(Object option) {
    return option instanceof Map<?, ?> map && map.containsKey("_name");
  }

  private static boolean holdsParameters(Map<?, ?> map) {
    return map.values().stream()
        .anyMatch(value -> value instanceof Map<?, ?> sub && sub.containsKey("_type"));
  }

  private static boolean isJson(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Double
        || value instanceof Float
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger
        || value instanceof BigDecimal) {
      return true;
    }
    if (value instanceof List<?> list) {
      return list.stream().allMatch(ChoiceParser::isJson);
    }
    return value instanceof Map<?, ?> map && map.values().stream().allMatch(ChoiceParser::isJson);
  }
}
