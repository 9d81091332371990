package dev.tunelab.executor.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Signals a whole process group, the way {@code kill -TERM -- -PGID} does. */
final class ProcessGroup {

  private static final Logger log = LoggerFactory.getLogger(ProcessGroup.class);

  private ProcessGroup() {}

  /**
   * The process group of a process, from {@code /proc/<pid>/stat}.
   *
   * @return empty when the process is gone or {@code /proc} cannot tell
   */
  static OptionalLong of(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // "pid (command) state ppid pgrp ...": the command may hold spaces and parentheses.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return OptionalLong.of(Long.parseLong(fields[2]));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Sends {@code signal} (such as {@code TERM} or {@code KILL}) to every process of the group led
   * by {@code leader}. A group that no longer exists is not an error.
   */
  static void signal(long leader, String signal) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + signal, "--", "-" + leader)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!kill.waitFor(5, TimeUnit.SECONDS)) {
        kill.destroyForcibly();
        log.warn("kill -{} of process group {} did not return within 5 s", signal, leader);
      }
    } catch (IOException e) {
      log.warn(
          "Could not run kill to send SIG{} to process group {}: {}",
          signal,
          leader,
          e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
