package dev.tunelab.searchspace;

import java.util.List;
import java.util.stream.Collectors;

/** A search space that breaks NNI's rules; carries every problem found, not only the first. */
public class InvalidSearchSpaceException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidSearchSpaceException(List<FieldProblem> problems) {
    super(problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  /** The problems, each with its path relative to the search space root. */
  public List<FieldProblem> problems() {
    return problems;
  }
}
