package dev.tunelab.experiment;

import dev.tunelab.TunelabProperties;
import dev.tunelab.assessor.AssessorCatalog;
import dev.tunelab.tuner.TunerCatalog;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans for the pure tuning code the experiment package builds on. */
@Configuration(proxyBeanMethods = false)
class ExperimentConfiguration {

  @Bean
  TunerCatalog tunerCatalog() {
    return TunerCatalog.builtIn();
  }

  @Bean
  AssessorCatalog assessorCatalog() {
    return AssessorCatalog.builtIn();
  }

  @Bean
  ExperimentConfigJson experimentConfigJson(
      TunerCatalog tuners, AssessorCatalog assessors, TunelabProperties properties) {
    return new ExperimentConfigJson(
        tuners,
        assessors,
        new ConfigPaths(Path.of("").toAbsolutePath(), properties.experimentsDirectory()));
  }
}
