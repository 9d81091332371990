package dev.tunelab.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunelab.Api.Response;
import dev.tunelab.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bad requests get problem details a person can act on, never a stack trace. */
class ApiErrorsTest extends IntegrationTest {

  @Test
  void anInvalidConfigIsA400ThatNamesEachField() {
    Response response =
        api()
            .post(
                "/api/v1/experiments",
                "application/json",
                "{\"trialConcurrency\": 0, \"trialCommand\": \"x\", \"tuner\": {\"name\": \"Random\"}, \"searchSpace\": {}, \"colour\": 1}");

    JsonNode problem = problem(response, 400);
    assertThat(problem.path("title").asString()).isEqualTo("Invalid request");
    assertThat(problem.path("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("trialConcurrency", "colour");
    assertThat(problem.path("detail").asString())
        .contains("trialConcurrency: must be at least 1, not 0");
  }

  @Test
  void brokenYamlSaysWhere() {
    JsonNode problem =
        problem(
            api()
                .post(
                    "/api/v1/experiments",
                    "application/yaml",
                    "trialCommand: [unclosed\ntuner: x\n"),
            400);

    assertThat(problem.path("detail").asString()).contains("not valid YAML at line");
  }

  @Test
  void anEmptyBodyIsA400() {
    assertThat(
            problem(api().post("/api/v1/experiments", "application/json", ""), 400)
                .path("detail")
                .asString())
        .contains("empty");
  }

  @Test
  void anUnsupportedContentTypeIsA415() {
    problem(api().post("/api/v1/experiments", "text/plain", "hello"), 415);
  }

  @Test
  void unknownIdsAre404s() {
    assertThat(problem(api().get("/api/v1/experiments/nosuchid"), 404).path("detail").asString())
        .isEqualTo("No experiment has the id 'nosuchid'");
    problem(api().get("/api/v1/experiments/nosuchid/trials"), 404);
    problem(api().post("/api/v1/experiments/nosuchid/stop"), 404);
    problem(api().get("/api/v1/no/such/route"), 404);
  }

  @Test
  void badListParametersAre400sThatSayWhatIsAllowed() {
    String id =
        create(
            "searchSpace: {}\ntrialCommand: exit 0\ntrialCodeDirectory: "
                + codeFolder()
                + "\ntrialConcurrency: 1\nmaxTrialNumber: 1\ntuner: {name: Random}\n");

    assertThat(
            problem(api().get("/api/v1/experiments/" + id + "/trials?status=DONE"), 400)
                .path("detail")
                .asString())
        .contains("SUCCEEDED");
    assertThat(
            problem(api().get("/api/v1/experiments/" + id + "/trials?sort=colour"), 400)
                .path("detail")
                .asString())
        .contains("finalMetric");
    assertThat(problem(api().get("/api/v1/experiments?size=0"), 400).path("detail").asString())
        .contains("size: must be between 1 and 1000");
    assertThat(problem(api().get("/api/v1/experiments?page=x"), 400).path("detail").asString())
        .contains("'x' is not a valid int");
    assertThat(
            problem(api().get("/api/v1/experiments/" + id + "/metrics?limit=0"), 400)
                .path("detail")
                .asString())
        .contains("limit");
    assertThat(
            problem(api().get("/api/v1/experiments/" + id + "/export?format=xml"), 400)
                .path("detail")
                .asString())
        .contains("json, csv");
    assertThat(
            problem(
                    api().patch("/api/v1/experiments/" + id, "{\"trialCommand\": \"rm -rf /\"}"),
                    400)
                .path("detail")
                .asString())
        .contains("cannot be changed");
    assertThat(
            problem(api().patch("/api/v1/experiments/" + id, "{\"trialConcurrency\": null}"), 400)
                .path("detail")
                .asString())
        .contains("cannot be removed");
  }

  @Test
  void theApiIsDescribedByOpenApi() {
    JsonNode spec = api().get("/v3/api-docs").json(200);

    assertThat(spec.path("paths").has("/api/v1/experiments")).isTrue();
    assertThat(spec.path("paths").has("/api/v1/experiments/{id}/trials/{trialId}/metrics"))
        .isTrue();
    assertThat(api().get("/swagger-ui/index.html").status()).isEqualTo(200);
  }

  private static JsonNode problem(Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.body())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("trace");
    JsonNode problem = response.json();
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("detail").asString()).isNotBlank();
    return problem;
  }
}
