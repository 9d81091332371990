package dev.tunelab.tuner;

import java.util.Locale;

/** Whether a higher or a lower final metric is better ({@code optimize_mode} in NNI). */
public enum OptimizeMode {
  MAXIMIZE,
  MINIMIZE;

  /** Parses {@code maximize} or {@code minimize}, case-insensitively. */
  public static OptimizeMode parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }

  /** The value turned into a loss, so that lower is always better. */
  public double loss(double value) {
    return this == MAXIMIZE ? -value : value;
  }

  /** Whether {@code candidate} is strictly better than {@code incumbent}. */
  public boolean isBetter(double candidate, double incumbent) {
    return loss(candidate) < loss(incumbent);
  }

  /** The lower-case name NNI uses. */
  public String nniName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
