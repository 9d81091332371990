package dev.tunelab.metric;

/**
 * One metric a trial reported.
 *
 * @param type {@code PERIODICAL} (intermediate) or {@code FINAL}
 * @param sequence the trial's number for it; null when the frame had none
 * @param value the number that counts (the value, or its {@code default}); null when that is not a
 *     finite number
 * @param data the reported value as JSON text, NaN and Infinity included
 */
record MetricReport(MetricType type, Integer sequence, Double value, String data) {}
