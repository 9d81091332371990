/**
 * The tuner contract, its catalog and one sub-package per algorithm (PURE: no Spring, JPA or
 * process code).
 *
 * <p>A tuner only proposes parameter sets. It reads the experiment's history, handed to it as
 * immutable {@link dev.tunelab.tuner.TrialRecord}s, and keeps no state that a rebuild from that
 * history would not restore: a restart of Tunelab loses nothing and no tuner writes checkpoints.
 */
package dev.tunelab.tuner;
