package dev.tunelab.trial;

import dev.tunelab.web.NotFoundException;

/** No trial of the experiment has the id a request named (HTTP 404). */
public class TrialNotFoundException extends NotFoundException {

  public TrialNotFoundException(String experimentId, String trialId) {
    super("Experiment " + experimentId + " has no trial '" + trialId + "'");
  }
}
