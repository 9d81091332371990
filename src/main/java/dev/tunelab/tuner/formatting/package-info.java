/**
 * NNI's internal form of a search space and of parameter sets ({@code hpo_utils/formatting.py}),
 * shared by the model-based tuners: one flat list of parameters, nested-choice sub-parameters
 * included, each value a number (an option index for the categories, the logarithm for the log
 * types), and the history of an experiment read into that form once and cached.
 */
package dev.tunelab.tuner.formatting;
