/**
 * Random search ({@code Random}): every parameter drawn from its prior, deduplicated against the
 * history, reproducible from the seed and the history alone.
 */
package dev.tunelab.tuner.random;
