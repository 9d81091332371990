package dev.tunelab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Folders and trial code for tests. */
public final class TestFiles {

  /** The repository root, where the build runs. */
  public static final Path REPOSITORY = Path.of("").toAbsolutePath();

  /** Prefix of a trial command that puts {@code import tunelab} within reach. */
  public static final String PYTHON_SDK = "PYTHONPATH=" + REPOSITORY.resolve("clients/python");

  private TestFiles() {}

  /** A folder of trial code: each name/content pair becomes a file. */
  public static Path codeFolder(String... namesAndContents) {
    Path folder = temporaryFolder("tunelab-code-");
    try {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        Files.writeString(folder.resolve(namesAndContents[i]), namesAndContents[i + 1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder;
  }

  public static Path temporaryFolder(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
