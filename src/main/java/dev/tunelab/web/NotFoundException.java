package dev.tunelab.web;

/** A request named something that does not exist (HTTP 404). */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
