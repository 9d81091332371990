package dev.tunelab.searchspace;

import java.util.List;
import java.util.OptionalDouble;

/** Parses the {@code _value} of randint and the numeric types, reporting every broken bound. */
final class RangeParser {

  private final SearchSpaceParser parser;
  private final String field;

  /** {@code field} is the path of the {@code _value} that problems are reported against. */
  RangeParser(SearchSpaceParser parser, String field) {
    this.parser = parser;
    this.field = field;
  }

  private void problem(String message) {
    parser.problem(field, message);
  }

  Parameter randint(String name, List<?> values) {
    if (values.size() != 2) {
      problem("randint needs " + ParameterType.RANDINT.shape() + ", got " + count(values));
      return null;
    }
    Long low = Numbers.exactLong(values.get(0));
    Long high = Numbers.exactLong(values.get(1));
    if (low == null || high == null) {
      boolean integral = values.stream().allMatch(RangeParser::isIntegral);
      problem(
          "randint needs "
              + (integral ? "bounds that fit in 64 bits" : "integer bounds")
              + ", got "
              + Numbers.render(values));
      return null;
    }
    if (high <= low) {
      problem("randint needs high > low (high is excluded), got " + Numbers.render(values));
      return null;
    }
    return new RandintParameter(name, low, high);
  }

  Parameter numeric(String name, ParameterType type, List<?> values) {
    int expected = type.isQuantized() ? 3 : 2;
    String label = type.nniName();
    if (values.size() != expected) {
      problem(label + " needs " + type.shape() + ", got " + count(values));
      return null;
    }
    double[] numbers = new double[expected];
    for (int i = 0; i < expected; i++) {
      Double number = Numbers.asDouble(values.get(i));
      if (number == null || !Double.isFinite(number)) {
        problem(label + " needs finite numbers, got " + Numbers.render(values));
        return null;
      }
      numbers[i] = number;
    }
    OptionalDouble q = type.isQuantized() ? OptionalDouble.of(numbers[2]) : OptionalDouble.empty();
    int before = parser.problemCount();
    if (type.isNormal()) {
      if (!(numbers[1] > 0)) {
        problem(label + " needs sigma > 0, got sigma = " + Numbers.render(values.get(1)));
      }
      checkQ(type, numbers, values, "[mu, sigma, q]");
      return parser.problemCount() == before
          ? new NormalParameter(name, type, numbers[0], numbers[1], q)
          : null;
    }
    if (!(numbers[1] > numbers[0])) {
      problem(label + " needs high > low, got " + Numbers.render(values.subList(0, 2)));
    }
    if (type.isLog() && !(numbers[0] > 0)) {
      problem(label + " needs low > 0, got low = " + Numbers.render(values.get(0)));
    }
    checkQ(type, numbers, values, "[low, high, q]");
    return parser.problemCount() == before
        ? new UniformParameter(name, type, numbers[0], numbers[1], q)
        : null;
  }

  private void checkQ(ParameterType type, double[] numbers, List<?> values, String shape) {
    if (type.isQuantized() && !(numbers[2] > 0)) {
      problem(
          type.nniName()
              + " needs "
              + shape
              + " with q > 0, got q = "
              + Numbers.render(values.get(2)));
    }
  }

  private static boolean isIntegral(Object value) {
    Double number = Numbers.asDouble(value);
    return number != null && number == Math.rint(number);
  }

  private static String count(List<?> values) {
    return values.size()
        + (values.size() == 1 ? " value" : " values")
        + ": "
        + Numbers.render(values);
  }
}
