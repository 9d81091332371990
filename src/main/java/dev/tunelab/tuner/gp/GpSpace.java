package dev.tunelab.tuner.gp;

import dev.tunelab.searchspace.ChoiceOption;
import dev.tunelab.searchspace.ChoiceParameter;
import dev.tunelab.searchspace.FieldProblem;
import dev.tunelab.searchspace.NormalParameter;
import dev.tunelab.searchspace.Parameter;
import dev.tunelab.searchspace.SearchSpace;
import java.util.ArrayList;
import java.util.List;

/**
 * What NNI's GP tuner accepts (nni.md §2.3): choice with numeric options, randint, uniform,
 * quniform, loguniform and qloguniform; at least one parameter.
 */
final class GpSpace {

  static final String SUPPORTED =
      "GP supports choice (of numbers), randint, uniform, quniform, loguniform and qloguniform";

  private GpSpace() {}

  static List<FieldProblem> problems(SearchSpace space) {
    if (space.isEmpty()) {
      return List.of(new FieldProblem("", "GP needs at least one parameter to tune"));
    }
    List<FieldProblem> problems = new ArrayList<>();
    for (Parameter parameter : space.parameters()) {
      if (parameter instanceof NormalParameter) {
        problems.add(
            new FieldProblem(
                parameter.name() + "._type",
                SUPPORTED + ", not " + parameter.type().nniName() + " (an unbounded range)"));
      } else if (parameter instanceof ChoiceParameter choice && choice.isNested()) {
        problems.add(
            new FieldProblem(
                choice.name() + "._value",
                SUPPORTED + "; nested choices (options with _name) are not supported"));
      } else if (parameter instanceof ChoiceParameter choice) {
        for (int i = 0; i < choice.options().size(); i++) {
          Object value = ((ChoiceOption.Value) choice.options().get(i)).value();
          boolean number = value instanceof Number n && Double.isFinite(n.doubleValue());
          if (!number) {
            problems.add(
                new FieldProblem(
                    choice.name() + "._value[" + i + "]",
                    "GP needs every choice option to be a number, got "
                        + (value instanceof String text ? "'" + text + "'" : value)));
          }
        }
      }
    }
    return problems;
  }
}
