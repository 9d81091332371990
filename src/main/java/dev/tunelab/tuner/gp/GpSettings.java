package dev.tunelab.tuner.gp;

import dev.tunelab.tuner.OptimizeMode;
import dev.tunelab.tuner.TunerArgs;
import java.util.Locale;

/**
 * The GP tuner's {@code classArgs}, read and made safe to use.
 *
 * @param coldStart finished trials needed before the GP takes over from random search (at least 1)
 * @param warmUp random points scored per proposal: NNI's {@code selection_num_warm_up}, at most
 *     {@link #MAX_WARM_UP}
 * @param startingPoints local searches per proposal: NNI's {@code selection_num_starting_points},
 *     at most {@link #MAX_STARTING_POINTS}
 */
record GpSettings(
    OptimizeMode mode,
    Utility utility,
    double kappa,
    double xi,
    Smoothness smoothness,
    double alpha,
    int coldStart,
    int warmUp,
    int startingPoints,
    long seed) {

  /** NNI scores 100,000 random points; this many keep a proposal within its time budget. */
  static final int MAX_WARM_UP = 1_000;

  /** NNI runs L-BFGS-B from 250 random points; this many from the best scored ones suffice. */
  static final int MAX_STARTING_POINTS = 5;

  static GpSettings of(TunerArgs args) {
    return new GpSettings(
        args.optimizeMode(),
        Utility.valueOf(args.string("utility").toUpperCase(Locale.ROOT)),
        finiteOr(args.number("kappa"), 5),
        finiteOr(args.number("xi"), 0),
        Smoothness.forNu(Double.isNaN(args.number("nu")) ? 2.5 : args.number("nu")),
        Math.max(0, finiteOr(args.number("alpha"), 1e-6)),
        (int) Math.max(1, Math.min(args.integer("cold_start_num"), Integer.MAX_VALUE)),
        (int) Math.max(1, Math.min(args.integer("selection_num_warm_up"), MAX_WARM_UP)),
        (int)
            Math.max(
                0, Math.min(args.integer("selection_num_starting_points"), MAX_STARTING_POINTS)),
        args.seed());
  }

  private static double finiteOr(double value, double fallback) {
    return Double.isFinite(value) ? value : fallback;
  }
}
