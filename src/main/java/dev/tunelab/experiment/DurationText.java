package dev.tunelab.experiment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** NNI's duration format: {@code "30s"}, {@code "10m"}, {@code "1.5h"}, {@code "2d"}. */
public final class DurationText {

  private static final Pattern FORMAT =
      Pattern.compile("\\s*(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*([smhd])\\s*", Pattern.CASE_INSENSITIVE);

  static final String ALLOWED =
      "a number followed by s, m, h or d (such as \"30m\" or \"1.5h\"), or an integer number of"
          + " seconds";

  private DurationText() {}

  /**
   * Parses a duration string, rounding up to whole seconds as NNI does.
   *
   * @return empty when the text is not in the format
   */
  public static Optional<Duration> parse(String text) {
    Matcher matcher = FORMAT.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    long unitSeconds =
        switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
          case "s" -> 1;
          case "m" -> 60;
          case "h" -> 3600;
          default -> 86400;
        };
    BigDecimal seconds = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(unitSeconds));
    return Optional.of(
        Duration.ofSeconds(seconds.setScale(0, RoundingMode.CEILING).longValueExact()));
  }

  /** The shortest exact form: {@code 5400 s} is {@code "90m"}, {@code 7200 s} is {@code "2h"}. */
  static String format(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds % 86400 == 0) {
      return seconds / 86400 + "d";
    }
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
