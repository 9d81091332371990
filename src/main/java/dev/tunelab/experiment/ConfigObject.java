package dev.tunelab.experiment;

import dev.tunelab.searchspace.FieldProblem;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One object of a config, with NNI's key rules: keys match case-insensitively and ignoring
 * underscores, and {@code null} means "not set". Reading a field of the wrong type records a {@link
 * FieldProblem} and returns null, so a whole config is checked in one pass.
 */
final class ConfigObject {

  private final String path;
  private final Map<String, Map.Entry<String, JsonNode>> fields = new LinkedHashMap<>();
  private final Set<String> read = new HashSet<>();
  private final List<FieldProblem> problems;

  ConfigObject(String path, JsonNode node, List<FieldProblem> problems) {
    this.path = path;
    this.problems = problems;
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      Map.Entry<String, JsonNode> earlier = fields.put(normalize(entry.getKey()), entry);
      if (earlier != null) {
        problems.add(
            new FieldProblem(
                field(entry.getKey()),
                "is given twice (as '" + earlier.getKey() + "' and '" + entry.getKey() + "')"));
      }
    }
  }

  /** A nested object whose problems join this one's. */
  ConfigObject child(String name, JsonNode node) {
    return new ConfigObject(field(name), node, problems);
  }

  static String normalize(String key) {
    return key.replace("_", "").toLowerCase(Locale.ROOT);
  }

  /** The dotted path of a field of this object, for messages. */
  String field(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  void problem(String name, String message) {
    problems.add(new FieldProblem(field(name), message));
  }

  /** The field's node, or null when absent or JSON null. */
  JsonNode node(String name) {
    String key = normalize(name);
    read.add(key);
    Map.Entry<String, JsonNode> entry = fields.get(key);
    return entry == null || entry.getValue().isNull() ? null : entry.getValue();
  }

  /** Whether the field is given and not null; asking counts as reading it. */
  boolean has(String name) {
    String key = normalize(name);
    read.add(key);
    Map.Entry<String, JsonNode> entry = fields.get(key);
    return entry != null && !entry.getValue().isNull();
  }

  String string(String name) {
    JsonNode node = node(name);
    if (node == null) {
      return null;
    }
    if (!node.isString()) {
      problem(name, "must be a string, not " + node);
      return null;
    }
    return node.stringValue();
  }

  /** An integer of at least {@code min}, or null when unset or invalid. */
  Integer integer(String name, int min) {
    JsonNode node = node(name);
    if (node == null) {
      return null;
    }
    boolean integral =
        node.isIntegralNumber()
            || (node.isNumber() && node.doubleValue() == Math.rint(node.doubleValue()));
    if (!integral || !node.canConvertToInt()) {
      problem(name, "must be an integer of at least " + min + ", not " + node);
      return null;
    }
    if (node.intValue() < min) {
      problem(name, "must be at least " + min + ", not " + node.intValue());
      return null;
    }
    return node.intValue();
  }

  Boolean bool(String name) {
    JsonNode node = node(name);
    if (node == null) {
      return null;
    }
    if (!node.isBoolean()) {
      problem(name, "must be true or false, not " + node);
      return null;
    }
    return node.booleanValue();
  }

  /** Records a problem for every key that no reader asked for. */
  void rejectUnread(String allowed) {
    fields.forEach(
        (key, entry) -> {
          if (!read.contains(key)) {
            problems.add(
                new FieldProblem(
                    field(entry.getKey()), "is not a known field; allowed: " + allowed));
          }
        });
  }
}
