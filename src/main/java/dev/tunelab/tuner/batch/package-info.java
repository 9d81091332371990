/**
 * The batch tuner ({@code Batch}): runs each parameter set of a {@code combine_params} choice once,
 * in order.
 */
package dev.tunelab.tuner.batch;
