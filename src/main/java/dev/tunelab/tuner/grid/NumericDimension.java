package dev.tunelab.tuner.grid;

import dev.tunelab.searchspace.Parameter;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/** A numeric parameter: positions in (0, 1) through its inverse distribution function. */
final class NumericDimension extends Dimension {

  private final DoubleUnaryOperator value;
  private final DoubleUnaryOperator real;
  private double[] positions = {0.5};
  private int size = 1;
  // Intervals [l, r] as pairs, that may still hold values distinct from their ends.
  private double[] divisions = new double[4];
  private int divisionCount;

  NumericDimension(
      Parameter parameter,
      int parent,
      int option,
      DoubleUnaryOperator value,
      DoubleUnaryOperator real) {
    super(parameter, parent, option);
    this.value = value;
    this.real = real;
    if (less(0, 0.5)) {
      divisions = add(divisions, divisionCount++, 0, 0.5);
    }
    if (less(0.5, 1)) {
      divisions = add(divisions, divisionCount++, 0.5, 1);
    }
  }

  @Override
  long length() {
    return size;
  }

  @Override
  Object value(long index) {
    return value.applyAsDouble(positions[(int) index]);
  }

  // NNI's _next_grid for one dimension, with its special case for the ends 0 and 1: they are
  // not positions of their own (a normal's would be infinite), but an interval that touches one
  // stays while its values differ. NNI keeps halving such an interval even when the midpoint
  // rounds to the end itself, and then adds that end again every epoch and never finishes (as
  // for quniform [0, 11, 2], whose 11 only x = 1 gives). Here an interval that a double cannot
  // split any more gets NNI's test once, so that a finite end value joins the grid once, and is
  // dropped, so that every finite space ends.
  @Override
  boolean subdivide() {
    boolean updated = false;
    double[] next = new double[4 * divisionCount + 4];
    int nextCount = 0;
    for (int i = 0; i < divisionCount; i++) {
      double l = divisions[2 * i];
      double r = divisions[2 * i + 1];
      double mid = (l + r) / 2;
      boolean diffLeft = less(l, mid);
      boolean diffRight = less(mid, r);
      if ((diffLeft || l == 0.0) && (diffRight || r == 1.0) && isFinite(mid)) {
        if (size == positions.length) {
          positions = Arrays.copyOf(positions, size * 2);
        }
        positions[size++] = mid;
        updated = true;
      }
      if (mid == l || mid == r) {
        continue;
      }
      if (diffLeft) {
        next = add(next, nextCount++, l, mid);
        updated |= l == 0.0;
      }
      if (diffRight) {
        next = add(next, nextCount++, mid, r);
        updated |= r == 1.0;
      }
    }
    divisions = next;
    divisionCount = nextCount;
    return updated;
  }

  private boolean isFinite(double position) {
    return Double.isFinite(value.applyAsDouble(position));
  }

  private boolean less(double x, double y) {
    return real.applyAsDouble(x) < real.applyAsDouble(y);
  }

  private static double[] add(double[] pairs, int index, double l, double r) {
    double[] target =
        2 * index + 2 <= pairs.length ? pairs : Arrays.copyOf(pairs, pairs.length * 2);
    target[2 * index] = l;
    target[2 * index + 1] = r;
    return target;
  }
}
