/**
 * Learning-curve extrapolation ({@code Curvefitting}): NNI's {@code CurvefittingAssessor}, its
 * twelve curve families, their least-squares fits, NNI's agreement filter and its Metropolis
 * sampling of the combination weights.
 */
package dev.tunelab.assessor.curvefitting;
