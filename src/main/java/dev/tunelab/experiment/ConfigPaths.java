package dev.tunelab.experiment;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Resolves the paths of a config: {@code ~} is the user's home, and relative paths resolve against
 * the directory Tunelab runs in (clients send absolute paths; curl users may not).
 *
 * @param baseDirectory where relative paths resolve
 * @param defaultWorkingDirectory the parent of experiment folders when a config names none
 */
public record ConfigPaths(Path baseDirectory, Path defaultWorkingDirectory) {

  Path resolve(String text) {
    String expanded =
        text.equals("~") || text.startsWith("~/")
            ? System.getProperty("user.home") + text.substring(1)
            : text;
    return baseDirectory.resolve(expanded).toAbsolutePath().normalize();
  }

  /** The directory a field names, or null with a problem when it is not an existing directory. */
  Path existingDirectory(ConfigObject config, String name, String text) {
    if (text == null) {
      return null;
    }
    Path path;
    try {
      path = resolve(text);
    } catch (InvalidPathException e) {
      config.problem(name, "'" + text + "' is not a valid path");
      return null;
    }
    if (!Files.isDirectory(path)) {
      config.problem(
          name,
          "'"
              + text
              + "' is not an existing directory"
              + (Path.of(text).isAbsolute()
                  ? ""
                  : " (relative paths resolve against " + baseDirectory + ")"));
      return null;
    }
    return path;
  }

  Path workingDirectory(ConfigObject config) {
    String text = config.string("experimentWorkingDirectory");
    if (text == null) {
      return defaultWorkingDirectory;
    }
    try {
      return resolve(text);
    } catch (InvalidPathException e) {
      config.problem("experimentWorkingDirectory", "'" + text + "' is not a valid path");
      return defaultWorkingDirectory;
    }
  }
}
