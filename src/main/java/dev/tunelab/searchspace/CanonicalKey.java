package dev.tunelab.searchspace;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A canonical text for a JSON value, equal for values that mean the same parameters: keys sorted
 * (as NNI's {@code nni.dump(params, sort_keys=True)}), numbers by value across Java classes ({@code
 * 1}, {@code 1L} and {@code 1.0} agree) and non-integers to 15 significant digits, so that a value
 * that made a round trip through another language's JSON still matches.
 */
final class CanonicalKey {

  private static final MathContext DIGITS = new MathContext(15);
  private static final double TWO_TO_63 = 0x1p63;

  private CanonicalKey() {}

  static String of(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.toString();
  }

  private static void append(StringBuilder out, Object value) {
    if (value == null || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Number number) {
      out.append(number(number));
    } else if (value instanceof CharSequence text) {
      string(out, text.toString());
    } else if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((key, item) -> sorted.put(String.valueOf(key), item));
      out.append('{');
      sorted.forEach(
          (key, item) -> {
            out.append(out.charAt(out.length() - 1) == '{' ? "" : ",");
            string(out, key);
            out.append(':');
            append(out, item);
          });
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ",");
        append(out, list.get(i));
      }
      out.append(']');
    } else {
      out.append('<').append(value.getClass().getSimpleName()).append(':');
      string(out, value.toString());
      out.append('>');
    }
  }

  private static String number(Number number) {
    if (number instanceof BigInteger) {
      return number.toString();
    }
    Long exact = Numbers.exactLong(number);
    if (exact != null) {
      return Long.toString(exact);
    }
    if (number instanceof BigDecimal decimal) {
      return decimal(decimal);
    }
    double d = number.doubleValue();
    if (!Double.isFinite(d)) {
      return Double.toString(d);
    }
    if (d == Math.rint(d) && Math.abs(d) >= TWO_TO_63) {
      return new BigDecimal(d).toBigInteger().toString();
    }
    return decimal(new BigDecimal(d));
  }

  private static String decimal(BigDecimal decimal) {
    if (decimal.signum() != 0 && decimal.stripTrailingZeros().scale() <= 0) {
      return decimal.toBigInteger().toString();
    }
    BigDecimal rounded = decimal.round(DIGITS).stripTrailingZeros();
    if (rounded.signum() == 0) {
      return "0";
    }
    return rounded.scale() <= 0 ? rounded.toBigInteger().toString() : rounded.toString();
  }

  private static void string(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
