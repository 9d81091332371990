/**
 * NNI's GP tuner ({@code GP}): Bayesian optimisation with a Gaussian-process model of the loss in
 * the unit cube (Matern or RBF kernel with one length scale per parameter, signal and noise
 * variance fitted by maximum a posteriori), expected improvement, UCB or probability of improvement
 * maximised by random scoring and projected L-BFGS, running trials taken into account as kriging
 * believers. Numeric parameters only, as in NNI.
 */
package dev.tunelab.tuner.gp;
