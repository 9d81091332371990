package dev.tunelab.searchspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SearchSpaceModelTest {

  @Test
  void parsesNnisDocumentedExampleInDeclarationOrder() {
    SearchSpace space = NniExamples.space(NniExamples.DOCS);

    assertThat(space.names())
        .containsExactly("dropout_rate", "conv_size", "hidden_size", "batch_size", "learning_rate");
    assertThat(space.parameters().get(0))
        .isEqualTo(
            new UniformParameter(
                "dropout_rate", ParameterType.UNIFORM, 0.1, 0.5, OptionalDouble.empty()));
    assertThat(space.parameters().get(1)).isInstanceOf(ChoiceParameter.class);
  }

  @Test
  void exposesEveryTypeWithItsBoundsForModelBasedTuners() {
    SearchSpace space = NniExamples.space(NniExamples.EVERY_TYPE);

    assertThat(space.parameters())
        .extracting(Parameter::type)
        .containsExactly(
            ParameterType.CHOICE,
            ParameterType.RANDINT,
            ParameterType.CHOICE,
            ParameterType.CHOICE);
    assertThat(space.parameters().get(1)).isEqualTo(new RandintParameter("kernel", 2, 8));
    ChoiceParameter distribution = (ChoiceParameter) space.parameters().get(2);
    assertThat(distribution.isNested()).isTrue();
    ChoiceOption.Nested uniform = (ChoiceOption.Nested) distribution.options().get(0);
    assertThat(uniform.name()).isEqualTo("UNIFORM");
    assertThat(uniform.space().parameters())
        .containsExactly(
            new UniformParameter(
                "dropout", ParameterType.UNIFORM, 0.5, 0.9, OptionalDouble.empty()),
            new UniformParameter("hidden", ParameterType.QUNIFORM, 100, 1000, OptionalDouble.of(3)),
            new UniformParameter(
                "U_lr", ParameterType.LOGUNIFORM, 1e-4, 0.1, OptionalDouble.empty()),
            new UniformParameter(
                "U_batch", ParameterType.QLOGUNIFORM, 16, 128, OptionalDouble.of(0.725)));
    ChoiceOption.Nested normal = (ChoiceOption.Nested) distribution.options().get(1);
    assertThat(normal.space().parameters())
        .containsExactly(
            new NormalParameter("dropout", ParameterType.NORMAL, 0.7, 0.2, OptionalDouble.empty()),
            new NormalParameter("hidden", ParameterType.QNORMAL, 500, 200, OptionalDouble.of(3)),
            new NormalParameter("N_lr", ParameterType.LOGNORMAL, -6, 3, OptionalDouble.empty()),
            new NormalParameter(
                "N_batch", ParameterType.QLOGNORMAL, 3.5, 1.2, OptionalDouble.of(0.725)));
    assertThat(((ChoiceOption.Nested) distribution.options().get(2)).space().isEmpty()).isTrue();
  }

  @Test
  void logTypesKeepTheirBoundsAndEncodeThroughLogarithms() {
    UniformParameter lr =
        new UniformParameter("lr", ParameterType.LOGUNIFORM, 1e-4, 1e-1, OptionalDouble.empty());

    assertThat(lr.internalLow()).isEqualTo(Math.log(1e-4));
    assertThat(lr.internalHigh()).isEqualTo(Math.log(1e-1));
    assertThat(lr.fromInternal(Math.log(1e-2)))
        .isCloseTo(1e-2, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(lr.quantile(0.5))
        .isCloseTo(Math.sqrt(1e-5), org.assertj.core.data.Offset.offset(1e-15));
  }

  @Test
  void typeTraitsMatchNniFormatting() {
    assertThat(ParameterType.QLOGUNIFORM.isLog()).isTrue();
    assertThat(ParameterType.QLOGUNIFORM.isQuantized()).isTrue();
    assertThat(ParameterType.QLOGUNIFORM.isNormal()).isFalse();
    assertThat(ParameterType.LOGNORMAL.isNormal()).isTrue();
    assertThat(ParameterType.RANDINT.isCategorical()).isTrue();
    assertThat(ParameterType.fromNniName("qnormal")).contains(ParameterType.QNORMAL);
    assertThat(ParameterType.fromNniName("QNORMAL")).isEmpty();
  }

  @Test
  void toJsonGivesBackTheSpaceAsWrittenAndCannotBeChanged() {
    Map<String, Object> json = NniExamples.json(NniExamples.EVERY_TYPE);
    SearchSpace space = SearchSpace.parse(json);

    assertThat(space.toJson()).isEqualTo(json);
    assertThat(List.copyOf(space.toJson().keySet()))
        .containsExactly("pool", "kernel", "D", "not_nested");
    assertThatThrownBy(() -> space.toJson().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void isNotChangedByChangesToTheInput() {
    Map<String, Object> json = Json.object("{'x': {'_type': 'choice', '_value': [{'a': 1}]}}");
    SearchSpace space = SearchSpace.parse(json);

    ((Map<String, Object>) ((List<?>) ((Map<?, ?>) json.get("x")).get("_value")).get(0))
        .put("a", 2);

    assertThat(space.contains(Map.of("x", Map.of("a", 1)))).isTrue();
  }

  @Test
  void spacesAreEqualWhenTheirJsonMeansTheSame() {
    SearchSpace integers =
        SearchSpace.parse(Json.object("{'x': {'_type': 'uniform', '_value': [0, 1]}}"));
    SearchSpace doubles =
        SearchSpace.parse(
            Map.of(
                "x", Map.of("_value", List.of(0.0, new BigDecimal("1.00")), "_type", "uniform")));
    SearchSpace other =
        SearchSpace.parse(Json.object("{'x': {'_type': 'uniform', '_value': [0, 2]}}"));

    assertThat(integers).isEqualTo(doubles).hasSameHashCodeAs(doubles).isNotEqualTo(other);
  }
}
