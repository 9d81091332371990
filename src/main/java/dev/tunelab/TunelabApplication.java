package dev.tunelab;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Tunelab: a self-hosted hyper-parameter optimisation service that speaks NNI's formats. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TunelabApplication {

  public static void main(String[] args) {
    SpringApplication.run(TunelabApplication.class, args);
  }

  /** The one source of time, so tests can control it. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
