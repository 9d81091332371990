package dev.tunelab.searchspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SearchSpaceSamplingTest {

  private static List<Object> draw(String parameter, int count) {
    SearchSpace space = SearchSpace.parse(Json.object("{'v': " + parameter + "}"));
    SplittableRandom rng = new SplittableRandom(42);
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      values.add(space.sample(rng).get("v"));
    }
    return values;
  }

  private static Set<Double> distinctDoubles(List<Object> values) {
    Set<Double> distinct = new TreeSet<>();
    values.forEach(value -> distinct.add((Double) value));
    return distinct;
  }

  @Test
  void randintNeverYieldsHighAndReturnsLongs() {
    List<Object> values = draw("{'_type': 'randint', '_value': [-2, 3]}", 5000);

    assertThat(values).allMatch(Long.class::isInstance);
    assertThat(new TreeSet<>(values)).containsExactly(-2L, -1L, 0L, 1L, 2L);
  }

  @Test
  void quniformYieldsOnlyTheDocumentedValues() {
    assertThat(distinctDoubles(draw("{'_type': 'quniform', '_value': [0, 10, 2.5]}", 5000)))
        .containsExactly(0.0, 2.5, 5.0, 7.5, 10.0);
    assertThat(distinctDoubles(draw("{'_type': 'quniform', '_value': [2, 10, 5]}", 5000)))
        .containsExactly(2.0, 5.0, 10.0);
    assertThat(distinctDoubles(draw("{'_type': 'quniform', '_value': [-5.5, -0.5, 6]}", 2000)))
        .containsExactly(-5.5, -0.5);
  }

  @Test
  void roundsHalvesToEvenAsPythonDoes() {
    UniformParameter q1 =
        new UniformParameter("x", ParameterType.QUNIFORM, -10, 10, OptionalDouble.of(1));

    assertThat(q1.fromInternal(2.5)).isEqualTo(2.0);
    assertThat(q1.fromInternal(3.5)).isEqualTo(4.0);
    assertThat(q1.fromInternal(-2.5)).isEqualTo(-2.0);
    assertThat(q1.fromInternal(2.5000001)).isEqualTo(3.0);
    // Python's round gives the integer 0, so the value is 0.0, never -0.0.
    assertThat(1 / q1.fromInternal(-0.4)).isPositive();
    NormalParameter qnormal =
        new NormalParameter("y", ParameterType.QNORMAL, 0, 1, OptionalDouble.of(2));
    assertThat(qnormal.fromInternal(3.0)).isEqualTo(4.0);
    assertThat(qnormal.fromInternal(5.0)).isEqualTo(4.0);
  }

  @Test
  void qloguniformClipsIntoTheRangeLikeNni() {
    // clip(round(x / 1) * 1, 0.001, 100): values below 0.5 round to 0 and clip to 0.001.
    Set<Double> values =
        distinctDoubles(draw("{'_type': 'qloguniform', '_value': [0.001, 100, 1]}", 20000));

    assertThat(values).contains(0.001, 1.0, 2.0, 100.0).allMatch(v -> v >= 0.001 && v <= 100);
    assertThat(values).allMatch(v -> v == 0.001 || v == Math.rint(v));
  }

  @Test
  void logTypesArePositiveAndLoguniformStaysInRange() {
    assertThat(draw("{'_type': 'loguniform', '_value': [0.0001, 0.1]}", 5000))
        .allMatch(v -> (Double) v >= 0.0001 && (Double) v <= 0.1);
    assertThat(draw("{'_type': 'lognormal', '_value': [-1, 2]}", 5000))
        .allMatch(v -> (Double) v > 0);
  }

  @Test
  void loguniformIsUniformInTheLogarithm() {
    List<Object> values = draw("{'_type': 'loguniform', '_value': [0.001, 1000]}", 20000);

    long belowOne = values.stream().filter(v -> (Double) v < 1).count();
    assertThat(belowOne / 20000.0).isCloseTo(0.5, within(0.02));
  }

  @Test
  void qlognormalRoundsTheExponentialAndCanGiveZero() {
    Set<Double> values =
        distinctDoubles(draw("{'_type': 'qlognormal', '_value': [0, 1, 1]}", 5000));

    assertThat(values).contains(0.0, 1.0, 2.0).allMatch(v -> v >= 0 && v == Math.rint(v));
  }

  @Test
  void qnormalRoundsWithoutClipping() {
    Set<Double> values = distinctDoubles(draw("{'_type': 'qnormal', '_value': [0, 10, 5]}", 5000));

    assertThat(values).contains(-15.0, 0.0, 15.0).allMatch(v -> v % 5 == 0);
  }

  @Test
  void normalHasTheGivenMeanAndSpread() {
    List<Object> values = draw("{'_type': 'normal', '_value': [3, 2]}", 40000);

    double mean = values.stream().mapToDouble(v -> (Double) v).average().orElseThrow();
    double variance =
        values.stream()
            .mapToDouble(v -> ((Double) v - mean) * ((Double) v - mean))
            .average()
            .orElseThrow();
    assertThat(mean).isCloseTo(3, within(0.05));
    assertThat(Math.sqrt(variance)).isCloseTo(2, within(0.05));
  }

  @Test
  void uniformCoversTheRange() {
    List<Object> values = draw("{'_type': 'uniform', '_value': [-1, 1.5]}", 10000);

    assertThat(values)
        .allMatch(Double.class::isInstance)
        .allMatch(v -> (Double) v >= -1 && (Double) v <= 1.5);
    assertThat(values.stream().mapToDouble(v -> (Double) v).min().orElseThrow()).isLessThan(-0.99);
    assertThat(values.stream().mapToDouble(v -> (Double) v).max().orElseThrow())
        .isGreaterThan(1.49);
  }

  @Test
  void choiceReturnsTheOptionsAsGiven() {
    List<Object> values =
        draw("{'_type': 'choice', '_value': [1, 2.5, 'a', true, null, 3000000000]}", 3000);

    Set<Object> distinct = new HashSet<>(values);
    assertThat(distinct).containsExactlyInAnyOrder(1, 2.5, "a", true, null, 3000000000L);
  }

  @Test
  void nestedChoiceReturnsTheNameFirstThenItsSubParameters() {
    SearchSpace space = NniExamples.space(NniExamples.EVERY_TYPE);
    SplittableRandom rng = new SplittableRandom(7);
    Set<String> names = new HashSet<>();

    for (int i = 0; i < 300; i++) {
      Map<String, Object> values = space.sample(rng);
      assertThat(values).isInstanceOf(LinkedHashMap.class);
      assertThat(values.keySet()).containsExactly("pool", "kernel", "D", "not_nested");
      Map<?, ?> distribution = (Map<?, ?>) values.get("D");
      names.add((String) distribution.get("_name"));
      List<Object> keys = List.copyOf(distribution.keySet());
      switch ((String) distribution.get("_name")) {
        case "UNIFORM" ->
            assertThat(keys).containsExactly("_name", "dropout", "hidden", "U_lr", "U_batch");
        case "NORMAL" ->
            assertThat(keys).containsExactly("_name", "dropout", "hidden", "N_lr", "N_batch");
        default -> assertThat(keys).containsExactly("_name");
      }
    }
    assertThat(names).containsExactlyInAnyOrder("UNIFORM", "NORMAL", "EMPTY");
  }

  @Test
  void theSameSeedGivesTheSameSample() {
    SearchSpace space = NniExamples.space(NniExamples.EVERY_TYPE);

    assertThat(space.sample(new SplittableRandom(3)))
        .isEqualTo(space.sample(new SplittableRandom(3)));
  }

  @Test
  void theEmptySpaceSamplesTheEmptySet() {
    assertThat(SearchSpace.parse(Map.of()).sample(new SplittableRandom(1))).isEmpty();
  }
}
