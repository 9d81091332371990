package dev.tunelab.experiment;

import java.util.UUID;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The end-to-end experiments again, on a real PostgreSQL server: the same Flyway migrations, the
 * same JDBC metric batches. {@code .ci/run} starts PostgreSQL and sets {@code
 * TUNELAB_TEST_POSTGRES_URL}; each run gets a fresh schema.
 */
@EnabledIfEnvironmentVariable(named = "TUNELAB_TEST_POSTGRES_URL", matches = ".+")
class PostgresEndToEndTest extends EndToEndTest {

  private static final String SCHEMA =
      "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    String url = System.getenv("TUNELAB_TEST_POSTGRES_URL");
    registry.add(
        "spring.datasource.url",
        () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
    registry.add("spring.datasource.username", () -> env("TUNELAB_TEST_POSTGRES_USER", "tunelab"));
    registry.add(
        "spring.datasource.password", () -> env("TUNELAB_TEST_POSTGRES_PASSWORD", "tunelab"));
    registry.add("spring.flyway.schemas", () -> SCHEMA);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }
}
