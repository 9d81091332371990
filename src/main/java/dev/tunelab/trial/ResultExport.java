package dev.tunelab.trial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The results of an experiment's succeeded trials, in NNI's export shape: one entry per trial with
 * its parameters and its final metric. CSV flattens both: nested parameters become dotted columns,
 * a dict metric one column per key, a plain number the column {@code default}.
 */
final class ResultExport {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private final List<Trial> trials;

  /**
   * @param trials the trials to export, in order; those without a FINAL metric are left out
   */
  ResultExport(List<Trial> trials) {
    this.trials = trials.stream().filter(trial -> trial.finalData() != null).toList();
  }

  /** {@code [{"trialJobId", "sequenceId", "parameter": {...}, "value": number or dict}]}. */
  List<ObjectNode> json() {
    List<ObjectNode> rows = new ArrayList<>();
    for (Trial trial : trials) {
      ObjectNode row = JSON.createObjectNode();
      row.put("trialJobId", trial.trialId());
      row.put("sequenceId", trial.sequenceId());
      row.set("parameter", JSON.readTree(trial.parameters()));
      row.set("value", value(trial));
      rows.add(row);
    }
    return rows;
  }

  String csv() {
    List<Map<String, Object>> rows = new ArrayList<>();
    Set<String> columns = new LinkedHashSet<>(List.of("trialJobId", "sequenceId"));
    Set<String> metricColumns = new LinkedHashSet<>(List.of("default"));
    for (Trial trial : trials) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("trialJobId", trial.trialId());
      row.put("sequenceId", trial.sequenceId());
      flatten("", JSON.readTree(trial.parameters()), row);
      columns.addAll(row.keySet());
      JsonNode value = value(trial);
      if (value.isObject()) {
        value
            .properties()
            .forEach(
                entry -> {
                  row.put(entry.getKey(), text(entry.getValue()));
                  metricColumns.add(entry.getKey());
                });
      } else {
        row.put("default", text(value));
      }
      rows.add(row);
    }
    columns.addAll(metricColumns);
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(schema::addColumn);
    return new CsvMapper().writer(schema.build()).writeValueAsString(rows);
  }

  private static JsonNode value(Trial trial) {
    try {
      return JSON.readTree(trial.finalData());
    } catch (JacksonException notJson) {
      return JSON.getNodeFactory().stringNode(trial.finalData());
    }
  }

  private static void flatten(String prefix, JsonNode node, Map<String, Object> row) {
    if (node.isObject()) {
      node.properties()
          .forEach(entry -> flatten(prefix + entry.getKey() + ".", entry.getValue(), row));
    } else {
      row.put(prefix.substring(0, prefix.length() - 1), text(node));
    }
  }

  private static String text(JsonNode node) {
    return node.isString() ? node.stringValue() : node.toString();
  }
}
