package dev.tunelab.executor.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code .nni/state} file the wrapper writes when the command ends: {@code "<exit code> <epoch
 * ms>"}, as NNI 2.x writes it.
 *
 * @param exitCode the command's exit code
 * @param endedAt when it ended
 */
record TrialState(int exitCode, Instant endedAt) {

  /** The recorded state, or empty when the trial has not ended or the file is incomplete. */
  static Optional<TrialState> read(Path trialDirectory) {
    Path file = trialDirectory.resolve(".nni/state");
    try {
      String[] parts = Files.readString(file).trim().split("\\s+");
      if (parts.length != 2) {
        return Optional.empty();
      }
      return Optional.of(
          new TrialState(
              Integer.parseInt(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1]))));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
