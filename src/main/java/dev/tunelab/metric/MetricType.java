package dev.tunelab.metric;

/** The kinds of metric records NNI's trial protocol stores. */
public enum MetricType {
  /** An intermediate result, such as one epoch's accuracy. */
  PERIODICAL,
  /** The trial's result, the one tuners optimise. */
  FINAL
}
