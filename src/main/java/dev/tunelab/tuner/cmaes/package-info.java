/**
 * CMA-ES ({@code CMAES}), beyond NNI, as Optuna's CmaEsSampler: numeric parameters in the unit
 * cube, plain choices drawn at random, the strategy's state rebuilt from the finished trials on
 * every call.
 */
package dev.tunelab.tuner.cmaes;
