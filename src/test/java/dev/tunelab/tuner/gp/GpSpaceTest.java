package dev.tunelab.tuner.gp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunelab.searchspace.FieldProblem;
import dev.tunelab.searchspace.Json;
import dev.tunelab.searchspace.SearchSpace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GpSpaceTest {

  private final GpTuner.Factory factory = new GpTuner.Factory();

  @Test
  void acceptsEveryTypeNniGpSupports() {
    SearchSpace space =
        space(
            "{'c': {'_type': 'choice', '_value': [1, 2.5, 10]},"
                + " 'r': {'_type': 'randint', '_value': [0, 4]},"
                + " 'u': {'_type': 'uniform', '_value': [0, 1]},"
                + " 'q': {'_type': 'quniform', '_value': [0, 10, 2]},"
                + " 'l': {'_type': 'loguniform', '_value': [0.001, 1]},"
                + " 'ql': {'_type': 'qloguniform', '_value': [1, 100, 1]}}");

    assertThat(factory.checkSearchSpace(space)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"normal", "lognormal"})
  void rejectsUnboundedTypesNamingTheField(String type) {
    List<FieldProblem> problems =
        factory.checkSearchSpace(space("{'x': {'_type': '" + type + "', '_value': [0, 1]}}"));

    assertThat(problems)
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.field()).isEqualTo("x._type");
              assertThat(problem.message()).contains("GP supports").contains(type);
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"qnormal", "qlognormal"})
  void rejectsQuantisedUnboundedTypes(String type) {
    assertThat(
            factory.checkSearchSpace(
                space("{'x': {'_type': '" + type + "', '_value': [1, 1, 1]}}")))
        .extracting(FieldProblem::field)
        .containsExactly("x._type");
  }

  @Test
  void rejectsChoicesOfStringsOptionByOption() {
    List<FieldProblem> problems =
        factory.checkSearchSpace(
            space("{'opt': {'_type': 'choice', '_value': [1, 'adam', true]}}"));

    assertThat(problems)
        .extracting(FieldProblem::field)
        .containsExactly("opt._value[1]", "opt._value[2]");
    assertThat(problems.get(0).message()).contains("number").contains("'adam'");
  }

  @Test
  void rejectsNestedChoices() {
    List<FieldProblem> problems =
        factory.checkSearchSpace(
            space("{'m': {'_type': 'choice', '_value': [{'_name': 'a'}, {'_name': 'b'}]}}"));

    assertThat(problems)
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.field()).isEqualTo("m._value");
              assertThat(problem.message()).contains("nested");
            });
  }

  @Test
  void rejectsTheEmptySpace() {
    assertThat(factory.checkSearchSpace(SearchSpace.parse(Map.of())))
        .singleElement()
        .satisfies(problem -> assertThat(problem.message()).contains("at least one parameter"));
  }

  private static SearchSpace space(String json) {
    return SearchSpace.parse(Json.object(json));
  }
}
