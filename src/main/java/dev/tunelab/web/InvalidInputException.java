package dev.tunelab.web;

import dev.tunelab.searchspace.FieldProblem;
import java.util.List;
import java.util.stream.Collectors;

/** Input that Tunelab cannot act on (HTTP 400); lists every problem, each with its field. */
public class InvalidInputException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidInputException(List<FieldProblem> problems) {
    super(problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public InvalidInputException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
