package dev.tunelab.dashboard;

import dev.tunelab.experiment.DurationText;
import dev.tunelab.experiment.ExperimentView;
import dev.tunelab.web.PageView;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * How the server's first view writes numbers, durations and statuses: exactly as {@code
 * frontend/js/format.js} does in the browser, so a live update never changes how a value reads.
 * Both are tested against {@code frontend/test/format-cases.json}. Templates call it as {@code
 * ${@pageFormat.number(x)}}.
 */
@Component
public class PageFormat {

  private static final String DASH = "–";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("INITIALIZED", "Initialized"),
          Map.entry("RUNNING", "Running"),
          Map.entry("NO_MORE_TRIAL", "No more trials"),
          Map.entry("TUNER_NO_MORE_TRIAL", "Tuner exhausted"),
          Map.entry("DONE", "Done"),
          Map.entry("STOPPING", "Stopping"),
          Map.entry("STOPPED", "Stopped"),
          Map.entry("ERROR", "Error"),
          Map.entry("WAITING", "Waiting"),
          Map.entry("SUCCEEDED", "Succeeded"),
          Map.entry("FAILED", "Failed"),
          Map.entry("USER_CANCELED", "Cancelled"),
          Map.entry("SYS_CANCELED", "System cancelled"),
          Map.entry("EARLY_STOPPED", "Early stopped"));

  private static final Map<String, String> TONES =
      Map.ofEntries(
          Map.entry("RUNNING", "run"),
          Map.entry("NO_MORE_TRIAL", "run"),
          Map.entry("TUNER_NO_MORE_TRIAL", "run"),
          Map.entry("INITIALIZED", "wait"),
          Map.entry("WAITING", "wait"),
          Map.entry("STOPPING", "wait"),
          Map.entry("DONE", "ok"),
          Map.entry("SUCCEEDED", "ok"),
          Map.entry("ERROR", "bad"),
          Map.entry("FAILED", "bad"));

  /** Six significant digits; exponent form below 1e-4 and from 1e6 on. */
  public String number(Double value) {
    if (value == null) {
      return DASH;
    }
    if (value.isNaN()) {
      return "NaN";
    }
    if (value.isInfinite()) {
      return value > 0 ? "∞" : "-∞";
    }
    if (value == 0) {
      return "0";
    }
    BigDecimal exact = new BigDecimal(value);
    BigDecimal six = exact.round(new MathContext(6, RoundingMode.HALF_UP));
    if (Math.abs(value) < 1e-4 || exponent(six) >= 6) {
      BigDecimal four = exact.round(new MathContext(4, RoundingMode.HALF_UP));
      int exponent = exponent(four);
      return trimZeros(four.movePointLeft(exponent).toPlainString()) + "e" + exponent;
    }
    return trimZeros(six.toPlainString());
  }

  /**
   * A parameter value: numbers as {@link #number}, text as is, nested choices as JSON.stringify
   * writes them.
   */
  public String value(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return DASH;
    }
    if (value.isNumber()) {
      return number(value.doubleValue());
    }
    return value.isString() ? value.stringValue() : ScriptJson.write(value);
  }

  /** Seconds as people read them: 3.4s, 42s, 5m 03s, 2h 05m, 3d 04h. */
  public String duration(Double seconds) {
    if (seconds == null || seconds.isNaN()) {
      return DASH;
    }
    double s = Math.max(0, seconds);
    if (s < 10) {
      return String.format(Locale.ROOT, "%.1fs", Math.floor(s * 10) / 10);
    }
    long whole = (long) s;
    if (whole < 60) {
      return whole + "s";
    }
    if (whole < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", whole / 60, whole % 60);
    }
    if (whole < 86400) {
      return String.format(Locale.ROOT, "%dh %02dm", whole / 3600, whole % 3600 / 60);
    }
    return String.format(Locale.ROOT, "%dd %02dh", whole / 86400, whole % 86400 / 3600);
  }

  /** Milliseconds as {@link #duration}. */
  public String millis(Long millis) {
    return millis == null ? DASH : duration(millis / 1000.0);
  }

  /** A status in words. */
  public String status(Object status) {
    return status == null ? DASH : LABELS.getOrDefault(status.toString(), status.toString());
  }

  /** The colour family of a status badge: run, wait, ok, bad or off. */
  public String tone(Object status) {
    return status == null ? "off" : TONES.getOrDefault(status.toString(), "off");
  }

  /** An instant in the server's time zone, "2026-11-28 10:34:15". */
  public String time(Instant instant) {
    return instant == null ? DASH : TIME.format(instant);
  }

  /**
   * How far a count or a time is through its budget, as format.js's progress() writes it.
   *
   * @param percent how much of the bar to fill; null when there is no limit
   */
  public record Progress(String text, Double percent) {}

  /** Submitted trials against {@code maxTrialNumber}. */
  public Progress trials(ExperimentView experiment) {
    JsonNode max = experiment.config().path("maxTrialNumber");
    int used = experiment.submittedTrials();
    return max.isNumber()
        ? progress(used, max.asInt(), used + " / " + max.asInt())
        : new Progress(used + " / ∞", null);
  }

  /** Time spent running against {@code maxExperimentDuration}. */
  public Progress time(ExperimentView experiment) {
    double used = experiment.durationSeconds();
    Optional<Duration> max =
        DurationText.parse(experiment.config().path("maxExperimentDuration").asString(""));
    return max.map(
            limit ->
                progress(
                    used,
                    limit.toSeconds(),
                    duration(used) + " / " + duration((double) limit.toSeconds())))
        .orElseGet(() -> new Progress(duration(used) + " / ∞", null));
  }

  /** "Page 1 of 3 · 120 trials", as trials-table.js writes it. */
  public String pageInfo(PageView<?> page) {
    long pages = Math.max(1, (page.total() + page.size() - 1) / page.size());
    return "Page " + (page.page() + 1) + " of " + pages + " · " + page.total() + " trials";
  }

  private static Progress progress(double used, double limit, String text) {
    return new Progress(text, limit <= 0 ? 100 : Math.min(1, used / limit) * 100);
  }

  private static int exponent(BigDecimal rounded) {
    return rounded.precision() - rounded.scale() - 1;
  }

  private static String trimZeros(String text) {
    return text.contains(".") ? text.replaceAll("\\.?0+$", "") : text;
  }
}
