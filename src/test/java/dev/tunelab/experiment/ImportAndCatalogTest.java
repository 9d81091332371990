package dev.tunelab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunelab.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The tuner catalog over REST, and imported results reaching the tuner of a running experiment. */
class ImportAndCatalogTest extends IntegrationTest {

  @Test
  void listsEveryTunerWithItsArguments() {
    JsonNode catalog = api().get("/api/v1/tuners").json(200);

    assertThat(catalog.path("tuners").findValuesAsString("name"))
        .contains("Random", "GridSearch", "Batch");
    JsonNode random =
        catalog
            .path("tuners")
            .get(catalog.path("tuners").findValuesAsString("name").indexOf("Random"));
    assertThat(random.path("description").asString()).isNotBlank();
    assertThat(random.path("classArgs").findValuesAsString("name"))
        .contains("optimize_mode", "seed");
    assertThat(random.path("classArgs").get(0).path("allowed").toString())
        .contains("maximize", "minimize");
    assertThat(catalog.has("assessors")).isTrue();
  }

  @Test
  void importedResultsReachTheTunerOfARunningExperiment() {
    String id =
        create(
            """
            searchSpace: {a: {_type: choice, _value: [1, 2, 3, 4]}}
            trialCommand: sleep 1
            trialCodeDirectory: %s
            trialConcurrency: 1
            tuner: {name: GridSearch}
            """
                .formatted(codeFolder()));

    JsonNode imported =
        api()
            .post(
                "/api/v1/experiments/" + id + "/import",
                "application/json",
                "[{\"parameter\": {\"a\": 2}, \"value\": 0.5}, {\"parameter\": {\"a\": 3}, \"value\": \"{\\\"default\\\": 0.7}\"}]")
            .json(200);

    assertThat(imported.path("imported").asInt()).isEqualTo(2);
    JsonNode done = awaitStatus(id, "DONE", "ERROR");
    assertThat(done.path("status").asString()).isEqualTo("DONE");
    assertThat(trials(id).findValues("parameters").stream().map(p -> p.path("a").asInt()).toList())
        .containsExactly(1, 4);
  }

  @Test
  void rejectsImportsThatAreNotResults() {
    String id =
        create(
            "searchSpace: {}\ntrialCommand: exit 0\ntrialCodeDirectory: "
                + codeFolder()
                + "\ntrialConcurrency: 1\nmaxTrialNumber: 1\ntuner: {name: Random}\n");

    JsonNode problem =
        api()
            .post(
                "/api/v1/experiments/" + id + "/import",
                "application/json",
                "[{\"parameter\": {\"a\": 1}, \"value\": \"NaN\"}, {\"value\": 1}]")
            .json(400);

    assertThat(problem.path("errors").findValuesAsString("field"))
        .containsExactly("[0].value", "[1].parameter");
  }
}
