package dev.tunelab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base of the tests that run Tunelab for real: an HTTP server on a random port, the embedded
 * database in a fresh home folder, and real trial processes. Subclasses share one application
 * context, so they must not depend on seeing only their own experiments.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

  protected static final String PYTHON_SDK = TestFiles.PYTHON_SDK;
  protected static final Path HOME = TestFiles.temporaryFolder("tunelab-it-");

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void home(DynamicPropertyRegistry registry) {
    registry.add("tunelab.home", HOME::toString);
    registry.add("tunelab.trials.kill-grace", () -> "2s");
  }

  protected Api api() {
    return new Api(port);
  }

  /** Posts a YAML config and returns the created experiment's id. */
  protected String create(String yaml) {
    return api()
        .post("/api/v1/experiments", "application/yaml", yaml)
        .json(201)
        .path("id")
        .asString();
  }

  protected JsonNode experiment(String id) {
    return api().get("/api/v1/experiments/" + id).json(200);
  }

  /** Waits until the experiment's status is one of {@code statuses} and returns it. */
  protected JsonNode awaitStatus(String id, String... statuses) {
    return awaitExperiment(
        id,
        experiment ->
            java.util.Arrays.asList(statuses).contains(experiment.path("status").asString()));
  }

  protected JsonNode awaitExperiment(String id, Predicate<JsonNode> condition) {
    JsonNode[] last = new JsonNode[1];
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .alias("experiment " + id)
        .until(() -> condition.test(last[0] = experiment(id)));
    return last[0];
  }

  protected static Path codeFolder(String... namesAndContents) {
    return TestFiles.codeFolder(namesAndContents);
  }

  protected JsonNode trials(String id) {
    return api().get("/api/v1/experiments/" + id + "/trials?size=1000").json(200).path("items");
  }
}
