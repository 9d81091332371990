package dev.tunelab.experiment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads NNI's GPU index fields, which accept {@code [0, 2]}, {@code 1} or {@code "0,2"}. */
final class GpuIndices {

  private static final String ALLOWED =
      "a list of distinct GPU indices such as [0, 2], one index, or a string such as \"0,2\"";

  private final ConfigObject config;

  GpuIndices(ConfigObject config) {
    this.config = config;
  }

  /** The indices in the given order, or null when unset or invalid. */
  List<Integer> read(String name) {
    JsonNode node = config.node(name);
    if (node == null) {
      return null;
    }
    List<String> items = new ArrayList<>();
    if (node.isArray()) {
      node.values()
          .forEach(item -> items.add(item.isIntegralNumber() ? item.asString() : "?" + item));
    } else if (node.isIntegralNumber()) {
      items.add(node.asString());
    } else if (node.isString()) {
      for (String part : node.stringValue().split(",", -1)) {
        items.add(part.trim());
      }
    } else {
      items.add("?" + node);
    }
    Set<Integer> indices = new LinkedHashSet<>();
    for (String item : items) {
      if (!item.matches("\\d{1,4}") || !indices.add(Integer.parseInt(item))) {
        config.problem(name, node + " is not valid; use " + ALLOWED);
        return null;
      }
    }
    return List.copyOf(indices);
  }
}
