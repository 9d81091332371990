package dev.tunelab.tuner.smac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tunelab.searchspace.Json;
import dev.tunelab.searchspace.SearchSpace;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EncodingTest {

  private static final SearchSpace SPACE =
      SearchSpace.parse(
          Json.object(
              "{'opt': {'_type': 'choice', '_value': ['sgd', 'adam', {'x': 1}]},"
                  + " 'layers': {'_type': 'randint', '_value': [2, 6]},"
                  + " 'dropout': {'_type': 'uniform', '_value': [0.1, 0.5]},"
                  + " 'hidden': {'_type': 'quniform', '_value': [10, 100, 30]},"
                  + " 'lr': {'_type': 'loguniform', '_value': [0.00001, 0.1]}}"));

  private final Encoding encoding = new Encoding(SPACE);

  @Test
  void encodesChoicesAsIndicesAndNumbersOnTheirInternalUnitScale() {
    double[] x =
        encoding
            .encode(
                Json.object(
                    "{'opt': {'x': 1}, 'layers': 3, 'dropout': 0.3, 'hidden': 30.0,"
                        + " 'lr': 0.001}"))
            .orElseThrow();

    assertThat(x[0]).isEqualTo(2);
    assertThat(x[1]).isEqualTo(1.5 / 4);
    assertThat(x[2]).isCloseTo(0.5, within(1e-12));
    assertThat(x[3]).isCloseTo(2.0 / 9, within(1e-12));
    assertThat(x[4]).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void decodingAnEncodedValueGivesItBack() {
    SplittableRandom rng = new SplittableRandom(8);
    for (int i = 0; i < 200; i++) {
      Map<String, Object> values = SPACE.sample(rng);
      double[] x = encoding.encode(values).orElseThrow();

      assertThat(SearchSpace.canonicalKey(encoding.decode(x)))
          .isEqualTo(SearchSpace.canonicalKey(values));
    }
  }

  @Test
  void randomVectorsAreSnappedValuesOfTheSpace() {
    SplittableRandom rng = new SplittableRandom(9);
    for (int i = 0; i < 200; i++) {
      double[] x = encoding.random(rng);
      Map<String, Object> values = encoding.decode(x);

      assertThat(SPACE.contains(values)).isTrue();
      assertThat(encoding.encode(values)).hasValueSatisfying(v -> assertThat(v).isEqualTo(x));
    }
  }

  @Test
  void parameterSetsOutsideTheSpaceHaveNoVector() {
    assertThat(encoding.encode(Json.object("{'opt': 'sgd'}"))).isEmpty();
    assertThat(
            encoding.encode(
                Json.object(
                    "{'opt': 'lbfgs', 'layers': 3, 'dropout': 0.3, 'hidden': 40, 'lr': 0.001}")))
        .isEmpty();
  }
}
