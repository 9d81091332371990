package dev.tunelab.assessor;

import dev.tunelab.tuner.ArgSpec;
import dev.tunelab.tuner.TunerArgs;
import java.util.List;

/**
 * Describes one early-stopping algorithm and builds instances of it: the assessor catalog's unit of
 * registration. Implementations are stateless and thread-safe. Arguments are declared and bound
 * exactly as tuners' are ({@link ArgSpec}, {@link TunerArgs}).
 */
public interface AssessorFactory {

  /** The name users write in {@code assessor.name}, as NNI spells it ({@code Medianstop}). */
  String name();

  /** Other names that select this assessor, such as NNI's class names. */
  default List<String> aliases() {
    return List.of();
  }

  /** One line for people choosing an assessor. */
  String description();

  /** The {@code classArgs} the assessor takes, with their defaults. */
  List<ArgSpec> arguments();

  /** Builds an assessor for one experiment from arguments bound against {@link #arguments()}. */
  Assessor create(TunerArgs args);
}
