package dev.tunelab.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JacksonException;

class MetricReportParserTest {

  private final MetricReportParser parser = new MetricReportParser();

  @Test
  void readsNnisFrameWhoseValueIsJsonText() {
    MetricReport report =
        parser
            .parse(
                "{\"parameter_id\": 7, \"trial_job_id\": \"Xy3kQ\", \"type\": \"PERIODICAL\", \"sequence\": 3, \"value\": \"0.8125\"}")
            .orElseThrow();

    assertThat(report).isEqualTo(new MetricReport(MetricType.PERIODICAL, 3, 0.8125, "0.8125"));
  }

  @ParameterizedTest(name = "{0} counts as {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"{\\\"default\\\": 0.9, \\\"loss\\\": 0.1}\"  | 0.9",
        "\"NaN\"                                       | ",
        "\"Infinity\"                                  | ",
        "\"-Infinity\"                                 | ",
        "\"{\\\"loss\\\": 0.1}\"                        | ",
        "\"{\\\"default\\\": NaN}\"                     | ",
        "\"not json\"                                  | ",
        "0.5                                           | 0.5",
        "{\"default\": 2}                              | 2.0",
        "NaN                                           | ",
      })
  void findsTheNumberThatCountsOrNoneWithoutFailing(String value, Double expected) {
    MetricReport report =
        parser
            .parse("{\"type\": \"FINAL\", \"sequence\": 0, \"value\": " + value.trim() + "}")
            .orElseThrow();

    assertThat(report.value()).isEqualTo(expected);
  }

  @Test
  void keepsTheReportedValueAsJsonText() {
    MetricReport report =
        parser
            .parse(
                "{\"type\": \"FINAL\", \"sequence\": 0, \"value\": \"{\\\"default\\\": NaN, \\\"acc\\\": 0.5}\"}")
            .orElseThrow();

    assertThat(report.data()).isEqualTo("{\"default\": NaN, \"acc\": 0.5}");
  }

  @Test
  void leavesTheSequenceOpenWhenTheFrameHasNone() {
    assertThat(
            parser.parse("{\"type\": \"PERIODICAL\", \"value\": \"1\"}").orElseThrow().sequence())
        .isNull();
  }

  @Test
  void ignoresRecordsThatAreNotMetrics() {
    assertThat(parser.parse("{\"type\": \"REQUEST_PARAMETER\", \"sequence\": 0, \"value\": null}"))
        .isEmpty();
  }

  @Test
  void rejectsFramesThatAreNotJson() {
    assertThatThrownBy(() -> parser.parse("{oops")).isInstanceOf(JacksonException.class);
  }
}
