/**
 * Metrics that trials report: the reader that tails each trial's {@code .nni/metrics} file (NNI's
 * {@code ME} frames), the store that writes each metric exactly once, and the queries behind the
 * metric endpoints.
 */
package dev.tunelab.metric;
