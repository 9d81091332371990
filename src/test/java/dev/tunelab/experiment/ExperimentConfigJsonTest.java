package dev.tunelab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tunelab.TestFiles;
import dev.tunelab.assessor.AssessorCatalog;
import dev.tunelab.searchspace.FieldProblem;
import dev.tunelab.tuner.TunerCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class ExperimentConfigJsonTest {

  private static final Path CODE =
      TestFiles.codeFolder(
          "space.json",
          "{\"lr\": {\"_type\": \"uniform\", \"_value\": [0, 1]}}",
          "space.yml",
          "lr: {_type: choice, _value: [1, 2]}\n");
  private static final Path WORK = TestFiles.temporaryFolder("tunelab-work-");
  private static final String VALID =
      """
      searchSpace: {lr: {_type: uniform, _value: [0.1, 1]}}
      trialCommand: python3 train.py
      trialCodeDirectory: %s
      trialConcurrency: 2
      tuner: {name: Random}
      """
          .formatted(CODE);

  private final ExperimentConfigJson configs =
      new ExperimentConfigJson(
          TunerCatalog.builtIn(), AssessorCatalog.builtIn(), new ConfigPaths(CODE, WORK));

  @Test
  void readsAMinimalConfigWithNnisDefaults() {
    ExperimentConfig config = read(VALID);

    assertThat(config.trialCommand()).isEqualTo("python3 train.py");
    assertThat(config.trialCodeDirectory()).isEqualTo(CODE);
    assertThat(config.trialConcurrency()).isEqualTo(2);
    assertThat(config.maxTrialNumber()).isNull();
    assertThat(config.maxExperimentDuration()).isNull();
    assertThat(config.trialGpuNumber()).isNull();
    assertThat(config.trainingService().maxTrialNumberPerGpu()).isEqualTo(1);
    assertThat(config.experimentWorkingDirectory()).isEqualTo(WORK);
    assertThat(config.logLevel()).isEqualTo("info");
  }

  @Test
  void matchesKeysCaseInsensitivelyIgnoringUnderscores() {
    ExperimentConfig config =
        read(
            """
            search_space: {lr: {_type: uniform, _value: [0.1, 1]}}
            TRIAL_COMMAND: python3 train.py
            trial_code_directory: %s
            TrialConcurrency: 3
            max_trial_number: 7
            max_experiment_duration: 1.5h
            tuner: {name: random}
            training_service: {platform: local, use_active_gpu: true}
            """
                .formatted(CODE));

    assertThat(config.trialConcurrency()).isEqualTo(3);
    assertThat(config.maxTrialNumber()).isEqualTo(7);
    assertThat(config.maxExperimentDuration()).isEqualTo(Duration.ofMinutes(90));
    assertThat(config.trainingService().useActiveGpu()).isTrue();
  }

  @Test
  void acceptsTheCanonicalJsonThatNnisPythonClientSends() {
    ExperimentConfig config =
        read(
            """
            {"experimentName": "test", "experimentType": "hpo", "searchSpace": {"lr": {"_type": "choice", "_value": [0.1]}},
             "trialCommand": "python3 mnist.py", "trialCodeDirectory": "%s", "trialConcurrency": 2, "trialGpuNumber": null,
             "maxTrialNumber": 5, "useAnnotation": false, "debug": false, "logLevel": "info",
             "experimentWorkingDirectory": "%s", "tuner": {"name": "Random", "classArgs": {"seed": 1}},
             "trainingService": {"platform": "local", "trialCommand": "python3 mnist.py", "trialCodeDirectory": "%s",
               "trialGpuNumber": null, "debug": false, "useActiveGpu": true, "maxTrialNumberPerGpu": 1, "reuseMode": false}}
            """
                .formatted(CODE, WORK, CODE));

    assertThat(config.experimentName()).isEqualTo("test");
    assertThat(config.maxTrialNumber()).isEqualTo(5);
  }

  @Test
  void resolvesSearchSpaceFilesAgainstTheCodeDirectoryAsJsonOrYaml() {
    assertThat(
            read(VALID.replace(
                    "searchSpace: {lr: {_type: uniform, _value: [0.1, 1]}}",
                    "searchSpaceFile: space.json"))
                .searchSpace()
                .toJson())
        .containsKey("lr");
    assertThat(
            read(VALID.replace(
                    "searchSpace: {lr: {_type: uniform, _value: [0.1, 1]}}",
                    "searchSpaceFile: space.yml"))
                .searchSpace()
                .toJson()
                .get("lr")
                .toString())
        .contains("choice");
  }

  @Test
  void writesCanonicalJsonThatReadsBackToTheSameConfig() {
    ExperimentConfig config =
        read(
            VALID.replace(
                "trialConcurrency: 2",
                "trialConcurrency: 2\nmaxTrialDuration: 90m\nmaxExperimentDuration: 3600"));

    ObjectNode canonical = configs.write(config);

    assertThat(canonical.path("maxTrialDuration").asString()).isEqualTo("90m");
    assertThat(canonical.path("maxExperimentDuration").asString()).isEqualTo("1h");
    assertThat(canonical.path("trainingService").path("platform").asString()).isEqualTo("local");
    assertThat(configs.read(canonical)).isEqualTo(config);
  }

  static Stream<Arguments> invalidConfigs() {
    return Stream.of(
        Arguments.of(
            "trialConcurrency: 2", "trialConcurrency: 0", "trialConcurrency", "at least 1"),
        Arguments.of("trialConcurrency: 2", "trialConcurrency: two", "trialConcurrency", "integer"),
        Arguments.of("trialConcurrency: 2", "", "trialConcurrency", "is required"),
        Arguments.of("trialCommand: python3 train.py", "", "trialCommand", "is required"),
        Arguments.of(
            "trialCommand: python3 train.py", "trialCommand: '  '", "trialCommand", "is required"),
        Arguments.of(
            "trialConcurrency: 2",
            "trialConcurrency: 2\nmaxTrialNumbr: 5",
            "maxTrialNumbr",
            "is not a known field"),
        Arguments.of("_type: uniform", "_type: uniformm", "searchSpace.lr._type", "uniformm"),
        Arguments.of(
            "{lr: {_type: uniform, _value: [0.1, 1]}}",
            "{lr: {_type: loguniform, _value: [0, 1]}}",
            "searchSpace.lr._value",
            "low"),
        Arguments.of(
            "{lr: {_type: uniform, _value: [0.1, 1]}}",
            "{lr: {_type: randint, _value: [1.5, 3]}}",
            "searchSpace.lr._value",
            "integer"),
        Arguments.of("name: Random", "name: Hyperopt", "tuner.name", "Random, GridSearch, Batch"),
        Arguments.of(
            "tuner: {name: Random}",
            "tuner: {name: Random, classArgs: {seed: x}}",
            "tuner.classArgs.seed",
            "integer"),
        Arguments.of(
            "tuner: {name: Random}",
            "tuner: {name: Random, classArgs: {sed: 1}}",
            "tuner.classArgs.sed",
            "not an argument"),
        Arguments.of("tuner: {name: Random}", "", "tuner", "is required"),
        Arguments.of(
            "trialConcurrency: 2",
            "trialConcurrency: 2\nmaxExperimentDuration: '10'",
            "maxExperimentDuration",
            "has no unit"),
        Arguments.of(
            "trialConcurrency: 2",
            "trialConcurrency: 2\nmaxExperimentDuration: 5x",
            "maxExperimentDuration",
            "not a duration"),
        Arguments.of(
            "trialConcurrency: 2",
            "trialConcurrency: 2\nmaxTrialDuration: -1",
            "maxTrialDuration",
            "longer than zero"),
        Arguments.of(
            "trialCodeDirectory: ",
            "trialCodeDirectory: /no/such/dir\n#",
            "trialCodeDirectory",
            "not an existing directory"),
        Arguments.of(
            "trialConcurrency: 2",
            "trialConcurrency: 2\ntrainingService: {platform: remote}",
            "trainingService.platform",
            "supports local"),
        Arguments.of(
            "trialConcurrency: 2",
            "trialConcurrency: 2\nlogLevel: loud",
            "logLevel",
            "fatal, error"),
        Arguments.of(
            "trialConcurrency: 2",
            "trialConcurrency: 2\nassessor: {name: Nope}",
            "assessor.name",
            "is not an assessor"),
        Arguments.of(
            "trialConcurrency: 2",
            "trialConcurrency: 2\ntrainingService: {platform: local, gpuIndices: [0, 0]}",
            "trainingService.gpuIndices",
            "distinct"),
        Arguments.of(
            "trialConcurrency: 2",
            "trialConcurrency: 2\ntrainingService: {platform: local, maxTrialNumberPerGpu: 2}",
            "trainingService.maxTrialNumberPerGpu",
            "trialGpuNumber"),
        Arguments.of(
            "searchSpace: {lr: {_type: uniform, _value: [0.1, 1]}}",
            "searchSpaceFile: missing.json",
            "searchSpaceFile",
            "not a readable file"),
        Arguments.of(
            "searchSpace: {lr: {_type: uniform, _value: [0.1, 1]}}",
            "",
            "searchSpace",
            "is required"),
        Arguments.of(
            "tuner: {name: Random}",
            "tuner: {className: my.Tuner, codeDirectory: .}",
            "tuner.className",
            "not supported"),
        Arguments.of(
            "tuner: {name: Random}", "tuner: {name: Batch}", "searchSpace", "combine_params"));
  }

  @ParameterizedTest(name = "{2}: {1}")
  @MethodSource("invalidConfigs")
  void rejectsInvalidFieldsNamingTheFieldAndWhatIsAllowed(
      String replace, String with, String field, String hint) {
    String yaml =
        replace.startsWith("trialCodeDirectory")
            ? VALID.replace("trialCodeDirectory: " + CODE, with)
            : VALID.replace(replace, with);

    assertThatThrownBy(() -> read(yaml))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(
                        problem -> {
                          assertThat(problem.field()).startsWith(field);
                          assertThat(problem.message()).contains(hint);
                        }));
  }

  @Test
  void reportsEveryProblemAtOnce() {
    String yaml =
        "trialConcurrency: 0\nsearchSpace: {lr: {_type: nope, _value: [1, 2]}}\ntuner: {name: Nope}\nfoo: 1\n";

    assertThatThrownBy(() -> read(yaml))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(FieldProblem::field)
                    .contains(
                        "trialConcurrency",
                        "trialCommand",
                        "searchSpace.lr._type",
                        "tuner.name",
                        "foo"));
  }

  @Test
  void theSameFieldGivenTwiceUnderTwoSpellingsIsAnError() {
    assertThatThrownBy(() -> read(VALID + "trial_concurrency: 3\n"))
        .isInstanceOfSatisfying(
            InvalidConfigException.class, e -> assertThat(e.getMessage()).contains("given twice"));
  }

  private ExperimentConfig read(String yaml) {
    JsonNode tree = YAMLMapper.builder().build().readTree(yaml);
    return configs.read(tree);
  }

  static {
    try {
      Files.createDirectories(CODE);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
