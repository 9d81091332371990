package dev.tunelab.searchspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalQuantileTest {

  // Expected values from Python's statistics.NormalDist().inv_cdf.
  @ParameterizedTest
  @CsvSource({
    "0.5, 0.0",
    "0.25, -0.6744897501960817",
    "0.75, 0.6744897501960817",
    "0.125, -1.1503493803760079",
    "0.3, -0.5244005127080407",
    "0.975, 1.9599639845400536",
    "0.02425, -1.9729610513118845",
    "0.001, -3.090232306167813",
    "1e-10, -6.361340902404056",
    "0.9999999, 5.199337582290662",
    "1e-300, -37.0470962993612"
  })
  void matchesPythonsInverseNormal(double p, double expected) {
    assertThat(NormalQuantile.of(p))
        .isCloseTo(expected, within(1e-14 * Math.max(1, Math.abs(expected))));
  }

  @Test
  void isInfiniteAtTheEnds() {
    assertThat(NormalQuantile.of(0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(NormalQuantile.of(1)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThatThrownBy(() -> NormalQuantile.of(1.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
