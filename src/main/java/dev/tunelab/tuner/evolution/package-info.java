/**
 * Naive evolution ({@code Evolution}), as NNI's {@code evolution_tuner.py}: a random population,
 * then binary tournaments whose winner is copied with one parameter mutated.
 */
package dev.tunelab.tuner.evolution;
