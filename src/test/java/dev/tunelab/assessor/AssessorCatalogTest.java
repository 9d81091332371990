package dev.tunelab.assessor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssessorCatalogTest {

  private final AssessorCatalog catalog = AssessorCatalog.builtIn();

  @Test
  void holdsMedianstopAndCurvefitting() {
    assertThat(catalog.names()).containsExactly("Medianstop", "Curvefitting");
  }

  @ParameterizedTest
  @CsvSource({
    "Medianstop, Medianstop",
    "medianstop, Medianstop",
    "MedianstopAssessor, Medianstop",
    "' MEDIANSTOPASSESSOR ', Medianstop",
    "Curvefitting, Curvefitting",
    "CURVEFITTING, Curvefitting",
    "CurvefittingAssessor, Curvefitting",
    "curvefittingassessor, Curvefitting"
  })
  void findsAssessorsByNameOrAliasIgnoringCase(String name, String expected) {
    assertThat(catalog.find(name))
        .hasValueSatisfying(factory -> assertThat(factory.name()).isEqualTo(expected));
  }

  @Test
  void findsNothingForUnknownNames() {
    assertThat(catalog.find("Hyperband")).isEmpty();
  }

  @Test
  void noTwoAssessorsShareANameOrAlias() {
    Set<String> names = new HashSet<>();
    for (AssessorFactory factory : catalog.all()) {
      assertThat(names.add(factory.name().toLowerCase(Locale.ROOT))).as(factory.name()).isTrue();
      for (String alias : factory.aliases()) {
        assertThat(names.add(alias.toLowerCase(Locale.ROOT))).as(alias).isTrue();
      }
    }
  }
}
