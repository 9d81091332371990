package dev.tunelab.tuner;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Random generators derived from a tuner's seed and a draw number, so that a tuner rebuilt from the
 * history draws what the lost one would have: the n-th suggestion of an experiment always uses
 * {@code forDraw(seed, n)}, however the calls were batched.
 */
public final class SeededRandom {

  private SeededRandom() {}

  /** A generator for draw number {@code draw} (such as the history size plus the batch index). */
  public static RandomGenerator forDraw(long seed, long draw) {
    return new SplittableRandom(mix(mix(seed) + 0x9E3779B97F4A7C15L * (draw + 1)));
  }

  // SplitMix64's finaliser: neighbouring seeds and draws give unrelated streams.
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
