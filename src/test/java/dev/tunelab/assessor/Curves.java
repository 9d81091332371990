package dev.tunelab.assessor;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Synthetic learning curves for assessor tests: rising, saturating, slightly noisy accuracies. */
public final class Curves {

  private Curves() {}

  /**
   * {@code level · (1 − e^(−epoch/3))} plus Gaussian noise of σ = 0.005 drawn from {@code seed},
   * for epochs 1 to {@code epochs}.
   */
  public static List<Double> saturating(double level, int epochs, long seed) {
    SplittableRandom noise = new SplittableRandom(seed);
    List<Double> curve = new ArrayList<>();
    for (int epoch = 1; epoch <= epochs; epoch++) {
      curve.add(level * (1 - Math.exp(-epoch / 3.0)) + 0.005 * noise.nextGaussian());
    }
    return List.copyOf(curve);
  }
}
