package dev.tunelab.web;

/** A request that the current state of what it names does not allow (HTTP 409). */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
