package dev.tunelab.tuner.cmaes;

import dev.tunelab.searchspace.ChoiceParameter;
import dev.tunelab.searchspace.FieldProblem;
import dev.tunelab.searchspace.Parameter;
import dev.tunelab.searchspace.SearchSpace;
import dev.tunelab.tuner.unitcube.UnitCube;
import dev.tunelab.tuner.unitcube.UnitDimension;
import java.util.ArrayList;
import java.util.List;

/**
 * How CMA-ES sees a search space: every parameter but the choices is a coordinate of the unit cube
 * (integers and q types rounded when decoded, normal types through their distribution function);
 * choices, which have no order CMA-ES could use, are drawn at random for each trial, as Optuna's
 * CmaEsSampler leaves categorical parameters to its independent (random) sampler.
 */
final class CmaSpace {

  private CmaSpace() {}

  static List<FieldProblem> problems(SearchSpace space) {
    if (space.isEmpty()) {
      return List.of(new FieldProblem("", "CMAES needs at least one parameter to tune"));
    }
    List<FieldProblem> problems = new ArrayList<>();
    for (Parameter parameter : space.parameters()) {
      if (parameter instanceof ChoiceParameter choice && choice.isNested()) {
        problems.add(
            new FieldProblem(
                choice.name() + "._value",
                "CMAES does not support nested choices (options with _name); it tunes numeric"
                    + " parameters and draws plain choices at random"));
      }
    }
    return problems;
  }

  /** The cube of the parameters that are not choices, in declaration order. */
  static UnitCube cube(SearchSpace space) {
    List<UnitDimension> dimensions = new ArrayList<>();
    for (Parameter parameter : space.parameters()) {
      if (!(parameter instanceof ChoiceParameter)) {
        dimensions.add(UnitDimension.of(parameter).orElseThrow());
      }
    }
    return new UnitCube(dimensions);
  }
}
