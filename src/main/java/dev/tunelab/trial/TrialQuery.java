package dev.tunelab.trial;

import java.util.List;

/**
 * What a list of trials asks for, as the query string gives it: filters, a sort key and a page.
 * Checked by {@link TrialSearch}, which names the bad parameter in a 400.
 *
 * @param status only trials with one of these statuses ({@code RUNNING,WAITING}); all when empty
 * @param sequence only these trial numbers: {@code 12}, {@code 10..20}, {@code 10..} or {@code
 *     ..20}, bounds included
 * @param metric only trials whose final metric is in this range, written as {@code sequence} is
 * @param param only trials with these parameter values, each {@code name:value} (a number, true,
 *     false or text; nested choices are not matched)
 * @param sort {@code sequenceId} (the default), {@code finalMetric}, {@code status}, {@code
 *     startedAt} or {@code endedAt}, with {@code -} in front for descending; trials without a value
 *     come last either way
 * @param page the page, from 0
 * @param size trials per page, 1 to 1000
 */
public record TrialQuery(
    List<String> status,
    String sequence,
    String metric,
    List<String> param,
    String sort,
    Integer page,
    Integer size) {

  /** Trials per page when a request does not say. */
  public static final int DEFAULT_SIZE = 100;

  public TrialQuery {
    status = status == null ? List.of() : List.copyOf(status);
    param = param == null ? List.of() : List.copyOf(param);
    sort = sort == null || sort.isBlank() ? "sequenceId" : sort;
    page = page == null ? 0 : page;
    size = size == null ? DEFAULT_SIZE : size;
  }

  /** Every trial in trial order, the first page of {@code size}. */
  public static TrialQuery firstPage(int size) {
    return new TrialQuery(null, null, null, null, null, 0, size);
  }
}
