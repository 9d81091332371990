/**
 * Encodings of numeric search-space parameters as coordinates in [0, 1], shared by the model-based
 * tuners (GP, CMA-ES): log types in log space, integers and numeric choices as ordered bins, normal
 * types through their distribution function. Decoding applies NNI's rounding, so that encoding a
 * decoded point gives the point the trial will really run.
 */
package dev.tunelab.tuner.unitcube;
