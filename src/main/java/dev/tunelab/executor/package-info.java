/**
 * Where trials run: the {@link dev.tunelab.executor.TrainingService} contract, and in {@code
 * local/} the implementation that runs each trial as a process group on this machine.
 */
package dev.tunelab.executor;
