package dev.tunelab.tuner.smac;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomForestTest {

  private static double bowl(double[] x) {
    return Math.sin(3 * x[0]) + x[1] * x[1];
  }

  private static RandomForest fit(double[][] x, double[] y, int[] categories, long seed) {
    return RandomForest.fit(ForestData.of(x, y, categories), new SplittableRandom(seed));
  }

  @Test
  void fitsAKnownFunctionClosely() {
    SplittableRandom rng = new SplittableRandom(1);
    double[][] x = new double[300][];
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[] {rng.nextDouble(), rng.nextDouble()};
      y[i] = bowl(x[i]);
    }
    RandomForest forest = fit(x, y, new int[2], 2);

    double squares = 0;
    int tests = 200;
    for (int i = 0; i < tests; i++) {
      double[] point = {rng.nextDouble(), rng.nextDouble()};
      squares += Math.pow(forest.predict(point).mean() - bowl(point), 2);
    }

    // The function spans about 1.9; an error of 0.1 is 5% of it.
    assertThat(Math.sqrt(squares / tests)).isLessThan(0.1);
  }

  @Test
  void isMoreUncertainInAGapBetweenTheDataThanAmongIt() {
    SplittableRandom rng = new SplittableRandom(3);
    double[][] x = new double[60][];
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double v = i % 2 == 0 ? 0.2 * rng.nextDouble() : 0.8 + 0.2 * rng.nextDouble();
      x[i] = new double[] {v};
      y[i] = v;
    }
    RandomForest forest = fit(x, y, new int[1], 4);

    double amongData = forest.predict(new double[] {0.1}).variance();
    double inTheGap = forest.predict(new double[] {0.5}).variance();

    assertThat(inTheGap).isGreaterThan(0.01).isGreaterThan(20 * amongData);
  }

  @Test
  void splitsOnCategoriesByTheirEffect() {
    double[] effect = {0, 3, 1, 5};
    SplittableRandom rng = new SplittableRandom(5);
    double[][] x = new double[80][];
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[] {i % effect.length, rng.nextDouble()};
      y[i] = effect[i % effect.length] + 0.1 * x[i][1];
    }
    RandomForest forest = fit(x, y, new int[] {effect.length, 0}, 6);

    for (int c = 0; c < effect.length; c++) {
      assertThat(forest.predict(new double[] {c, 0.5}).mean())
          .isCloseTo(effect[c] + 0.05, org.assertj.core.data.Offset.offset(0.1));
    }
  }

  @Test
  void theSameRandomStreamGrowsTheSameForest() {
    double[][] x = {{0.1, 0}, {0.4, 1}, {0.7, 2}, {0.9, 1}, {0.3, 0}};
    double[] y = {1, 2, 0.5, 3, 1.5};
    int[] categories = {0, 3};

    RandomForest first = fit(x, y, categories, 9);
    RandomForest second = fit(x, y, categories, 9);

    for (double[] point : new double[][] {{0.2, 0}, {0.5, 1}, {0.8, 2}}) {
      assertThat(second.predict(point)).isEqualTo(first.predict(point));
    }
  }

  @Test
  void predictsTheOnlyValueOfConstantData() {
    double[][] x = {{0.1}, {0.5}, {0.9}};
    RandomForest forest = fit(x, new double[] {2, 2, 2}, new int[1], 1);

    assertThat(forest.predict(new double[] {0.3})).isEqualTo(new RandomForest.Prediction(2, 0));
  }
}
