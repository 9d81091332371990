package dev.tunelab.tuner.unitcube;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Several parameters seen as a point of the unit cube, one coordinate per {@link UnitDimension}, in
 * the order given. Immutable.
 */
public final class UnitCube {

  private final List<UnitDimension> dimensions;

  /** A cube with one coordinate per dimension, in the order given. */
  public UnitCube(List<UnitDimension> dimensions) {
    this.dimensions = List.copyOf(dimensions);
  }

  /** The dimensions, one per coordinate. */
  public List<UnitDimension> dimensions() {
    return dimensions;
  }

  /** The number of coordinates. */
  public int size() {
    return dimensions.size();
  }

  /**
   * The point of a parameter set, reading only this cube's parameters; empty when one of them is
   * missing or holds a value its parameter cannot take.
   */
  public Optional<double[]> encode(Map<String, ?> parameters) {
    double[] point = new double[dimensions.size()];
    for (int i = 0; i < point.length; i++) {
      UnitDimension dimension = dimensions.get(i);
      if (!parameters.containsKey(dimension.name())) {
        return Optional.empty();
      }
      OptionalDouble u = dimension.encode(parameters.get(dimension.name()));
      if (u.isEmpty()) {
        return Optional.empty();
      }
      point[i] = u.getAsDouble();
    }
    return Optional.of(point);
  }

  /** The parameter values at {@code point}, by name in this cube's order. */
  public Map<String, Object> decode(double[] point) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < dimensions.size(); i++) {
      values.put(dimensions.get(i).name(), dimensions.get(i).decode(point[i]));
    }
    return values;
  }

  /**
   * The point the trial would really run for {@code point}: discrete coordinates moved to the
   * centre of their value's bin or grid point, all coordinates clamped into [0, 1].
   */
  public double[] snap(double[] point) {
    double[] snapped = new double[point.length];
    for (int i = 0; i < point.length; i++) {
      UnitDimension dimension = dimensions.get(i);
      snapped[i] = dimension.encode(dimension.decode(point[i])).orElse(0.5);
    }
    return snapped;
  }
}
