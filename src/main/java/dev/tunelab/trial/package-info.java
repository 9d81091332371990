/**
 * Trials: the entity and its lifecycle, the queries behind the trial endpoints, and export of
 * results as JSON or CSV.
 */
package dev.tunelab.trial;
