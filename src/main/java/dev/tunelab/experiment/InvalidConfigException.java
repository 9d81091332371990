package dev.tunelab.experiment;

import dev.tunelab.searchspace.FieldProblem;
import dev.tunelab.web.InvalidInputException;
import java.util.List;

/** An experiment config, or a change to one, that Tunelab cannot run; lists every problem. */
public class InvalidConfigException extends InvalidInputException {

  public InvalidConfigException(List<FieldProblem> problems) {
    super(problems);
  }

  public InvalidConfigException(String field, String message) {
    super(field, message);
  }
}
