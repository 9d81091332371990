package dev.tunelab.searchspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSpaceSizeTest {

  private static SearchSpace space(String json) {
    return SearchSpace.parse(Json.object(json));
  }

  @Test
  void multipliesTheSizesOfFiniteParameters() {
    SearchSpace space =
        space(
            "{'a': {'_type': 'choice', '_value': ['x', 'y', 'z']}, 'b': {'_type': 'randint', '_value': [5, 7]},"
                + " 'c': {'_type': 'quniform', '_value': [0, 10, 2.5]}}");

    assertThat(space.size()).hasValue(3 * 2 * 5);
    assertThat(space.isFinite()).isTrue();
  }

  @Test
  void countsTheDistinctValuesOfQuantizedRanges() {
    assertThat(space("{'v': {'_type': 'quniform', '_value': [2, 10, 5]}}").size()).hasValue(3);
    assertThat(space("{'v': {'_type': 'quniform', '_value': [-5.5, -0.5, 6]}}").size()).hasValue(2);
    assertThat(space("{'v': {'_type': 'qloguniform', '_value': [0.001, 100, 1]}}").size())
        .hasValue(101);
  }

  @Test
  void countsEqualChoiceOptionsOnce() {
    assertThat(space("{'v': {'_type': 'choice', '_value': ['a', 'a', 1, 1.0, true]}}").size())
        .hasValue(3);
  }

  @Test
  void addsTheSizesOfNestedOptions() {
    // Each layer: Empty (1) + Conv (4) + Max_pool (3) + Avg_pool (3) = 11.
    assertThat(NniExamples.space(NniExamples.NESTED).size()).hasValue(11 * 11);
  }

  @Test
  void isEmptyForInfiniteSpaces() {
    for (String type : new String[] {"uniform", "loguniform"}) {
      assertThat(space("{'v': {'_type': '" + type + "', '_value': [1, 2]}}").size()).isEmpty();
    }
    for (String value :
        new String[] {
          "'normal', '_value': [0, 1]",
          "'qnormal', '_value': [0, 1, 1]",
          "'lognormal', '_value': [0, 1]",
          "'qlognormal', '_value': [0, 1, 1]"
        }) {
      SearchSpace space = space("{'v': {'_type': " + value + "}}");
      assertThat(space.size()).isEmpty();
      assertThat(space.isFinite()).isFalse();
    }
    assertThat(NniExamples.space(NniExamples.EVERY_TYPE).size()).isEmpty();
  }

  @Test
  void isEmptyButFiniteWhenTooLargeForALong() {
    SearchSpace space =
        space(
            "{'a': {'_type': 'randint', '_value': [0, 4000000000]}, 'b': {'_type': 'randint', '_value': [0, 4000000000]},"
                + " 'c': {'_type': 'randint', '_value': [0, 4000000000]}}");

    assertThat(space.size()).isEmpty();
    assertThat(space.isFinite()).isTrue();
  }

  @Test
  void theEmptySpaceHoldsOneParameterSet() {
    assertThat(SearchSpace.parse(Map.of()).size()).hasValue(1);
  }
}
