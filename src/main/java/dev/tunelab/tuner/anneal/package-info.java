/**
 * Annealing ({@code Anneal}), as hyperopt's {@code anneal.py} that NNI wraps: random search that
 * samples ever closer to one of the best trials so far.
 */
package dev.tunelab.tuner.anneal;
