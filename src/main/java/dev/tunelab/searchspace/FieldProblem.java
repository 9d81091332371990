package dev.tunelab.searchspace;

/**
 * One thing wrong with user input, said so that a person can fix it.
 *
 * @param field the dotted path of the offending field, such as {@code searchSpace.lr._value} or
 *     {@code tuner.classArgs.seed}
 * @param message what is wrong and what is allowed, as a sentence without the field name
 */
public record FieldProblem(String field, String message) {

  /** The same problem with its field nested under {@code prefix}. */
  public FieldProblem under(String prefix) {
    return new FieldProblem(field.isEmpty() ? prefix : prefix + "." + field, message);
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
