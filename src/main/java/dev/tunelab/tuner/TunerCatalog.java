package dev.tunelab.tuner;

import dev.tunelab.tuner.anneal.AnnealTuner;
import dev.tunelab.tuner.batch.BatchTuner;
import dev.tunelab.tuner.cmaes.CmaEsTuner;
import dev.tunelab.tuner.evolution.EvolutionTuner;
import dev.tunelab.tuner.gp.GpTuner;
import dev.tunelab.tuner.grid.GridSearchTuner;
import dev.tunelab.tuner.random.RandomTuner;
import dev.tunelab.tuner.smac.SmacTuner;
import dev.tunelab.tuner.tpe.TpeTuner;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The tuners Tunelab ships, looked up by name or alias, case-insensitively. */
public final class TunerCatalog {

  private final List<TunerFactory> factories;

  public TunerCatalog(List<TunerFactory> factories) {
    this.factories = List.copyOf(factories);
  }

  /** Every built-in tuner. A new tuner is registered here. */
  public static TunerCatalog builtIn() {
    return new TunerCatalog(
        List.of(
            new RandomTuner.Factory(),
            new GridSearchTuner.Factory(),
            new BatchTuner.Factory(),
            new TpeTuner.Factory(),
            new AnnealTuner.Factory(),
            new EvolutionTuner.Factory(),
            new SmacTuner.Factory(),
            new GpTuner.Factory(),
            new CmaEsTuner.Factory()));
  }

  /** The tuner called {@code name}, matched case-insensitively against names and aliases. */
  public Optional<TunerFactory> find(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return factories.stream()
        .filter(
            factory ->
                factory.name().toLowerCase(Locale.ROOT).equals(wanted)
                    || factory.aliases().stream()
                        .anyMatch(alias -> alias.toLowerCase(Locale.ROOT).equals(wanted)))
        .findFirst();
  }

  public List<TunerFactory> all() {
    return factories;
  }

  /** The canonical names, for messages that say what is allowed. */
  public List<String> names() {
    return factories.stream().map(TunerFactory::name).toList();
  }
}
