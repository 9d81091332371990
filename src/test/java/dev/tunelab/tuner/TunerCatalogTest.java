package dev.tunelab.tuner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TunerCatalogTest {

  private final TunerCatalog catalog = TunerCatalog.builtIn();

  @Test
  void holdsRandomGridSearchAndBatch() {
    assertThat(catalog.names()).contains("Random", "GridSearch", "Batch");
  }

  @ParameterizedTest
  @CsvSource({
    "Random, Random",
    "random, Random",
    "RandomTuner, Random",
    "GRIDSEARCH, GridSearch",
    "GridSearchTuner, GridSearch",
    "grid, GridSearch",
    "' batch ', Batch",
    "BatchTuner, Batch",
    "batchtuner, Batch"
  })
  void findsTunersByNameOrAliasIgnoringCase(String name, String expected) {
    assertThat(catalog.find(name))
        .hasValueSatisfying(factory -> assertThat(factory.name()).isEqualTo(expected));
  }

  @Test
  void findsNothingForUnknownNames() {
    assertThat(catalog.find("Bayesian")).isEmpty();
  }

  @Test
  void noTwoTunersShareANameOrAlias() {
    Set<String> names = new HashSet<>();
    catalog
        .all()
        .forEach(
            factory -> {
              assertThat(names.add(factory.name().toLowerCase(Locale.ROOT)))
                  .as(factory.name())
                  .isTrue();
              factory
                  .aliases()
                  .forEach(
                      alias ->
                          assertThat(names.add(alias.toLowerCase(Locale.ROOT))).as(alias).isTrue());
            });
  }
}
