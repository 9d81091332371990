/**
 * The NNI search-space model (PURE: no Spring, JPA or process code).
 *
 * <p>{@link dev.tunelab.searchspace.SearchSpace#parse} turns NNI's JSON form ({@code {"lr":
 * {"_type": "loguniform", "_value": [1e-4, 0.1]}}}) into an immutable model, reporting every
 * invalid entry with its path; the model samples values with NNI's exact semantics and tells
 * whether a parameter set lies in the space.
 */
package dev.tunelab.searchspace;
