package dev.tunelab.tuner.smac;

import dev.tunelab.searchspace.ChoiceOption;
import dev.tunelab.searchspace.ChoiceParameter;
import dev.tunelab.searchspace.Parameter;
import dev.tunelab.searchspace.RandintParameter;
import dev.tunelab.searchspace.SearchSpace;
import dev.tunelab.searchspace.UniformParameter;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Parameter sets as the forest sees them: one feature per parameter, as SMAC's ConfigSpace vectors.
 * A choice is its option index (a category); randint, uniform, quniform and loguniform are numbers
 * in [0, 1] on the internal scale (the logarithm for loguniform), randint ordered as SMAC treats
 * it. Vectors are kept <em>snapped</em>: a feature is always the encoding of the value it decodes
 * to, so equal parameter sets have equal vectors.
 */
final class Encoding {

  private final SearchSpace space;
  private final List<Parameter> parameters;
  private final int[] categories;
  private final List<Map<String, Integer>> optionIndex;

  Encoding(SearchSpace space) {
    this.space = space;
    this.parameters = space.parameters();
    this.categories = new int[parameters.size()];
    this.optionIndex = parameters.stream().map(Encoding::optionIndex).toList();
    for (int j = 0; j < categories.length; j++) {
      if (parameters.get(j) instanceof ChoiceParameter choice) {
        categories[j] = choice.options().size();
      }
    }
  }

  private static Map<String, Integer> optionIndex(Parameter parameter) {
    Map<String, Integer> index = new HashMap<>();
    if (parameter instanceof ChoiceParameter choice) {
      for (int i = choice.options().size() - 1; i >= 0; i--) {
        index.put(key(((ChoiceOption.Value) choice.options().get(i)).value()), i);
      }
    }
    return index;
  }

  private static String key(Object value) {
    return SearchSpace.canonicalKey(Collections.singletonMap("v", value));
  }

  int dimensions() {
    return parameters.size();
  }

  /** The number of options of a choice feature; 0 for the numeric ones. */
  int categories(int j) {
    return categories[j];
  }

  /** Per feature, its number of categories; 0 for the numeric ones. */
  int[] categories() {
    return categories.clone();
  }

  /** Whether feature {@code j} takes few enough values that a Gaussian step may not move it. */
  boolean isDiscrete(int j) {
    return parameters.get(j) instanceof RandintParameter
        || (parameters.get(j) instanceof UniformParameter uniform && uniform.q().isPresent());
  }

  /** The parameter set's vector; empty when it is not a value of the space. */
  Optional<double[]> encode(Map<String, Object> values) {
    if (!space.contains(values)) {
      return Optional.empty();
    }
    double[] x = new double[parameters.size()];
    for (int j = 0; j < x.length; j++) {
      x[j] = encode(j, values.get(parameters.get(j).name()));
    }
    return Optional.of(x);
  }

  private double encode(int j, Object value) {
    Parameter parameter = parameters.get(j);
    if (parameter instanceof ChoiceParameter) {
      return optionIndex.get(j).get(key(value));
    }
    if (parameter instanceof RandintParameter randint) {
      return (((Number) value).longValue() - randint.low() + 0.5)
          / (randint.high() - randint.low());
    }
    UniformParameter uniform = (UniformParameter) parameter;
    double v = ((Number) value).doubleValue();
    double internal = uniform.type().isLog() ? Math.log(v) : v;
    double unit =
        (internal - uniform.internalLow()) / (uniform.internalHigh() - uniform.internalLow());
    return Math.min(1, Math.max(0, unit));
  }

  /** The parameter set a vector stands for, in NNI's form. */
  Map<String, Object> decode(double[] x) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int j = 0; j < x.length; j++) {
      values.put(parameters.get(j).name(), decode(j, x[j]));
    }
    return values;
  }

  private Object decode(int j, double x) {
    Parameter parameter = parameters.get(j);
    if (parameter instanceof ChoiceParameter choice) {
      return ((ChoiceOption.Value) choice.options().get((int) x)).value();
    }
    if (parameter instanceof RandintParameter randint) {
      long size = randint.high() - randint.low();
      return randint.low() + Math.min(size - 1, Math.max(0, (long) Math.floor(x * size)));
    }
    return ((UniformParameter) parameter).quantile(Math.min(1, Math.max(0, x)));
  }

  /** Feature {@code j} moved to the value that {@code x} decodes to; categories stay indices. */
  double snap(int j, double x) {
    return categories[j] > 0 ? x : encode(j, decode(j, x));
  }

  /** The next value of a discrete feature up or down ({@code step} ±1), itself at the ends. */
  double adjacent(int j, double x, int step) {
    Parameter parameter = parameters.get(j);
    if (parameter instanceof RandintParameter randint) {
      return snap(j, x + step / (double) (randint.high() - randint.low()));
    }
    if (parameter instanceof UniformParameter uniform && uniform.q().isPresent()) {
      double v = ((Number) decode(j, x)).doubleValue();
      return snap(j, encode(j, uniform.fromInternal(v + step * uniform.q().getAsDouble())));
    }
    return x;
  }

  /**
   * Whether two vectors have the same options and numbers within {@code radius} of each other in
   * root-mean-square distance on the unit scale.
   */
  boolean near(double[] a, double[] b, double radius) {
    double squares = 0;
    int numbers = 0;
    for (int j = 0; j < a.length; j++) {
      if (categories[j] > 0) {
        if (a[j] != b[j]) {
          return false;
        }
      } else {
        squares += (a[j] - b[j]) * (a[j] - b[j]);
        numbers++;
      }
    }
    return numbers == 0 || squares < radius * radius * numbers;
  }

  /** A vector drawn from the prior: uniform on each feature's internal scale, as NNI samples. */
  double[] random(RandomGenerator rng) {
    double[] x = new double[parameters.size()];
    for (int j = 0; j < x.length; j++) {
      x[j] = categories[j] > 0 ? rng.nextInt(categories[j]) : snap(j, rng.nextDouble());
    }
    return x;
  }

  /** A point of the unit cube moved into the space: categories by equal shares of [0, 1). */
  double[] fromUnitCube(double[] u) {
    double[] x = new double[u.length];
    for (int j = 0; j < x.length; j++) {
      x[j] =
          categories[j] > 0
              ? Math.min(categories[j] - 1, (int) Math.floor(u[j] * categories[j]))
              : snap(j, u[j]);
    }
    return x;
  }
}
