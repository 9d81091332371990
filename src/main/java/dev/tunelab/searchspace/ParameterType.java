package dev.tunelab.searchspace;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The ten NNI {@code _type}s, with the traits that tuners encode them by. */
public enum ParameterType {
  CHOICE,
  RANDINT,
  UNIFORM,
  QUNIFORM,
  LOGUNIFORM,
  QLOGUNIFORM,
  NORMAL,
  QNORMAL,
  LOGNORMAL,
  QLOGNORMAL;

  /** Every {@code _type} as NNI spells it, for messages that say what is allowed. */
  public static final String ALLOWED =
      Arrays.stream(values()).map(ParameterType::nniName).collect(Collectors.joining(", "));

  /** The type NNI calls {@code name}, matched exactly as NNI does (lower case). */
  public static Optional<ParameterType> fromNniName(String name) {
    return Arrays.stream(values()).filter(type -> type.nniName().equals(name)).findFirst();
  }

  /** The {@code _type} as NNI spells it, such as {@code qloguniform}. */
  public String nniName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether values are categories (choice, randint) rather than points on a line. */
  public boolean isCategorical() {
    return this == CHOICE || this == RANDINT;
  }

  /** Whether values are rounded to multiples of {@code q}. */
  public boolean isQuantized() {
    return this == QUNIFORM || this == QLOGUNIFORM || this == QNORMAL || this == QLOGNORMAL;
  }

  /** Whether the type draws the logarithm of the value (its bounds still describe the value). */
  public boolean isLog() {
    return this == LOGUNIFORM || this == QLOGUNIFORM || this == LOGNORMAL || this == QLOGNORMAL;
  }

  /** Whether the type is normally distributed ({@code [mu, sigma]}) rather than bounded. */
  public boolean isNormal() {
    return this == NORMAL || this == QNORMAL || this == LOGNORMAL || this == QLOGNORMAL;
  }

  /** The shape of {@code _value}, as messages show it. */
  String shape() {
    return switch (this) {
      case CHOICE -> "a non-empty list of options";
      case RANDINT -> "[low, high] with integers low < high (high excluded)";
      case UNIFORM, LOGUNIFORM -> "[low, high]";
      case QUNIFORM, QLOGUNIFORM -> "[low, high, q] with q > 0";
      case NORMAL, LOGNORMAL -> "[mu, sigma] with sigma > 0";
      case QNORMAL, QLOGNORMAL -> "[mu, sigma, q] with sigma > 0 and q > 0";
    };
  }
}
