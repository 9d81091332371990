package dev.tunelab.tuner.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunelab.searchspace.FieldProblem;
import dev.tunelab.searchspace.Json;
import dev.tunelab.searchspace.NniExamples;
import dev.tunelab.searchspace.SearchSpace;
import dev.tunelab.tuner.Suggestions;
import dev.tunelab.tuner.TrialRecord;
import dev.tunelab.tuner.Trials;
import dev.tunelab.tuner.Tuner;
import dev.tunelab.tuner.TunerArgs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchTunerTest {

  private final BatchTuner.Factory factory = new BatchTuner.Factory();

  private Tuner tuner(SearchSpace space) {
    return factory.create(space, TunerArgs.bind(factory.arguments(), Map.of(), 0));
  }

  private static List<FieldProblem> problems(String json) {
    return new BatchTuner.Factory().checkSearchSpace(SearchSpace.parse(Json.object(json)));
  }

  @Test
  void proposesEachParameterSetOnceInOrderAsTheTrialsParameters() {
    Tuner tuner = tuner(NniExamples.space(NniExamples.BATCH));

    Suggestions first = tuner.suggest(List.of(), 4);
    Suggestions rest = tuner.suggest(Trials.submit(List.of(), first), 4);

    assertThat(first.exhausted()).isFalse();
    assertThat(first.parameters())
        .containsExactly(
            Json.object("{'optimizer': 'Adam', 'learning_rate': 0.00001}"),
            Json.object("{'optimizer': 'Adam', 'learning_rate': 0.0001}"),
            Json.object("{'optimizer': 'Adam', 'learning_rate': 0.001}"),
            Json.object("{'optimizer': 'SGD', 'learning_rate': 0.01}"));
    assertThat(rest)
        .isEqualTo(
            Suggestions.exhausted(
                List.of(
                    Json.object("{'optimizer': 'SGD', 'learning_rate': 0.005}"),
                    Json.object("{'optimizer': 'SGD', 'learning_rate': 0.0002}"))));
  }

  @Test
  void skipsParameterSetsAlreadyInTheHistory() {
    Tuner tuner = tuner(NniExamples.space(NniExamples.BATCH));
    List<TrialRecord> history =
        List.of(Trials.succeeded(0, Json.object("{'learning_rate': 0.0001, 'optimizer': 'Adam'}")));

    assertThat(tuner.suggest(history, 2).parameters())
        .containsExactly(
            Json.object("{'optimizer': 'Adam', 'learning_rate': 0.00001}"),
            Json.object("{'optimizer': 'Adam', 'learning_rate': 0.001}"));
  }

  @Test
  void proposesARepeatedParameterSetOncePerListing() {
    Tuner tuner =
        tuner(
            SearchSpace.parse(
                Json.object(
                    "{'combine_params': {'_type': 'choice', '_value': [{'x': 1}, {'x': 1}]}}")));
    List<TrialRecord> history = List.of(Trials.succeeded(0, Map.of("x", 1)));

    assertThat(tuner.suggest(history, 5)).isEqualTo(Suggestions.exhausted(List.of(Map.of("x", 1))));
  }

  @Test
  void acceptsAnyNameForTheSingleChoiceAsNniDoes() {
    assertThat(problems("{'runs': {'_type': 'choice', '_value': [{'x': 1}]}}")).isEmpty();
  }

  @Test
  void rejectsSpacesThatAreNotOneChoiceOfParameterDicts() {
    assertThat(problems("{}"))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.field()).isEmpty();
              assertThat(problem.message())
                  .startsWith(
                      "Batch needs a search space with exactly one parameter (combine_params by convention),"
                          + " a choice of parameter dicts")
                  .endsWith("; got 0 parameters");
            });
    assertThat(
            problems(
                "{'a': {'_type': 'choice', '_value': [{'x': 1}]}, 'b': {'_type': 'choice', '_value': [{'x': 2}]}}"))
        .extracting(FieldProblem::field)
        .containsExactly("");
    assertThat(problems("{'combine_params': {'_type': 'uniform', '_value': [0, 1]}}"))
        .extracting(FieldProblem::field)
        .containsExactly("combine_params._type");
    assertThat(problems("{'combine_params': {'_type': 'choice', '_value': [{'_name': 'a'}]}}"))
        .extracting(FieldProblem::field)
        .containsExactly("combine_params._value");
    assertThat(problems("{'combine_params': {'_type': 'choice', '_value': [{'x': 1}, 'fast', 3]}}"))
        .containsExactly(
            new FieldProblem(
                "combine_params._value[1]",
                "Batch needs every option to be a parameter dict such as {\"lr\": 0.1}, got 'fast'"),
            new FieldProblem(
                "combine_params._value[2]",
                "Batch needs every option to be a parameter dict such as {\"lr\": 0.1}, got 3"));
  }

  @Test
  void takesNoArgumentButOptimizeMode() {
    assertThat(factory.arguments())
        .extracting(spec -> spec.name())
        .containsExactly("optimize_mode");
  }
}
