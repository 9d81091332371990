package dev.tunelab.metric;

import java.util.List;

/**
 * A batch of metrics after a cursor.
 *
 * @param items the metrics, in cursor order
 * @param next the cursor for the next call (the last item's id for an experiment's metrics, its
 *     sequence for a trial's), or the cursor given when there was nothing new
 */
public record MetricPage(List<MetricView> items, long next) {}
