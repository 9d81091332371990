package dev.tunelab.tuner.gp;

import dev.tunelab.tuner.SeededRandom;
import java.util.Arrays;

/**
 * The GP model of the loss that one call of the tuner works with: trained on standardised losses of
 * at most {@link #MODEL_CAP} observations, with hyper-parameters fitted on at most {@link #FIT_CAP}
 * of them, and running trials added as observations of the predicted mean (the kriging believer),
 * so that proposals made while they run keep away from them. Immutable.
 */
final class Surrogate implements BoxLbfgs.Objective {

  /** The most observations the posterior is conditioned on: the best half and the most recent. */
  static final int MODEL_CAP = 100;

  /** The most observations the hyper-parameters are fitted on, chosen the same way. */
  static final int FIT_CAP = 50;

  /** The most running trials believed, the most recent ones. */
  static final int PENDING_CAP = 32;

  private static final long FIT_SALT = 0x6A09E667F3BCC908L;

  private final GpSettings settings;
  private final GaussianProcess gp;
  private final double best;
  private final double scale;

  private Surrogate(GpSettings settings, GaussianProcess gp, double best, double scale) {
    this.settings = settings;
    this.gp = gp;
    this.best = best;
    this.scale = scale;
  }

  /**
   * Fits the model to {@code observations}, which must hold at least one.
   *
   * @param cache remembers the last fit; a fit depends only on its data and the seed
   */
  static Surrogate fit(Observations observations, GpSettings settings, FitCache cache) {
    int[] model = observations.select(MODEL_CAP);
    double[] losses = new double[model.length];
    double[][] x = new double[model.length][];
    for (int k = 0; k < model.length; k++) {
      losses[k] = observations.losses()[model[k]];
      x[k] = observations.points().get(model[k]);
    }
    double magnitude = Arrays.stream(losses).map(Math::abs).max().orElse(1);
    double unit = magnitude > 0 && Double.isFinite(magnitude) ? magnitude : 1;
    double mean = Arrays.stream(losses).map(l -> l / unit).average().orElse(0);
    double variance = Arrays.stream(losses).map(l -> Math.pow(l / unit - mean, 2)).sum();
    double sd = Math.sqrt(variance / losses.length);
    double spread = sd > 1e-12 ? sd : 1;
    double[] y = Arrays.stream(losses).map(l -> (l / unit - mean) / spread).toArray();

    int[] fitted = observations.select(model, FIT_CAP);
    double[][] fitX = new double[fitted.length][];
    double[] fitY = new double[fitted.length];
    for (int k = 0, m = 0; k < model.length; k++) {
      if (m < fitted.length && model[k] == fitted[m]) {
        fitX[m] = x[k];
        fitY[m++] = y[k];
      }
    }
    Hyperparameters h =
        cache.get(
            fitX,
            fitY,
            () ->
                HyperparameterFit.fit(
                    settings.smoothness(),
                    fitX,
                    fitY,
                    settings.alpha(),
                    SeededRandom.forDraw(settings.seed() ^ FIT_SALT, fitY.length)));
    GaussianProcess gp = GaussianProcess.condition(settings.smoothness(), h, x, y);
    double best = Arrays.stream(y).min().orElse(0);
    Surrogate surrogate = new Surrogate(settings, gp, best, spread * unit);
    var pending = observations.pending();
    for (int k = Math.max(0, pending.size() - PENDING_CAP); k < pending.size(); k++) {
      surrogate = surrogate.believing(pending.get(k));
    }
    return surrogate;
  }

  /**
   * The model with a running trial at {@code point} counted as observed at its predicted mean,
   * which also becomes the best loss if it is lower: otherwise a point predicted to improve would
   * keep its expected improvement and be proposed again and again.
   */
  Surrogate believing(double[] point) {
    double mean = gp.predict(point, null, null).mean();
    return new Surrogate(settings, gp.withObservation(point, mean), Math.min(best, mean), scale);
  }

  /** The utility (higher is better) of evaluating {@code point}. */
  double utility(double[] point) {
    GaussianProcess.Prediction p = gp.predict(point, null, null);
    return settings
        .utility()
        .value(p.mean(), Math.sqrt(p.variance()), best, settings.kappa(), xi(), null);
  }

  /** Minus the utility, with its gradient: what {@link BoxLbfgs} minimises. */
  @Override
  public double valueAndGradient(double[] point, double[] gradient) {
    double[] meanGradient = new double[point.length];
    double[] varianceGradient = new double[point.length];
    GaussianProcess.Prediction p = gp.predict(point, meanGradient, varianceGradient);
    double sd = Math.sqrt(p.variance());
    double[] partials = new double[2];
    double u = settings.utility().value(p.mean(), sd, best, settings.kappa(), xi(), partials);
    for (int j = 0; j < point.length; j++) {
      gradient[j] = -(partials[0] * meanGradient[j] + partials[1] * varianceGradient[j] / (2 * sd));
    }
    return -u;
  }

  private double xi() {
    return settings.xi() / scale;
  }
}
