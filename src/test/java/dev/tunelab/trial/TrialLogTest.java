package dev.tunelab.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunelab.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Reading a trial's output files in ranges over REST. */
class TrialLogTest extends IntegrationTest {

  @Test
  void readsStdoutInRangesWithoutCuttingCharacters() {
    String id =
        create(
            "searchSpace: {}\ntrialCommand: \"for i in $(seq 300); do echo h\u00e9llo $i; done; echo oops >&2\"\n"
                + "trialCodeDirectory: "
                + codeFolder()
                + "\ntrialConcurrency: 1\nmaxTrialNumber: 1\ntuner: {name: Random}\n");
    awaitStatus(id, "DONE");
    String trial = trials(id).get(0).path("trialId").asString();
    String base = "/api/v1/experiments/" + id + "/trials/" + trial + "/log";

    StringBuilder text = new StringBuilder();
    long offset = 0;
    JsonNode chunk;
    do {
      chunk = api().get(base + "?offset=" + offset + "&limit=7").json(200);
      text.append(chunk.path("text").asString());
      offset = chunk.path("next").asLong();
    } while (offset < chunk.path("size").asLong());

    assertThat(text.toString())
        .startsWith("h\u00e9llo 1\n")
        .endsWith("h\u00e9llo 300\n")
        .hasLineCount(300);
    assertThat(api().get(base + "?file=stderr").json(200).path("text").asString())
        .isEqualTo("oops\n");
    assertThat(api().get(base + "?file=trial.log").json(200).path("size").asLong()).isZero();
  }

  @Test
  void readsOnlyTheTrialsOwnLogs() {
    String id =
        create(
            "searchSpace: {}\ntrialCommand: exit 0\ntrialCodeDirectory: "
                + codeFolder()
                + "\ntrialConcurrency: 1\nmaxTrialNumber: 1\ntuner: {name: Random}\n");
    awaitStatus(id, "DONE");
    String trial = trials(id).get(0).path("trialId").asString();

    JsonNode problem =
        api()
            .get(
                "/api/v1/experiments/"
                    + id
                    + "/trials/"
                    + trial
                    + "/log?file=../../../../etc/passwd")
            .json(400);

    assertThat(problem.path("detail").asString()).contains("allowed: stdout, stderr, trial.log");
  }
}
