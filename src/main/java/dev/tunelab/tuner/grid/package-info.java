/**
 * Grid search ({@code GridSearch}) with NNI's coarse-to-fine grid over numeric ranges, and the
 * {@link dev.tunelab.tuner.grid.Deduplicator} that other tuners use to avoid repeating a parameter
 * set, falling back to grid order as NNI does.
 */
package dev.tunelab.tuner.grid;
