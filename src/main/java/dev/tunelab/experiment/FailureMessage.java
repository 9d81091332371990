package dev.tunelab.experiment;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** What a failed trial's message says: its exit code and the last lines of its stderr. */
final class FailureMessage {

  private static final int STDERR_TAIL_BYTES = 2000;

  private FailureMessage() {}

  static String of(Path trialDirectory, int exitCode) {
    String tail = tail(trialDirectory.resolve("stderr"));
    String code =
        exitCode > 128 && exitCode < 160
            ? exitCode + " (killed by signal " + (exitCode - 128) + ")"
            : Integer.toString(exitCode);
    return tail.isBlank()
        ? "exit code " + code + "; stderr is empty"
        : "exit code " + code + "; last lines of stderr:\n" + tail;
  }

  private static String tail(Path file) {
    try (RandomAccessFile stderr = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, stderr.length() - STDERR_TAIL_BYTES);
      byte[] bytes = new byte[(int) (stderr.length() - start)];
      stderr.seek(start);
      stderr.readFully(bytes);
      String text = new String(bytes, StandardCharsets.UTF_8);
      int firstWholeLine = start > 0 ? text.indexOf('\n') + 1 : 0;
      return text.substring(firstWholeLine).strip();
    } catch (IOException e) {
      return "";
    }
  }
}
