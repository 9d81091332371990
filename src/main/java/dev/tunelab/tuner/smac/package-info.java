/**
 * SMAC ({@code SMAC}): sequential model-based optimisation as SMAC3's hyper-parameter optimisation
 * facade, in pure Java. A random forest ({@link dev.tunelab.tuner.smac.RandomForest}) models the
 * log-scaled losses of the history; expected improvement, maximised by random and local search in
 * the one-exchange neighbourhood, picks the next parameter set; a Sobol design starts the search
 * and random parameter sets are interleaved. Running trials count as a constant liar, so that
 * concurrent proposals differ. Everything is rebuilt from the history on each call.
 */
package dev.tunelab.tuner.smac;
