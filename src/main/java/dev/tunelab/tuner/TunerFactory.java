package dev.tunelab.tuner;

import dev.tunelab.searchspace.FieldProblem;
import dev.tunelab.searchspace.SearchSpace;
import java.util.List;

/**
 * Describes one tuner algorithm and builds instances of it: the catalog's unit of registration.
 * Implementations are stateless and thread-safe.
 */
public interface TunerFactory {

  /** The name users write in {@code tuner.name}, as NNI spells it ({@code GridSearch}). */
  String name();

  /** Other names that select this tuner, such as NNI's class names ({@code GridSearchTuner}). */
  default List<String> aliases() {
    return List.of();
  }

  /** One line for people choosing a tuner. */
  String description();

  /** The {@code classArgs} the tuner takes, with their defaults. */
  List<ArgSpec> arguments();

  /**
   * What makes a search space unusable for this tuner, beyond NNI's general rules: for example
   * Batch needs a single {@code combine_params} choice. Paths are relative to the space.
   *
   * @return no problems when the tuner can work with the space
   */
  default List<FieldProblem> checkSearchSpace(SearchSpace space) {
    return List.of();
  }

  /**
   * Builds a tuner for one search space.
   *
   * @param space a space for which {@link #checkSearchSpace} found no problems
   * @param args arguments bound against {@link #arguments()}
   */
  Tuner create(SearchSpace space, TunerArgs args);
}
