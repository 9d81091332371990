package dev.tunelab.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/**
 * One page of a list, as every list endpoint returns it.
 *
 * @param items this page's items
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many items all pages hold
 */
public record PageView<T>(List<T> items, int page, int size, long total) {

  public static <E, T> PageView<T> of(Page<E> page, Function<E, T> view) {
    return new PageView<>(
        page.getContent().stream().map(view).toList(),
        page.getNumber(),
        page.getSize(),
        page.getTotalElements());
  }
}
