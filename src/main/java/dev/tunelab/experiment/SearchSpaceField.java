package dev.tunelab.experiment;

import dev.tunelab.searchspace.InvalidSearchSpaceException;
import dev.tunelab.searchspace.SearchSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code searchSpace}, or the file {@code searchSpaceFile} names (relative to the trial code
 * directory; JSON first, then YAML, as NNI does). Exactly one of the two must be given.
 */
final class SearchSpaceField {

  private static final long MAX_FILE_BYTES = 10L << 20;

  private final ConfigPaths paths;
  private final JsonMapper json;

  SearchSpaceField(ConfigPaths paths, JsonMapper json) {
    this.paths = paths;
    this.json = json;
  }

  /** The parsed space, or null with problems recorded. */
  SearchSpace read(ConfigObject config, Path codeDirectory) {
    boolean inline = config.has("searchSpace");
    boolean file = config.has("searchSpaceFile");
    if (inline && file) {
      config.problem("searchSpaceFile", "give either searchSpace or searchSpaceFile, not both");
      return null;
    }
    if (!inline && !file) {
      config.problem(
          "searchSpace", "is required: give searchSpace (an object) or searchSpaceFile (a path)");
      return null;
    }
    JsonNode node = inline ? config.node("searchSpace") : readFile(config, codeDirectory);
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      config.problem(
          inline ? "searchSpace" : "searchSpaceFile",
          "must hold an object of parameters such as {\"lr\": {\"_type\": \"uniform\", \"_value\": [0.001, 0.1]}}");
      return null;
    }
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> space = json.treeToValue(node, Map.class);
      return SearchSpace.parse(space);
    } catch (InvalidSearchSpaceException e) {
      e.problems()
          .forEach(
              problem -> config.problem(problem.under("searchSpace").field(), problem.message()));
      return null;
    }
  }

  private JsonNode readFile(ConfigObject config, Path codeDirectory) {
    String text = config.string("searchSpaceFile");
    if (text == null) {
      return null;
    }
    Path base = codeDirectory == null ? paths.baseDirectory() : codeDirectory;
    try {
      Path path = new ConfigPaths(base, paths.defaultWorkingDirectory()).resolve(text);
      if (!Files.isRegularFile(path) || Files.size(path) > MAX_FILE_BYTES) {
        config.problem(
            "searchSpaceFile",
            "'"
                + path
                + "' is not a readable file of at most 10 MiB (relative paths resolve against trialCodeDirectory)");
        return null;
      }
      String content = Files.readString(path);
      try {
        return json.readTree(content);
      } catch (JacksonException notJson) {
        return YAMLMapper.builder().build().readTree(content);
      }
    } catch (IOException | JacksonException | java.nio.file.InvalidPathException e) {
      config.problem("searchSpaceFile", "'" + text + "' could not be read as JSON or YAML");
      return null;
    }
  }
}
