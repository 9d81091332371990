package dev.tunelab.tuner.unitcube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tunelab.searchspace.Json;
import dev.tunelab.searchspace.SearchSpace;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UnitCubeTest {

  private static final SearchSpace SPACE =
      SearchSpace.parse(
          Json.object(
              "{'c': {'_type': 'choice', '_value': [8, 1, 2.5]},"
                  + " 'r': {'_type': 'randint', '_value': [-2, 3]},"
                  + " 'u': {'_type': 'uniform', '_value': [-1, 3]},"
                  + " 'q': {'_type': 'quniform', '_value': [0, 10, 2.5]},"
                  + " 'l': {'_type': 'loguniform', '_value': [0.001, 10]},"
                  + " 'ql': {'_type': 'qloguniform', '_value': [1, 1000, 5]},"
                  + " 'n': {'_type': 'normal', '_value': [2, 3]},"
                  + " 'qn': {'_type': 'qlognormal', '_value': [1, 0.5, 0.1]}}"));
  private static final UnitCube CUBE =
      new UnitCube(
          SPACE.parameters().stream().map(p -> UnitDimension.of(p).orElseThrow()).toList());

  @Test
  void decodingAnEncodedValueGivesItBack() {
    SplittableRandom rng = new SplittableRandom(4);
    for (int i = 0; i < 200; i++) {
      Map<String, Object> values = SPACE.sample(rng);

      double[] point = CUBE.encode(values).orElseThrow();

      assertThat(java.util.Arrays.stream(point).boxed().toList()).allMatch(u -> u >= 0 && u <= 1);
      Map<String, Object> decoded = CUBE.decode(point);
      // The inverse normal distribution function is exact to about 1e-15 only.
      assertThat((Double) decoded.remove("n")).isCloseTo((Double) values.remove("n"), within(1e-9));
      assertThat(SearchSpace.canonicalKey(decoded)).isEqualTo(SearchSpace.canonicalKey(values));
    }
  }

  @Test
  void decodedPointsAreValuesOfTheSpaceAndSnappingIsIdempotent() {
    SplittableRandom rng = new SplittableRandom(9);
    for (int i = 0; i < 200; i++) {
      double[] point = rng.doubles(CUBE.size()).toArray();

      double[] snapped = CUBE.snap(point);

      assertThat(SPACE.contains(CUBE.decode(point))).isTrue();
      assertThat(CUBE.snap(snapped)).containsExactly(snapped, within(1e-12));
    }
  }

  @Test
  void logTypesAreLinearInTheLogarithm() {
    UnitDimension l = dimension("l");

    assertThat(l.encode(0.1).getAsDouble()).isCloseTo(0.5, within(1e-12));
    assertThat((Double) l.decode(0.25)).isCloseTo(0.01, within(1e-12));
  }

  @Test
  void integersAndChoicesAreOrderedBinsEncodedAtTheirCentres() {
    assertThat(dimension("r").encode(-2).getAsDouble()).isCloseTo(0.1, within(1e-12));
    assertThat(dimension("r").decode(0.99)).isEqualTo(2L);
    assertThat(dimension("c").encode(1).getAsDouble()).isCloseTo(1 / 6.0, within(1e-12));
    assertThat(dimension("c").encode(8.0).getAsDouble()).isCloseTo(5 / 6.0, within(1e-12));
    assertThat(dimension("c").decode(0.5)).isEqualTo(2.5);
    assertThat(dimension("c").decode(1.0)).isEqualTo(8);
  }

  @Test
  void normalTypesGoThroughTheirDistributionFunction() {
    assertThat(dimension("n").encode(2.0).getAsDouble()).isCloseTo(0.5, within(1e-12));
    assertThat((Double) dimension("n").decode(0.8413447460685429)).isCloseTo(5, within(1e-9));
  }

  @Test
  void valuesThatTheSpaceCannotTakeHaveNoPoint() {
    assertThat(dimension("c").encode(3)).isEmpty();
    assertThat(dimension("r").encode(3)).isEmpty();
    assertThat(dimension("u").encode("1")).isEmpty();
    assertThat(dimension("q").encode(1.0)).isEmpty();
    assertThat(CUBE.encode(Map.of("c", 8))).isEmpty();
  }

  @Test
  void choicesOfNonNumbersHaveNoDimension() {
    SearchSpace strings =
        SearchSpace.parse(Json.object("{'o': {'_type': 'choice', '_value': [1, 'adam']}}"));

    assertThat(UnitDimension.of(strings.parameters().get(0))).isEmpty();
  }

  private static UnitDimension dimension(String name) {
    return CUBE.dimensions().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }
}
