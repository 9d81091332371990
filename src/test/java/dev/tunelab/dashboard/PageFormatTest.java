package dev.tunelab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tunelab.TestFiles;
import dev.tunelab.experiment.ExperimentStatus;
import dev.tunelab.experiment.ExperimentView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's first view writes values exactly as the browser's format.js does: both are held to
 * {@code frontend/test/format-cases.json}, so a live update never changes how a value reads.
 */
class PageFormatTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path CASES = TestFiles.REPOSITORY.resolve("frontend/test/format-cases.json");

  private final PageFormat format = new PageFormat();

  @ParameterizedTest(name = "number({0}) is \"{1}\"")
  @MethodSource("numbers")
  void writesNumbersAsTheSharedCasesSay(Double input, String expected) {
    assertThat(format.number(input)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "duration({0}) is \"{1}\"")
  @MethodSource("durations")
  void writesDurationsAsTheSharedCasesSay(Double input, String expected) {
    assertThat(format.duration(input)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} reads \"{1}\" in tone {2}")
  @MethodSource("statuses")
  void writesStatusesAndTheirTonesAsTheSharedCasesSay(String status, String label, String tone) {
    assertThat(format.status(status)).isEqualTo(label);
    assertThat(format.tone(status)).isEqualTo(tone);
  }

  @Test
  void writesAnUnknownOrMissingStatusAsFormatJsDoes() {
    assertThat(format.status("SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
    assertThat(format.tone("SOMETHING_NEW")).isEqualTo("off");
    assertThat(format.status(null)).isEqualTo("–");
    assertThat(format.tone(null)).isEqualTo("off");
  }

  @Test
  void countsSubmittedTrialsAgainstTheirLimit() {
    PageFormat.Progress some = format.trials(experiment("{\"maxTrialNumber\": 20}", 5, 0));
    PageFormat.Progress over = format.trials(experiment("{\"maxTrialNumber\": 20}", 30, 0));
    PageFormat.Progress zero = format.trials(experiment("{\"maxTrialNumber\": 0}", 0, 0));

    assertThat(some.text()).isEqualTo("5 / 20");
    assertThat(some.percent()).isCloseTo(25, within(1e-9));
    assertThat(over.text()).isEqualTo("30 / 20");
    assertThat(over.percent()).isEqualTo(100);
    assertThat(zero.percent()).isEqualTo(100);
  }

  @Test
  void countsSubmittedTrialsWithoutALimitAndDrawsNoBar() {
    PageFormat.Progress unlimited = format.trials(experiment("{}", 7, 0));

    assertThat(unlimited.text()).isEqualTo("7 / ∞");
    assertThat(unlimited.percent()).isNull();
  }

  @Test
  void measuresRunningTimeAgainstTheDurationLimitAsNniReadsIt() {
    PageFormat.Progress hour =
        format.time(experiment("{\"maxExperimentDuration\": \"1h\"}", 0, 90));
    PageFormat.Progress over =
        format.time(experiment("{\"maxExperimentDuration\": \"1m\"}", 0, 90));
    PageFormat.Progress roundedUp =
        format.time(experiment("{\"maxExperimentDuration\": \"0.5s\"}", 0, 0));

    assertThat(hour.text()).isEqualTo("1m 30s / 1h 00m");
    assertThat(hour.percent()).isCloseTo(2.5, within(1e-9));
    assertThat(over.text()).isEqualTo("1m 30s / 1m 00s");
    assertThat(over.percent()).isEqualTo(100);
    assertThat(roundedUp.text()).isEqualTo("0.0s / 1.0s");
    assertThat(roundedUp.percent()).isZero();
  }

  @Test
  void measuresRunningTimeWithoutALimitAndDrawsNoBar() {
    PageFormat.Progress unlimited = format.time(experiment("{}", 0, 303));

    assertThat(unlimited.text()).isEqualTo("5m 03s / ∞");
    assertThat(unlimited.percent()).isNull();
  }

  @Test
  void writesParameterValuesAsFormatJsDoes() {
    assertThat(format.value(JSON.readTree("0.000012346"))).isEqualTo("1.235e-5");
    assertThat(format.value(JSON.readTree("64"))).isEqualTo("64");
    assertThat(format.value(JSON.readTree("\"adam\""))).isEqualTo("adam");
    assertThat(format.value(JSON.readTree("{\"_name\": \"cnn\", \"k\": 3}")))
        .isEqualTo("{\"_name\":\"cnn\",\"k\":3}");
    assertThat(format.value(JSON.readTree("true"))).isEqualTo("true");
    assertThat(format.value(JSON.readTree("null"))).isEqualTo("–");
    assertThat(format.value(JSON.missingNode())).isEqualTo("–");
    assertThat(format.value(null)).isEqualTo("–");
  }

  /**
   * Numbers in a nested choice as JSON.stringify writes them, where Jackson would write 1.0E-5 and
   * 1.0, and Java 17's Double.toString a digit too many for the seed (6717038154602050600).
   */
  @Test
  void writesNumbersInsideNestedChoicesAsJavaScriptDoes() {
    String nested =
        "{\"_name\": \"sgd\", \"lr\": 1e-05, \"decay\": 0.0001, \"momentum\": 1.0,"
            + " \"tiny\": 1.5e-7, \"big\": 1.0e21, \"seed\": 6717038154602051000,"
            + " \"layers\": [64, 2.50, -0.0], \"label\": \"a \\\"b\\\"\"}";

    assertThat(format.value(JSON.readTree(nested)))
        .isEqualTo(
            "{\"_name\":\"sgd\",\"lr\":0.00001,\"decay\":0.0001,\"momentum\":1,"
                + "\"tiny\":1.5e-7,\"big\":1e+21,\"seed\":6717038154602051000,"
                + "\"layers\":[64,2.5,0],\"label\":\"a \\\"b\\\"\"}");
  }

  static Stream<Arguments> numbers() {
    return pairs("numbers");
  }

  static Stream<Arguments> durations() {
    return pairs("durations");
  }

  static Stream<Arguments> statuses() {
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode row : cases().path("statuses")) {
      cases.add(Arguments.of(row.get(0).asString(), row.get(1).asString(), row.get(2).asString()));
    }
    return cases.stream();
  }

  /** [input, expected] rows, inputs decoded as format.test.js decodes them. */
  private static Stream<Arguments> pairs(String name) {
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode row : cases().path(name)) {
      cases.add(Arguments.of(decode(row.get(0)), row.get(1).asString()));
    }
    assertThat(cases).as("cases named %s in %s", name, CASES).isNotEmpty();
    return cases.stream();
  }

  private static Double decode(JsonNode input) {
    if (input.isNumber()) {
      return input.doubleValue();
    }
    return switch (input.asString()) {
      case "NaN" -> Double.NaN;
      case "Infinity" -> Double.POSITIVE_INFINITY;
      case "-Infinity" -> Double.NEGATIVE_INFINITY;
      case "null" -> null;
      default -> throw new IllegalArgumentException("not a special number: " + input);
    };
  }

  private static JsonNode cases() {
    try {
      return JSON.readTree(Files.readString(CASES));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + CASES, e);
    }
  }

  private static ExperimentView experiment(
      String config, int submittedTrials, long durationSeconds) {
    return new ExperimentView(
        "abc123",
        "progress",
        ExperimentStatus.RUNNING,
        null,
        JSON.readTree(config),
        Instant.EPOCH,
        Instant.EPOCH,
        null,
        durationSeconds,
        submittedTrials,
        Map.of(),
        "maximize",
        null);
  }
}
