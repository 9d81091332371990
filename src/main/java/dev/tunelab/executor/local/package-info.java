/**
 * Runs trials as local processes with NNI's file protocol: a trial folder with {@code
 * parameter.cfg}, {@code .nni/metrics} and a {@code run.sh} wrapper that records the exit code in
 * {@code .nni/state}. Each trial leads its own process group (through {@code setsid}) so that
 * ending a trial ends everything it started.
 */
package dev.tunelab.executor.local;
