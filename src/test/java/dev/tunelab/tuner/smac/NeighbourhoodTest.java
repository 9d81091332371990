package dev.tunelab.tuner.smac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunelab.searchspace.Json;
import dev.tunelab.searchspace.SearchSpace;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NeighbourhoodTest {

  private static final SearchSpace SPACE =
      SearchSpace.parse(
          Json.object(
              "{'opt': {'_type': 'choice', '_value': ['sgd', 'adam', 'rmsprop', 7]},"
                  + " 'layers': {'_type': 'randint', '_value': [1, 4]},"
                  + " 'dropout': {'_type': 'uniform', '_value': [0.1, 0.5]},"
                  + " 'hidden': {'_type': 'quniform', '_value': [10, 100, 30]},"
                  + " 'lr': {'_type': 'loguniform', '_value': [0.00001, 0.1]}}"));

  private final Encoding encoding = new Encoding(SPACE);
  private final Neighbourhood neighbourhood = new Neighbourhood(encoding);

  @Test
  void neighboursAreValuesOfTheSpaceThatChangeExactlyOneParameter() {
    SplittableRandom rng = new SplittableRandom(21);
    for (int round = 0; round < 300; round++) {
      double[] x = encoding.random(rng);
      Map<String, Object> origin = encoding.decode(x);
      List<double[]> neighbours = neighbourhood.of(x, rng);

      assertThat(neighbours).isNotEmpty();
      for (double[] neighbour : neighbours) {
        Map<String, Object> values = encoding.decode(neighbour);
        assertThat(SPACE.contains(values)).as("%s", values).isTrue();
        long changed =
            origin.keySet().stream()
                .filter(name -> !key(origin.get(name)).equals(key(values.get(name))))
                .count();
        assertThat(changed).as("%s from %s", values, origin).isEqualTo(1);
        assertThat(encoding.encode(values))
            .hasValueSatisfying(v -> assertThat(v).isEqualTo(neighbour));
      }
    }
  }

  @Test
  void aChoiceOffersEveryOtherOption() {
    double[] x = encoding.random(new SplittableRandom(2));
    long choiceNeighbours =
        neighbourhood.of(x, new SplittableRandom(3)).stream()
            .filter(neighbour -> neighbour[0] != x[0])
            .count();

    assertThat(choiceNeighbours).isEqualTo(3);
  }

  @Test
  void aTwoValuedRandintAlwaysOffersItsOtherValue() {
    SearchSpace bit =
        SearchSpace.parse(Json.object("{'bit': {'_type': 'randint', '_value': [0, 2]}}"));
    Encoding bitEncoding = new Encoding(bit);
    Neighbourhood bitNeighbourhood = new Neighbourhood(bitEncoding);
    SplittableRandom rng = new SplittableRandom(4);

    for (long value = 0; value < 2; value++) {
      double[] x = bitEncoding.encode(Map.of("bit", value)).orElseThrow();
      for (int round = 0; round < 20; round++) {
        assertThat(bitNeighbourhood.of(x, rng))
            .extracting(bitEncoding::decode)
            .containsOnly(Map.of("bit", 1 - value));
      }
    }
  }

  private static String key(Object value) {
    return SearchSpace.canonicalKey(java.util.Collections.singletonMap("v", value));
  }
}
