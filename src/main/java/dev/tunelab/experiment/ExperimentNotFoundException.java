package dev.tunelab.experiment;

import dev.tunelab.web.NotFoundException;

/** No experiment has the id a request named (HTTP 404). */
public class ExperimentNotFoundException extends NotFoundException {

  public ExperimentNotFoundException(String experimentId) {
    super("No experiment has the id '" + experimentId + "'");
  }
}
