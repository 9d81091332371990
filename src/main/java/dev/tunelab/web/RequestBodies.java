package dev.tunelab.web;

import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Parses request bodies that may be JSON or YAML (as NNI's config files are) into a tree, with
 * syntax errors turned into 400s that say where the mistake is.
 */
public final class RequestBodies {

  /** The YAML media types accepted besides JSON. */
  public static final String[] YAML_TYPES = {
    "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"
  };

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private RequestBodies() {}

  /** The body as a tree; YAML when the content type says so, JSON otherwise. */
  public static JsonNode parse(String body, MediaType type) {
    boolean yaml = type != null && type.getSubtype().contains("yaml");
    if (body == null || body.isBlank()) {
      throw new InvalidInputException(
          "", "the request body is empty; send the document as " + (yaml ? "YAML" : "JSON"));
    }
    try {
      JsonNode tree = yaml ? YAML.readTree(body) : JSON.readTree(body);
      if (tree == null || tree.isMissingNode()) {
        throw new InvalidInputException("", "the request body holds no document");
      }
      return tree;
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new InvalidInputException(
          "",
          "the body is not valid "
              + (yaml ? "YAML" : "JSON")
              + where
              + ": "
              + e.getOriginalMessage());
    }
  }
}
