package dev.tunelab.experiment;

import dev.tunelab.searchspace.FieldProblem;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Results of earlier trials imported into an experiment, in NNI's import-data form {@code
 * [{"parameter": {...}, "value": 0.93}]}: they warm-start the tuner, and count as no trial.
 */
@Repository
class ImportedResults {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcTemplate jdbc;

  ImportedResults(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One imported result: parameters and the number that counts. */
  record Result(Map<String, Object> parameters, double value, String data) {}

  /**
   * Reads NNI's import form. A value is a number, a dict with a numeric {@code default}, or JSON
   * text of either.
   *
   * @throws InvalidConfigException naming every bad entry, such as {@code [3].value}
   */
  static List<Result> parse(JsonNode body) {
    if (body == null || !body.isArray()) {
      throw new InvalidConfigException(
          "", "send a JSON array of {\"parameter\": {...}, \"value\": number}");
    }
    List<Result> results = new ArrayList<>();
    List<FieldProblem> problems = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      JsonNode entry = body.get(i);
      JsonNode parameter = entry.path("parameter");
      JsonNode value = entry.path("value");
      if (value.isString()) {
        try {
          value = JSON.readTree(value.stringValue());
        } catch (JacksonException notJson) {
          value = JSON.missingNode();
        }
      }
      JsonNode number = value.isObject() ? value.path("default") : value;
      if (!parameter.isObject()) {
        problems.add(
            new FieldProblem("[" + i + "].parameter", "must be an object of parameter values"));
      } else if (!number.isNumber() || !Double.isFinite(number.doubleValue())) {
        problems.add(
            new FieldProblem(
                "[" + i + "].value", "must be a finite number, or a dict whose default is one"));
      } else {
        results.add(
            new Result(
                JSON.treeToValue(parameter, new TypeReference<LinkedHashMap<String, Object>>() {}),
                number.doubleValue(),
                value.toString()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    return results;
  }

  void add(String experimentId, List<Result> results, Instant at) {
    jdbc.batchUpdate(
        "INSERT INTO imported_result (experiment_id, parameters, numeric_value, data, imported_at) VALUES (?, ?, ?, ?, ?)",
        results,
        1000,
        (statement, result) -> {
          statement.setString(1, experimentId);
          statement.setString(2, JSON.writeValueAsString(result.parameters()));
          statement.setDouble(3, result.value());
          statement.setString(4, result.data());
          statement.setTimestamp(5, Timestamp.from(at));
        });
  }

  List<Result> of(String experimentId) {
    return jdbc.query(
        "SELECT parameters, numeric_value, data FROM imported_result WHERE experiment_id = ? ORDER BY id",
        (row, index) ->
            new Result(
                JSON.readValue(
                    row.getString(1), new TypeReference<LinkedHashMap<String, Object>>() {}),
                row.getDouble(2),
                row.getString(3)),
        experimentId);
  }
}
