package dev.tunelab.tuner.cmaes;

/**
 * The strategy parameters of CMA-ES for dimension {@code n} and population {@code lambda}, with the
 * defaults of Hansen's tutorial (arXiv:1604.00772, table 1, positive weights only).
 */
record CmaParameters(
    int n,
    int lambda,
    int mu,
    double[] weights,
    double muEff,
    double cSigma,
    double dSigma,
    double cC,
    double c1,
    double cMu,
    double chiN) {

  /** {@code 4 + floor(3 ln n)}, the default population size. */
  static int defaultLambda(int n) {
    return 4 + (int) Math.floor(3 * Math.log(Math.max(1, n)));
  }

  static CmaParameters of(int n, int lambda) {
    int mu = lambda / 2;
    double[] weights = new double[mu];
    double sum = 0;
    for (int i = 0; i < mu; i++) {
      weights[i] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
      sum += weights[i];
    }
    double squares = 0;
    for (int i = 0; i < mu; i++) {
      weights[i] /= sum;
      squares += weights[i] * weights[i];
    }
    double muEff = 1 / squares;
    double cSigma = (muEff + 2) / (n + muEff + 5);
    double dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cSigma;
    double cC = (4 + muEff / n) / (n + 4 + 2 * muEff / n);
    double c1 = 2 / ((n + 1.3) * (n + 1.3) + muEff);
    double cMu = Math.min(1 - c1, 2 * (muEff - 2 + 1 / muEff) / ((n + 2) * (n + 2) + muEff));
    double chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
    return new CmaParameters(n, lambda, mu, weights, muEff, cSigma, dSigma, cC, c1, cMu, chiN);
  }

  /** The recombination weight of the {@code rank}-th best point (from 0), for ranks below mu. */
  double weight(int rank) {
    return weights[rank];
  }
}
