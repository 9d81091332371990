package dev.tunelab.tuner.tpe;

/**
 * The loss TPE pretends that trials still waiting or running have, so that concurrent proposals do
 * not all follow the same model (NNI's {@code constant_liar_type}, paper section 6.1).
 */
enum ConstantLiar {
  /** No lie: running trials are left out of the model (NNI's {@code null}). */
  NONE,
  /** The best loss so far: converges faster; suits small budgets. */
  BEST,
  /** The worst loss so far: pushes concurrent proposals apart; suits large budgets. */
  WORST,
  /** The mean loss so far. */
  MEAN;

  /**
   * The lie told given the losses of the completed trials; 0 when there are none, as in NNI (all
   * trials then carry the same lie, so its value does not matter).
   */
  double lie(double[] losses) {
    if (losses.length == 0) {
      return 0.0;
    }
    double best = Double.POSITIVE_INFINITY;
    double worst = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (double loss : losses) {
      best = Math.min(best, loss);
      worst = Math.max(worst, loss);
      sum += loss;
    }
    return switch (this) {
      case NONE, BEST -> best;
      case WORST -> worst;
      case MEAN -> sum / losses.length;
    };
  }
}
