package dev.tunelab.experiment;

import dev.tunelab.web.ConflictException;

/** An action that the experiment's or trial's current status does not allow (HTTP 409). */
public class IllegalStatusException extends ConflictException {

  public IllegalStatusException(String message) {
    super(message);
  }
}
