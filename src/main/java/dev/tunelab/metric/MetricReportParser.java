package dev.tunelab.metric;

import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON of one frame, such as {@code {"parameter_id": 7, "trial_job_id": "Xy3kQ", "type":
 * "FINAL", "sequence": 0, "value": "0.97"}}. The {@code value} is JSON text itself (as NNI's SDK
 * writes it) or, from hand-written trials, a plain number or object. {@code NaN} and {@code
 * Infinity} are accepted anywhere. Frames are read with the streaming parser and plain numbers
 * without building a tree: a trial may write 100,000 frames a second. Thread-safe.
 */
final class MetricReportParser {

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          // The value is read as a tree in the middle of the frame's object.
          .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final Pattern NUMBER =
      Pattern.compile("-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|NaN|-?Infinity");

  /**
   * @return the report, or empty when the frame is not a PERIODICAL or FINAL metric
   * @throws JacksonException when the frame is not JSON
   */
  Optional<MetricReport> parse(String frame) {
    String type = null;
    Integer sequence = null;
    String data = null;
    Double value = null;
    try (JsonParser parser = JSON.createParser(frame)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      String name;
      while ((name = parser.nextName()) != null) {
        JsonToken token = parser.nextToken();
        switch (name) {
          case "type" -> type = token == JsonToken.VALUE_STRING ? parser.getString() : null;
          case "sequence" ->
              sequence =
                  token == JsonToken.VALUE_NUMBER_INT
                          && parser.getNumberValue() instanceof Integer i
                      ? i
                      : null;
          case "value" -> {
            if (token == JsonToken.VALUE_STRING) {
              data = parser.getString();
              value = numberIn(data);
            } else {
              JsonNode node = JSON.readTree(parser);
              data = JSON.writeValueAsString(node);
              value = numberIn(node);
            }
          }
          default -> parser.skipChildren();
        }
      }
    }
    if (!"PERIODICAL".equals(type) && !"FINAL".equals(type)) {
      return Optional.empty();
    }
    return Optional.of(
        new MetricReport(MetricType.valueOf(type), sequence, value, data == null ? "null" : data));
  }

  /** The finite number that counts in JSON text: the number itself, or a dict's {@code default}. */
  private static Double numberIn(String text) {
    String trimmed = text.trim();
    if (NUMBER.matcher(trimmed).matches()) {
      return finite(Double.parseDouble(trimmed));
    }
    try {
      return numberIn(JSON.readTree(trimmed));
    } catch (JacksonException notJson) {
      return null;
    }
  }

  private static Double numberIn(JsonNode node) {
    JsonNode value = node != null && node.isObject() ? node.get("default") : node;
    return value != null && value.isNumber() ? finite(value.doubleValue()) : null;
  }

  private static Double finite(double number) {
    return Double.isFinite(number) ? number : null;
  }
}
