/**
 * Early stopping: the {@link dev.tunelab.assessor.Assessor} contract, its catalog and one
 * sub-package per algorithm (PURE: no Spring, JPA or process code). An assessor judges a running
 * trial from its intermediate results; it never sees the executor.
 */
package dev.tunelab.assessor;
