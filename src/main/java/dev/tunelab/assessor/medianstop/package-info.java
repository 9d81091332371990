/**
 * The median stopping rule ({@code Medianstop}): NNI's {@code MedianstopAssessor}, stopping a trial
 * whose best result so far is worse than the median running average of the completed trials at the
 * same step.
 */
package dev.tunelab.assessor.medianstop;
