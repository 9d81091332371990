package dev.tunelab.tuner.smac;

import dev.tunelab.tuner.SeededRandom;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * SMAC's initial design: the first trials of the space follow a Sobol sequence, shifted at random
 * per experiment (a Cranley–Patterson rotation drawn from the seed), so they cover the space evenly
 * before the forest has data. SMAC3's HPO facade uses 10 per parameter, capped at a tenth of the
 * trial budget; Tunelab's tuners do not know the budget, so the design is that cap for a 100-trial
 * experiment.
 */
final class InitialDesign {

  /** How many trials the design gives. */
  static final int SIZE = 10;

  // Sobol direction numbers shipped with commons-math cover this many dimensions.
  private static final int MAX_DIMENSIONS = 1000;

  private final Encoding encoding;
  private final double[] shift;

  InitialDesign(Encoding encoding, long seed) {
    this.encoding = encoding;
    this.shift = new double[encoding.dimensions()];
    RandomGenerator rng = SeededRandom.forDraw(seed, -1);
    for (int j = 0; j < shift.length; j++) {
      shift[j] = rng.nextDouble();
    }
  }

  /**
   * The vector of the {@code index}-th trial of the space, or a random one from {@code rng} for
   * spaces with more parameters than the Sobol sequence covers.
   */
  double[] point(int index, RandomGenerator rng) {
    int d = shift.length;
    if (d > MAX_DIMENSIONS) {
      return encoding.random(rng);
    }
    double[] sobol = new SobolSequenceGenerator(d).skipTo(index);
    double[] u = new double[d];
    for (int j = 0; j < d; j++) {
      double shifted = sobol[j] + shift[j];
      u[j] = shifted - Math.floor(shifted);
    }
    return encoding.fromUnitCube(u);
  }
}
