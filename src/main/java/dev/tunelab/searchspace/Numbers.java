package dev.tunelab.searchspace;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Number handling shared by the parameters: JSON numbers arrive in several Java classes. */
final class Numbers {

  private static final double TWO_TO_63 = 0x1p63;

  private Numbers() {}

  /** The value as a double, or null when it is not a number (booleans are not numbers). */
  static Double asDouble(Object value) {
    return value instanceof Number number ? number.doubleValue() : null;
  }

  /** The value as a long when it is an integer that fits one (2.0 counts), else null. */
  static Long exactLong(Object value) {
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() < 64 ? big.longValue() : null;
    }
    if (value instanceof BigDecimal decimal) {
      try {
        return decimal.longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    if (value instanceof Number number) {
      double d = number.doubleValue();
      return d == Math.rint(d) && d >= -TWO_TO_63 && d < TWO_TO_63 ? (long) d : null;
    }
    return null;
  }

  /**
   * {@code round(x / q) * q} with Python's {@code round}: halves go to the even neighbour. Adding
   * 0.0 turns Java's -0.0 into the 0.0 that Python's integer round gives.
   */
  static double quantize(double x, double q) {
    return Math.rint(x / q) * q + 0.0;
  }

  /** Whether {@code value} is an integer multiple of {@code q}, allowing for rounding error. */
  static boolean isMultiple(double value, double q) {
    if (Double.isInfinite(value)) {
      return true;
    }
    double k = value / q;
    return Math.abs(k - Math.rint(k)) <= 1e-9 * Math.max(1, Math.abs(k));
  }

  /** A value as messages show it: strings quoted, numbers as given. */
  static String render(Object value) {
    if (value instanceof String text) {
      return "'" + text + "'";
    }
    if (value instanceof Iterable<?> list) {
      StringBuilder out = new StringBuilder("[");
      for (Object item : list) {
        out.append(out.length() > 1 ? ", " : "").append(render(item));
      }
      return out.append(']').toString();
    }
    return String.valueOf(value);
  }
}
