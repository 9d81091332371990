package dev.tunelab.tuner.smac;

import dev.tunelab.searchspace.ChoiceParameter;
import dev.tunelab.searchspace.FieldProblem;
import dev.tunelab.searchspace.Parameter;
import dev.tunelab.searchspace.ParameterType;
import dev.tunelab.searchspace.SearchSpace;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What SMAC accepts of a search space: NNI's SMAC subset (nni.md §2.3), flat.
 *
 * <p>Nested choices are rejected rather than flattened, as NNI's SMAC rejects them: flattening
 * would give the forest conditional parameters that are inactive most of the time, which SMAC's
 * ConfigSpace handles with conditions and Tunelab's encoding does not model.
 */
final class SmacSpace {

  static final Set<ParameterType> SUPPORTED =
      EnumSet.of(
          ParameterType.CHOICE,
          ParameterType.RANDINT,
          ParameterType.UNIFORM,
          ParameterType.QUNIFORM,
          ParameterType.LOGUNIFORM);

  private static final String ALLOWED =
      "SMAC supports choice, randint, uniform, quniform and loguniform (as NNI's SMAC);"
          + " use TPE, Random, Anneal or Evolution for ";

  private SmacSpace() {}

  /** The problems SMAC has with {@code space}; empty when it can tune it. */
  static List<FieldProblem> problems(SearchSpace space) {
    List<FieldProblem> problems = new ArrayList<>();
    for (Parameter parameter : space.parameters()) {
      if (!SUPPORTED.contains(parameter.type())) {
        problems.add(
            new FieldProblem(
                parameter.name() + "._type", ALLOWED + parameter.type().nniName() + " parameters"));
      } else if (parameter instanceof ChoiceParameter choice && choice.isNested()) {
        problems.add(
            new FieldProblem(
                parameter.name() + "._value",
                "SMAC does not support nested choices (options with _name), as NNI's SMAC;"
                    + " flatten the sub-spaces into top-level parameters, or use TPE, Random,"
                    + " Anneal or Evolution"));
      }
    }
    return problems;
  }
}
