/**
 * Tree-structured Parzen Estimator ({@code TPE}), as NNI's own re-implementation ({@code
 * nni/algorithms/hpo/tpe_tuner.py}): each parameter is modelled on its own by two Parzen
 * estimators, one of the good trials and one of the rest, with a constant liar for the trials still
 * running.
 */
package dev.tunelab.tuner.tpe;
