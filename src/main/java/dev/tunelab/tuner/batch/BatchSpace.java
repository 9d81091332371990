package dev.tunelab.tuner.batch;

import dev.tunelab.searchspace.ChoiceOption;
import dev.tunelab.searchspace.ChoiceParameter;
import dev.tunelab.searchspace.FieldProblem;
import dev.tunelab.searchspace.Parameter;
import dev.tunelab.searchspace.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What Batch needs of a search space: one choice whose options are parameter dicts. */
final class BatchSpace {

  private static final String SHAPE =
      "Batch needs a search space with exactly one parameter (combine_params by convention),"
          + " a choice of parameter dicts such as {\"combine_params\": {\"_type\": \"choice\", \"_value\":"
          + " [{\"lr\": 0.1, \"batch_size\": 32}, {\"lr\": 0.01, \"batch_size\": 64}]}}";

  private BatchSpace() {}

  // Like NNI, any name is accepted for the single choice; combine_params is the convention.
  static List<FieldProblem> problems(SearchSpace space) {
    if (space.parameters().size() != 1) {
      return List.of(
          new FieldProblem("", SHAPE + "; got " + space.parameters().size() + " parameters"));
    }
    Parameter parameter = space.parameters().get(0);
    if (!(parameter instanceof ChoiceParameter choice)) {
      return List.of(
          new FieldProblem(
              parameter.name() + "._type", SHAPE + "; got " + parameter.type().nniName()));
    }
    if (choice.isNested()) {
      return List.of(
          new FieldProblem(
              choice.name() + "._value",
              SHAPE + "; its options are whole parameter sets, not nested choices with _name"));
    }
    List<FieldProblem> problems = new ArrayList<>();
    for (int i = 0; i < choice.options().size(); i++) {
      Object value = ((ChoiceOption.Value) choice.options().get(i)).value();
      if (!(value instanceof Map<?, ?>)) {
        problems.add(
            new FieldProblem(
                choice.name() + "._value[" + i + "]",
                "Batch needs every option to be a parameter dict such as {\"lr\": 0.1}, got "
                    + (value instanceof String text ? "'" + text + "'" : String.valueOf(value))));
      }
    }
    return problems;
  }

  /** The options of a space that {@link #problems} accepts, as mutable parameter sets. */
  static List<Map<String, Object>> parameterSets(SearchSpace space) {
    ChoiceParameter choice = (ChoiceParameter) space.parameters().get(0);
    List<Map<String, Object>> sets = new ArrayList<>();
    for (ChoiceOption option : choice.options()) {
      Map<?, ?> value = (Map<?, ?>) ((ChoiceOption.Value) option).value();
      Map<String, Object> set = new LinkedHashMap<>();
      value.forEach((key, item) -> set.put(String.valueOf(key), item));
      sets.add(set);
    }
    return sets;
  }
}
