package dev.tunelab.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunelab.gpu.FakeNvidiaSmi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The experiment page's GPUs tab on a 2-GPU machine whose nvidia-smi replays recorded output. */
class GpuTabTest extends BrowserTest {

  static final FakeNvidiaSmi SMI = new FakeNvidiaSmi(2);

  @DynamicPropertySource
  static void gpus(DynamicPropertyRegistry registry) {
    registry.add("tunelab.gpus.nvidia-smi", () -> SMI.command().toString());
    registry.add("tunelab.gpus.refresh-interval", () -> "200ms");
  }

  @Test
  void showsEachGpusLoadAndTheTrialsHoldingIt() {
    String id =
        create(
            """
            searchSpace: {x: {_type: uniform, _value: [0, 1]}}
            trialCommand: sleep 30
            trialCodeDirectory: %s
            trialConcurrency: 2
            maxTrialNumber: 2
            trialGpuNumber: 1
            tuner: {name: Random}
            """
                .formatted(codeFolder("README", "sleeps while holding a GPU")));
    awaitExperiment(id, e -> e.path("trialCounts").path("RUNNING").asInt() == 2);

    open("/experiments/" + id + "#gpus");

    await(By.cssSelector("[data-chart='gpu-0'][data-rendered]"));
    await(By.cssSelector("[data-chart='gpu-1'][data-rendered]"));
    waitFor(
        driver ->
            driver.findElements(By.cssSelector("#gpu-list .holders")).stream()
                .allMatch(holders -> holders.getText().startsWith("Held by trial")));
    assertThat(text(By.cssSelector("#gpu-list"))).contains("GPU 0", "GPU 1", "(" + id + ")");
    waitFor(
        driver ->
            Integer.parseInt(
                    driver
                        .findElement(By.cssSelector("[data-chart='gpu-0']"))
                        .getDomAttribute("data-samples"))
                >= 2);
    screenshot("gpus");
    api().post("/api/v1/experiments/" + id + "/stop");
  }
}
