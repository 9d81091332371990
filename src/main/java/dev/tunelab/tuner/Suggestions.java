package dev.tunelab.tuner;

import java.util.List;
import java.util.Map;

/**
 * What a tuner proposes in one call.
 *
 * @param parameters the new parameter sets, in the order trials should be submitted
 * @param exhausted true when the tuner will propose nothing more for this search space, as a
 *     finished grid does; the experiment then ends once its running trials finish
 */
public record Suggestions(List<Map<String, Object>> parameters, boolean exhausted) {

  public Suggestions {
    parameters = List.copyOf(parameters);
  }

  public static Suggestions of(List<Map<String, Object>> parameters) {
    return new Suggestions(parameters, false);
  }

  public static Suggestions exhausted(List<Map<String, Object>> lastParameters) {
    return new Suggestions(lastParameters, true);
  }
}
