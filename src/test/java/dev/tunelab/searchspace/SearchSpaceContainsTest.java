package dev.tunelab.searchspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSpaceContainsTest {

  private static boolean contains(String parameter, Object value) {
    SearchSpace space = SearchSpace.parse(Json.object("{'v': " + parameter + "}"));
    Map<String, Object> values = new HashMap<>();
    values.put("v", value);
    return space.contains(values);
  }

  @Test
  void needsExactlyTheSpacesParameterNames() {
    SearchSpace space = NniExamples.space(NniExamples.AUTO_GBDT);
    Map<String, Object> values =
        Json.object(
            "{'num_leaves': 20, 'learning_rate': 0.1, 'bagging_fraction': 0.8, 'bagging_freq': 1}");

    assertThat(space.contains(values)).isTrue();
    values.put("extra", 1);
    assertThat(space.contains(values)).isFalse();
    values.remove("extra");
    values.remove("bagging_freq");
    assertThat(space.contains(values)).isFalse();
    assertThat(space.contains(null)).isFalse();
  }

  @Test
  void comparesChoiceNumbersByValueButNotBooleans() {
    String choice = "{'_type': 'choice', '_value': [1, 0.5, 'a', true]}";

    assertThat(contains(choice, 1.0)).isTrue();
    assertThat(contains(choice, 1L)).isTrue();
    assertThat(contains(choice, BigInteger.ONE)).isTrue();
    assertThat(contains(choice, new BigDecimal("0.50"))).isTrue();
    assertThat(contains(choice, true)).isTrue();
    assertThat(contains(choice, "1")).isFalse();
    assertThat(contains("{'_type': 'choice', '_value': [1, 0]}", true)).isFalse();
  }

  @Test
  void randintHoldsIntegersFromLowBelowHigh() {
    String randint = "{'_type': 'randint', '_value': [0, 3]}";

    assertThat(contains(randint, 0)).isTrue();
    assertThat(contains(randint, 2.0)).isTrue();
    assertThat(contains(randint, 3)).isFalse();
    assertThat(contains(randint, 1.5)).isFalse();
    assertThat(contains(randint, -1)).isFalse();
    assertThat(contains(randint, "1")).isFalse();
  }

  @Test
  void quantizedRangesHoldTheirGridWithRoundingTolerance() {
    String quniform = "{'_type': 'quniform', '_value': [2, 10, 5]}";

    assertThat(contains(quniform, 2.0)).isTrue();
    assertThat(contains(quniform, 5)).isTrue();
    assertThat(contains(quniform, 10.0)).isTrue();
    assertThat(contains(quniform, 5.0000000001)).isTrue();
    assertThat(contains(quniform, 0.0)).isFalse();
    assertThat(contains(quniform, 7.5)).isFalse();
    assertThat(contains(quniform, 15.0)).isFalse();
    assertThat(contains("{'_type': 'quniform', '_value': [0, 1, 0.1]}", 0.30000000000000004))
        .isTrue();
  }

  @Test
  void continuousRangesHoldTheirBounds() {
    assertThat(contains("{'_type': 'uniform', '_value': [0, 1]}", 1)).isTrue();
    assertThat(contains("{'_type': 'uniform', '_value': [0, 1]}", 1.0000001)).isFalse();
    assertThat(contains("{'_type': 'loguniform', '_value': [0.01, 1]}", 0.001)).isFalse();
    assertThat(contains("{'_type': 'normal', '_value': [0, 1]}", -1e6)).isTrue();
    assertThat(contains("{'_type': 'normal', '_value': [0, 1]}", Double.NaN)).isFalse();
    assertThat(contains("{'_type': 'normal', '_value': [0, 1]}", "0")).isFalse();
    assertThat(contains("{'_type': 'lognormal', '_value': [0, 1]}", -0.1)).isFalse();
    assertThat(contains("{'_type': 'qlognormal', '_value': [0, 1, 0.5]}", 0.0)).isTrue();
    assertThat(contains("{'_type': 'qlognormal', '_value': [0, 1, 0.5]}", 0.75)).isFalse();
    assertThat(contains("{'_type': 'qnormal', '_value': [0, 1, 0.5]}", -2.5)).isTrue();
  }

  @Test
  void checksNestedChoicesRecursively() {
    SearchSpace space = NniExamples.space(NniExamples.NESTED);

    assertThat(
            space.contains(
                Json.object(
                    "{'layer0': {'_name': 'Empty'}, 'layer1': {'_name': 'Conv', 'kernel_size': 2}}")))
        .isTrue();
    assertThat(
            space.contains(
                Json.object(
                    "{'layer0': {'_name': 'Empty'}, 'layer1': {'_name': 'Conv', 'kernel_size': 4}}")))
        .isFalse();
    assertThat(
            space.contains(
                Json.object("{'layer0': {'_name': 'Empty'}, 'layer1': {'_name': 'Conv'}}")))
        .isFalse();
    assertThat(
            space.contains(
                Json.object(
                    "{'layer0': {'_name': 'Empty', 'kernel_size': 1}, 'layer1': {'_name': 'Empty'}}")))
        .isFalse();
    assertThat(
            space.contains(
                Json.object("{'layer0': {'_name': 'Dense'}, 'layer1': {'_name': 'Empty'}}")))
        .isFalse();
    assertThat(space.contains(Json.object("{'layer0': 'Empty', 'layer1': {'_name': 'Empty'}}")))
        .isFalse();
  }

  @Test
  void choicesOfDictsHoldEqualDicts() {
    SearchSpace space = NniExamples.space(NniExamples.BATCH);

    assertThat(
            space.contains(
                Json.object("{'combine_params': {'learning_rate': 0.001, 'optimizer': 'Adam'}}")))
        .isTrue();
    assertThat(
            space.contains(
                Json.object("{'combine_params': {'optimizer': 'Adam', 'learning_rate': 0.002}}")))
        .isFalse();
  }
}
