package dev.tunelab.metric;

import java.time.Instant;

/**
 * One stored metric.
 *
 * @param id a cursor: metrics of an experiment are returned in increasing id order
 * @param trialId the trial that reported it
 * @param trialSequenceId that trial's number in the experiment
 * @param type PERIODICAL (intermediate) or FINAL
 * @param sequence the trial's number for this report, from 0 per type
 * @param value the number that counts; null when the report was not a finite number
 * @param data the value as reported, JSON text ({@code NaN} and dicts included)
 */
public record MetricView(
    long id,
    String trialId,
    int trialSequenceId,
    MetricType type,
    int sequence,
    Double value,
    String data,
    Instant reportedAt) {}
