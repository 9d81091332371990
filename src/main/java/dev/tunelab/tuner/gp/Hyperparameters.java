package dev.tunelab.tuner.gp;

import java.util.Arrays;

/**
 * What a fitted GP's kernel needs beside its smoothness: {@code k(a, b) = signalVariance *
 * correlation(|(a - b) / lengthScales|)}, plus {@code noiseVariance} on the diagonal for the
 * observations. Values are for inputs in the unit cube and standardised outputs.
 *
 * @param lengthScales one per input dimension (automatic relevance determination)
 */
record Hyperparameters(double signalVariance, double noiseVariance, double[] lengthScales) {

  Hyperparameters {
    lengthScales = lengthScales.clone();
  }

  /** From the vector the fit works on: {@code [log signal, log noise, log l_1, ..., log l_d]}. */
  static Hyperparameters fromLog(double[] theta) {
    double[] lengths = new double[theta.length - 2];
    for (int j = 0; j < lengths.length; j++) {
      lengths[j] = Math.exp(theta[j + 2]);
    }
    return new Hyperparameters(Math.exp(theta[0]), Math.exp(theta[1]), lengths);
  }

  /** The inverse of {@link #fromLog}. */
  double[] toLog() {
    double[] theta = new double[lengthScales.length + 2];
    theta[0] = Math.log(signalVariance);
    theta[1] = Math.log(noiseVariance);
    for (int j = 0; j < lengthScales.length; j++) {
      theta[j + 2] = Math.log(lengthScales[j]);
    }
    return theta;
  }

  @Override
  public double[] lengthScales() {
    return lengthScales.clone();
  }

  /** The scaled distance {@code |(a - b) / lengthScales|}. */
  double distance(double[] a, double[] b) {
    double sum = 0;
    for (int j = 0; j < a.length; j++) {
      double d = (a[j] - b[j]) / lengthScales[j];
      sum += d * d;
    }
    return Math.sqrt(sum);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Hyperparameters h
        && h.signalVariance == signalVariance
        && h.noiseVariance == noiseVariance
        && Arrays.equals(h.lengthScales, lengthScales);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(lengthScales) * 31 + Double.hashCode(signalVariance);
  }

  @Override
  public String toString() {
    return "Hyperparameters[signal="
        + signalVariance
        + ", noise="
        + noiseVariance
        + ", lengthScales="
        + Arrays.toString(lengthScales)
        + "]";
  }
}
