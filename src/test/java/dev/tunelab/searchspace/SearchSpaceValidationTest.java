package dev.tunelab.searchspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SearchSpaceValidationTest {

  private static final String ALLOWED =
      "allowed: choice, randint, uniform, quniform, loguniform, qloguniform, normal, qnormal,"
          + " lognormal, qlognormal";

  static Stream<Arguments> invalidSpaces() {
    return Stream.of(
        invalid(
            "{'lr': {'_type': 'uniformm', '_value': [0, 1]}}",
            "lr._type",
            "unknown _type 'uniformm'; " + ALLOWED),
        invalid("{'lr': {'_type': 3, '_value': [0, 1]}}", "lr._type", "unknown _type 3"),
        invalid("{'lr': {'_value': [0, 1]}}", "lr._type", "is missing; " + ALLOWED),
        invalid(
            "{'lr': {'_type': 'uniform'}}", "lr._value", "is missing; uniform needs [low, high]"),
        invalid(
            "{'lr': {'_type': 'uniform', '_value': [0, 1], '_default': 0.5}}",
            "lr._default",
            "unknown key '_default'; a parameter has only _type and _value"),
        invalid("{'lr': 0.1}", "lr", "must be an object such as"),
        invalid("{'lr': {'_type': 'uniform', '_value': 3}}", "lr._value", "must be a list"),
        invalid(
            "{'lr': {'_type': 'quniform', '_value': [0, 10]}}",
            "lr._value",
            "quniform needs [low, high, q] with q > 0, got 2 values"),
        invalid(
            "{'lr': {'_type': 'uniform', '_value': [0, 1, 0.1]}}",
            "lr._value",
            "uniform needs [low, high], got 3 values"),
        invalid(
            "{'lr': {'_type': 'uniform', '_value': ['a', 1]}}",
            "lr._value",
            "uniform needs finite numbers, got ['a', 1]"),
        invalid(
            "{'lr': {'_type': 'normal', '_value': [0, true]}}",
            "lr._value",
            "normal needs finite numbers"),
        invalid(
            "{'n': {'_type': 'randint', '_value': [1.5, 3]}}",
            "n._value",
            "randint needs integer bounds, got [1.5, 3]"),
        invalid(
            "{'n': {'_type': 'randint', '_value': [0, 100000000000000000000]}}",
            "n._value",
            "randint needs bounds that fit in 64 bits"),
        invalid(
            "{'n': {'_type': 'randint', '_value': [3, 3]}}",
            "n._value",
            "randint needs high > low (high is excluded), got [3, 3]"),
        invalid(
            "{'n': {'_type': 'randint', '_value': [1]}}",
            "n._value",
            "randint needs [low, high] with integers low < high (high excluded), got 1 value"),
        invalid(
            "{'x': {'_type': 'uniform', '_value': [1, 0]}}",
            "x._value",
            "uniform needs high > low, got [1, 0]"),
        invalid(
            "{'x': {'_type': 'quniform', '_value': [5, 5, 1]}}", "x._value", "needs high > low"),
        invalid(
            "{'lr': {'_type': 'loguniform', '_value': [0, 1]}}",
            "lr._value",
            "loguniform needs low > 0, got low = 0"),
        invalid(
            "{'lr': {'_type': 'qloguniform', '_value': [-1, 10, 1]}}",
            "lr._value",
            "qloguniform needs low > 0, got low = -1"),
        invalid(
            "{'x': {'_type': 'normal', '_value': [0, 0]}}",
            "x._value",
            "normal needs sigma > 0, got sigma = 0"),
        invalid(
            "{'x': {'_type': 'lognormal', '_value': [0, -1.5]}}",
            "x._value",
            "lognormal needs sigma > 0, got sigma = -1.5"),
        invalid(
            "{'x': {'_type': 'quniform', '_value': [0, 10, 0]}}",
            "x._value",
            "quniform needs [low, high, q] with q > 0, got q = 0"),
        invalid(
            "{'x': {'_type': 'qnormal', '_value': [0, 1, -1]}}",
            "x._value",
            "qnormal needs [mu, sigma, q] with q > 0, got q = -1"),
        invalid(
            "{'x': {'_type': 'choice', '_value': []}}",
            "x._value",
            "choice needs at least one option"),
        invalid(
            "{'m': {'_type': 'choice', '_value': [{'_name': 'a'}, 'b']}}",
            "m._value[1]",
            "a nested choice needs every option to be an object with a string _name, got 'b'"),
        invalid(
            "{'m': {'_type': 'choice', '_value': [{'_name': 3}]}}",
            "m._value[0]._name",
            "must be a string, got 3"),
        invalid(
            "{'m': {'_type': 'choice', '_value': [{'_name': 'a'}, {'_name': 'a'}]}}",
            "m._value[1]._name",
            "duplicate _name 'a'"),
        invalid(
            "{'m': {'_type': 'choice', '_value': [{'lr': {'_type': 'uniform', '_value': [0, 1]}}]}}",
            "m._value[0]",
            "holds sub-parameters but no _name"),
        invalid(
            "{'optimizer': {'_type': 'choice', '_value': [{'_name': 'adam'},"
                + " {'_name': 'sgd', 'momentum': {'_type': 'uniform', '_value': [1, 0]}}]}}",
            "optimizer._value[1].momentum._value",
            "uniform needs high > low"),
        invalid(
            "{'model': {'_type': 'choice', '_value': [{'_name': 'mlp', 'layers': {'_type': 'choice',"
                + " '_value': [{'_name': 'two', 'units': {'_type': 'uniformm', '_value': [1, 2]}}]}}]}}",
            "model._value[0].layers._value[0].units._type",
            "unknown _type 'uniformm'"));
  }

  private static Arguments invalid(String space, String field, String message) {
    return Arguments.of(space, field, message);
  }

  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("invalidSpaces")
  void rejectsEachBrokenRuleWithItsPathAndAnActionableMessage(
      String space, String field, String message) {
    InvalidSearchSpaceException error =
        catchThrowableOfType(
            InvalidSearchSpaceException.class, () -> SearchSpace.parse(Json.object(space)));

    assertThat(error).as("exception for %s", space).isNotNull();
    assertThat(error.problems()).hasSize(1);
    assertThat(error.problems().get(0).field()).isEqualTo(field);
    assertThat(error.problems().get(0).message()).contains(message);
  }

  @Test
  void reportsEveryProblemAtOnceInDeclarationOrder() {
    Map<String, Object> space =
        Json.object(
            "{'lr': {'_type': 'loguniform', '_value': [0, 1]}, 'ok': {'_type': 'uniform', '_value': [0, 1]},"
                + " 'bs': {'_type': 'choice', '_value': []}, 'act': {'_type': 'relu', '_value': [1]}}");

    assertThatThrownBy(() -> SearchSpace.parse(space))
        .isInstanceOfSatisfying(
            InvalidSearchSpaceException.class,
            error ->
                assertThat(error.problems())
                    .extracting(FieldProblem::field)
                    .containsExactly("lr._value", "bs._value", "act._type"))
        .hasMessageContaining("lr._value: loguniform needs low > 0, got low = 0")
        .hasMessageContaining("bs._value: choice needs at least one option");
  }

  @Test
  void reportsEveryProblemOfOneParameter() {
    Map<String, Object> space =
        Json.object("{'x': {'_type': 'qloguniform', '_value': [0, -1, 0], 'extra': 1}}");

    InvalidSearchSpaceException error =
        catchThrowableOfType(InvalidSearchSpaceException.class, () -> SearchSpace.parse(space));

    assertThat(error.problems())
        .extracting(FieldProblem::toString)
        .containsExactly(
            "x.extra: unknown key 'extra'; a parameter has only _type and _value",
            "x._value: qloguniform needs high > low, got [0, -1]",
            "x._value: qloguniform needs low > 0, got low = 0",
            "x._value: qloguniform needs [low, high, q] with q > 0, got q = 0");
  }

  @Test
  void reportsProblemsInSeveralNestedOptions() {
    Map<String, Object> space =
        Json.object(
            "{'m': {'_type': 'choice', '_value': [{'_name': 'a', 'x': {'_type': 'normal', '_value': [0, 0]}},"
                + " {'_name': 'b', 'y': {'_type': 'randint', '_value': [2, 1]}}]}}");

    InvalidSearchSpaceException error =
        catchThrowableOfType(InvalidSearchSpaceException.class, () -> SearchSpace.parse(space));

    assertThat(error.problems())
        .extracting(FieldProblem::field)
        .containsExactly("m._value[0].x._value", "m._value[1].y._value");
  }

  @Test
  void rejectsNonFiniteBounds() {
    Map<String, Object> space =
        Map.of("x", Map.of("_type", "uniform", "_value", List.of(0, Double.POSITIVE_INFINITY)));

    assertThatThrownBy(() -> SearchSpace.parse(space))
        .hasMessageContaining("x._value: uniform needs finite numbers");
  }

  @Test
  void rejectsAMissingSpace() {
    assertThatThrownBy(() -> SearchSpace.parse(null))
        .isInstanceOf(InvalidSearchSpaceException.class)
        .hasMessageContaining("must be an object");
  }

  @Test
  void acceptsIntegralDoublesAsRandintBounds() {
    SearchSpace space =
        SearchSpace.parse(Json.object("{'n': {'_type': 'randint', '_value': [1.0, 3]}}"));

    assertThat(space.parameters()).containsExactly(new RandintParameter("n", 1, 3));
  }

  @Test
  void acceptsTheEmptySpace() {
    SearchSpace space = SearchSpace.parse(Map.of());

    assertThat(space.parameters()).isEmpty();
    assertThat(space.isEmpty()).isTrue();
  }

  @Test
  void acceptsWhatNniLetsThroughAsPlainChoiceOptions() {
    // NNI's own test asset (choice_mixed) and docs: nulls, mixtures, lists and dicts without _name.
    SearchSpace space =
        SearchSpace.parse(
            Json.object(
                "{'mixed': {'_type': 'choice', '_value': [0.3, 'cat', 1, null, true]},"
                    + " 'sizes': {'_type': 'choice', '_value': [[64, 64], [128]]},"
                    + " 'combine_params': {'_type': 'choice', '_value': [{'x': 0, 'y': 0}, {'x': 1, 'y': 2}]}}"));

    assertThat(space.parameters()).allMatch(parameter -> !((ChoiceParameter) parameter).isNested());
    assertThat(space.size()).hasValue(5 * 2 * 2);
  }
}
