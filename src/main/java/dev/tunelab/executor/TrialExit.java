package dev.tunelab.executor;

import java.time.Instant;

/**
 * How a trial's process ended.
 *
 * @param exitCode the command's exit code; 128 + n when killed by signal n; null when the process
 *     vanished without recording one (killed while Tunelab was down)
 * @param endedAt when it ended, as recorded by the trial's wrapper when it could
 */
public record TrialExit(Integer exitCode, Instant endedAt) {}
