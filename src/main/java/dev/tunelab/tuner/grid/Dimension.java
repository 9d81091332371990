package dev.tunelab.tuner.grid;

import dev.tunelab.searchspace.NormalParameter;
import dev.tunelab.searchspace.Parameter;
import dev.tunelab.searchspace.UniformParameter;

/** One dimension of NNI's grid: a parameter and the positions explored so far. */
abstract sealed class Dimension permits CategoricalDimension, NumericDimension {

  private final Parameter parameter;
  private final int parent;
  private final int option;

  Dimension(Parameter parameter, int parent, int option) {
    this.parameter = parameter;
    this.parent = parent;
    this.option = option;
  }

  /**
   * @param parent the index of the nested choice this parameter belongs to, -1 at the top
   * @param option the option of that choice that activates this parameter
   */
  static Dimension of(Parameter parameter, int parent, int option) {
    if (parameter instanceof UniformParameter uniform) {
      return new NumericDimension(uniform, parent, option, uniform::quantile, uniform::quantile);
    }
    if (parameter instanceof NormalParameter normal) {
      return new NumericDimension(
          normal, parent, option, normal::quantile, p -> normalReal(normal, p));
    }
    return new CategoricalDimension(parameter, parent, option);
  }

  // As NNI's _deformat_single_parameter: the ends of a normal are infinite, not exp'ed or rounded.
  private static double normalReal(NormalParameter normal, double p) {
    if (p == 0 || p == 1) {
      return p == 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return normal.quantile(p);
  }

  Parameter parameter() {
    return parameter;
  }

  int parent() {
    return parent;
  }

  int option() {
    return option;
  }

  /** How many positions the dimension holds in the current epoch. */
  abstract long length();

  /** The parameter value at position {@code index}, in NNI's form. */
  abstract Object value(long index);

  /** Adds the next epoch's positions; false when there is nothing left to add. */
  abstract boolean subdivide();
}
