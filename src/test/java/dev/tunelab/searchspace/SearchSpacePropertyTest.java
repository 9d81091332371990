package dev.tunelab.searchspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Laws that hold for every seed: samples lie in the space, and finite spaces hold size() points.
 */
class SearchSpacePropertyTest {

  private static final List<String> SPACES =
      List.of(
          "{'v': {'_type': 'choice', '_value': [1, 2.5, 'a', true, null, [1, 2], {'k': 1}]}}",
          "{'v': {'_type': 'randint', '_value': [-3, 4]}}",
          "{'v': {'_type': 'uniform', '_value': [-1e-3, 2e-3]}}",
          "{'v': {'_type': 'quniform', '_value': [0.3, 10.1, 0.7]}}",
          "{'v': {'_type': 'loguniform', '_value': [1e-6, 1e3]}}",
          "{'v': {'_type': 'qloguniform', '_value': [0.001, 100, 1]}}",
          "{'v': {'_type': 'normal', '_value': [-5, 100]}}",
          "{'v': {'_type': 'qnormal', '_value': [-1.5, 5.0, 0.1]}}",
          "{'v': {'_type': 'lognormal', '_value': [-1, 5]}}",
          "{'v': {'_type': 'qlognormal', '_value': [-1.5, 5.0, 0.1]}}",
          NniExamples.EVERY_TYPE,
          NniExamples.NESTED,
          "{'a': {'_type': 'choice', '_value': [{'_name': 'x', 'b': {'_type': 'choice', '_value':"
              + " [{'_name': 'y', 'c': {'_type': 'quniform', '_value': [0, 1, 0.25]}}, {'_name': 'z'}]}},"
              + " {'_name': 'w', 'd': {'_type': 'randint', '_value': [0, 2]}}]}}");

  static Stream<Arguments> spacesAndSeeds() {
    return SPACES.stream()
        .flatMap(space -> IntStream.range(0, 20).mapToObj(seed -> Arguments.of(space, seed)));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("spacesAndSeeds")
  void everySampleLiesInTheSpace(String json, int seed) {
    SearchSpace space = SearchSpace.parse(Json.object(json));
    SplittableRandom rng = new SplittableRandom(seed);

    for (int i = 0; i < 500; i++) {
      Map<String, Object> values = space.sample(rng);
      assertThat(space.contains(values)).as("%s in %s", values, json).isTrue();
    }
  }

  static Stream<Integer> seeds() {
    return IntStream.range(0, 300).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomQuantizedRangesYieldOnlyContainedValuesAndNoMoreThanTheirSize(int seed) {
    SplittableRandom random = new SplittableRandom(seed);
    boolean log = random.nextBoolean();
    double q = List.of(0.1, 0.25, 0.5, 1.0, 2.0, 2.5, 3.0, 0.7).get(random.nextInt(8));
    double low = log ? Math.exp(random.nextDouble(-3, 3)) : random.nextDouble(-10, 10);
    if (random.nextInt(3) == 0) {
      low = (Math.floor(low / q) + 0.5) * q; // a tie, which rounds to the even multiple
      low = log && low <= 0 ? q / 2 : low;
    }
    double high = low + random.nextDouble(0.01, 8);
    UniformParameter parameter =
        new UniformParameter(
            "v",
            log ? ParameterType.QLOGUNIFORM : ParameterType.QUNIFORM,
            low,
            high,
            OptionalDouble.of(q));

    Set<Double> seen = new HashSet<>();
    for (int i = 0; i < 3000; i++) {
      Double value = parameter.sample(random);
      assertThat(parameter.contains(value)).as("%s in %s", value, parameter).isTrue();
      seen.add(value);
    }
    assertThat((long) seen.size()).isLessThanOrEqualTo(parameter.size().orElseThrow());
  }
}
