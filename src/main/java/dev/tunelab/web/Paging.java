package dev.tunelab.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** Checks the {@code page} and {@code size} parameters of list endpoints. */
public final class Paging {

  public static final int MAX_SIZE = 1000;

  private Paging() {}

  public static PageRequest of(int page, int size, Sort sort) {
    if (page < 0) {
      throw new InvalidInputException("page", "must be 0 or more, not " + page);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidInputException(
          "size", "must be between 1 and " + MAX_SIZE + ", not " + size);
    }
    return PageRequest.of(page, size, sort);
  }
}
