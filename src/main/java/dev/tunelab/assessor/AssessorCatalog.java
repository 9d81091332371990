package dev.tunelab.assessor;

import dev.tunelab.assessor.curvefitting.CurveFittingAssessor;
import dev.tunelab.assessor.medianstop.MedianStopAssessor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The assessors Tunelab ships, looked up by name or alias, case-insensitively. */
public final class AssessorCatalog {

  private final List<AssessorFactory> factories;

  public AssessorCatalog(List<AssessorFactory> factories) {
    this.factories = List.copyOf(factories);
  }

  /** Every built-in assessor. A new assessor is registered here. */
  public static AssessorCatalog builtIn() {
    return new AssessorCatalog(
        List.of(new MedianStopAssessor.Factory(), new CurveFittingAssessor.Factory()));
  }

  /** The assessor called {@code name}, matched case-insensitively against names and aliases. */
  public Optional<AssessorFactory> find(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return factories.stream()
        .filter(
            factory ->
                factory.name().toLowerCase(Locale.ROOT).equals(wanted)
                    || factory.aliases().stream()
                        .anyMatch(alias -> alias.toLowerCase(Locale.ROOT).equals(wanted)))
        .findFirst();
  }

  public List<AssessorFactory> all() {
    return factories;
  }

  public List<String> names() {
    return factories.stream().map(AssessorFactory::name).toList();
  }
}
