package dev.tunelab.tuner;

import dev.tunelab.searchspace.FieldProblem;
import java.util.List;
import java.util.stream.Collectors;

/** {@code classArgs} that a tuner does not accept; carries every problem found. */
public class InvalidTunerArgsException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidTunerArgsException(List<FieldProblem> problems) {
    super(problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  /** The problems, each with a path starting at {@code classArgs}. */
  public List<FieldProblem> problems() {
    return problems;
  }
}
