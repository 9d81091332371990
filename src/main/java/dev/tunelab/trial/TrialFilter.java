package dev.tunelab.trial;

import dev.tunelab.searchspace.FieldProblem;
import dev.tunelab.web.InvalidInputException;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.data.jpa.domain.Specification;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The filters of a trial list as one query: statuses, a range of trial numbers, a range of final
 * metrics and parameter values. Parameters are matched in their stored JSON text (compact, as the
 * runner writes it), which works the same on H2 and PostgreSQL without JSON functions.
 */
final class TrialFilter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Set<TrialStatus> statuses;
  private final Range<Integer> sequence;
  private final Range<Double> metric;
  private final List<List<String>> parameterTexts;

  private TrialFilter(
      Set<TrialStatus> statuses,
      Range<Integer> sequence,
      Range<Double> metric,
      List<List<String>> parameterTexts) {
    this.statuses = statuses;
    this.sequence = sequence;
    this.metric = metric;
    this.parameterTexts = parameterTexts;
  }

  /** An inclusive range; either end may be open (null). */
  record Range<T extends Comparable<? super T>>(T from, T to) {}

  /**
   * The query's filters.
   *
   * @throws InvalidInputException naming every filter that cannot be read
   */
  static TrialFilter of(TrialQuery query) {
    List<FieldProblem> problems = new ArrayList<>();
    Set<TrialStatus> statuses = statuses(query.status(), problems);
    Range<Integer> sequence = range("sequence", query.sequence(), Integer::valueOf, problems);
    Range<Double> metric = range("metric", query.metric(), Double::valueOf, problems);
    List<List<String>> parameters = new ArrayList<>();
    for (String param : query.param()) {
      int colon = param.indexOf(':');
      if (colon <= 0) {
        problems.add(new FieldProblem("param", "'" + param + "' is not name:value"));
      } else {
        parameters.add(texts(param.substring(0, colon), param.substring(colon + 1)));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new TrialFilter(statuses, sequence, metric, parameters);
  }

  /** The experiment's trials that pass every filter. */
  Specification<Trial> of(String experimentId) {
    return (root, query, cb) -> {
      List<Predicate> all = new ArrayList<>();
      all.add(cb.equal(root.get("experimentId"), experimentId));
      if (!statuses.isEmpty()) {
        all.add(root.get("status").in(statuses));
      }
      between(all, cb, root, "sequenceId", sequence);
      between(all, cb, root, "finalValue", metric);
      for (List<String> texts : parameterTexts) {
        all.add(
            cb.or(
                texts.stream()
                    .flatMap(
                        text ->
                            java.util.stream.Stream.of(
                                cb.like(root.get("parameters"), "%" + escape(text) + ",%", '\\'),
                                cb.like(root.get("parameters"), "%" + escape(text) + "}%", '\\')))
                    .toArray(Predicate[]::new)));
      }
      return cb.and(all.toArray(Predicate[]::new));
    };
  }

  private static <T extends Comparable<? super T>> void between(
      List<Predicate> all, CriteriaBuilder cb, Root<Trial> root, String field, Range<T> range) {
    if (range == null) {
      return;
    }
    if (range.from() != null) {
      all.add(cb.greaterThanOrEqualTo(root.get(field), range.from()));
    }
    if (range.to() != null) {
      all.add(cb.lessThanOrEqualTo(root.get(field), range.to()));
    }
  }

  /**
   * How {@code "name":value} may be written in the stored JSON: the value as JSON (numbers in
   * Java's spelling, integral ones with and without {@code .0}) and as a string.
   */
  static List<String> texts(String name, String value) {
    String key = JSON.writeValueAsString(name) + ":";
    Set<String> values = new LinkedHashSet<>();
    try {
      JsonNode parsed = JSON.readTree(value.trim());
      if (parsed != null && !parsed.isMissingNode() && !parsed.isContainer()) {
        values.add(JSON.writeValueAsString(parsed));
        if (parsed.isNumber()) {
          double number = parsed.asDouble();
          values.add(Double.toString(number));
          if (number == Math.rint(number) && Math.abs(number) < 1e15) {
            values.add(Long.toString((long) number));
          }
        }
      }
    } catch (JacksonException notJson) {
      // Plain text: matched as a string below.
    }
    values.add(JSON.writeValueAsString(value));
    return values.stream().map(text -> key + text).toList();
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Set<TrialStatus> statuses(List<String> names, List<FieldProblem> problems) {
    Set<TrialStatus> statuses = new LinkedHashSet<>();
    for (String list : names) {
      for (String name : list.split(",")) {
        if (name.isBlank()) {
          continue;
        }
        try {
          statuses.add(TrialStatus.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          problems.add(
              new FieldProblem(
                  "status",
                  "'"
                      + name.trim()
                      + "' is not a trial status; allowed: "
                      + Arrays.toString(TrialStatus.values())));
        }
      }
    }
    return statuses;
  }

  private static <T extends Comparable<? super T>> Range<T> range(
      String field,
      String text,
      java.util.function.Function<String, T> parse,
      List<FieldProblem> problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      int dots = text.indexOf("..");
      if (dots < 0) {
        T value = parse.apply(text.trim());
        return new Range<>(value, value);
      }
      String from = text.substring(0, dots).trim();
      String to = text.substring(dots + 2).trim();
      return new Range<>(
          from.isEmpty() ? null : parse.apply(from), to.isEmpty() ? null : parse.apply(to));
    } catch (NumberFormatException e) {
      problems.add(
          new FieldProblem(
              field, "'" + text + "' is not a number or a range such as 10..20, 10.. or ..20"));
      return null;
    }
  }
}
