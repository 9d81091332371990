package dev.tunelab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DownsampleTest {

  @Test
  void leavesShortSeriesAlone() {
    List<double[]> points = series(10, i -> i);

    assertThat(Downsample.minMax(points, 10)).isSameAs(points);
  }

  @Test
  void keepsTheEndsEveryPeakAndDipInOrderWithinTheLimit() {
    List<double[]> points = series(10_000, i -> Math.sin(i / 50.0));
    points.get(4321)[1] = 7;
    points.get(8765)[1] = -7;

    List<double[]> drawn = Downsample.minMax(points, 300);

    assertThat(drawn).hasSizeLessThanOrEqualTo(300).hasSizeGreaterThan(250);
    assertThat(drawn.get(0)).isSameAs(points.get(0));
    assertThat(drawn.get(drawn.size() - 1)).isSameAs(points.get(9999));
    assertThat(drawn).contains(points.get(4321), points.get(8765));
    for (int i = 1; i < drawn.size(); i++) {
      assertThat(drawn.get(i)[0]).isGreaterThan(drawn.get(i - 1)[0]);
    }
  }

  @Test
  void skipsGapsButKeepsTheirNeighbours() {
    List<double[]> points = series(1000, i -> i % 7 == 0 ? Double.NaN : i);

    List<double[]> drawn = Downsample.minMax(points, 100);

    assertThat(drawn.subList(1, drawn.size())).noneMatch(point -> Double.isNaN(point[1]));
    assertThat(drawn.get(drawn.size() - 1)[1]).isEqualTo(999);
  }

  @Test
  void aBucketOfOnlyGapsAddsNothing() {
    List<double[]> points = series(100, i -> i >= 10 && i < 90 ? Double.NaN : i);

    List<double[]> drawn = Downsample.minMax(points, 10);

    assertThat(drawn).extracting(point -> point[1]).doesNotContain(Double.NaN).contains(0.0, 99.0);
  }

  private static List<double[]> series(int size, java.util.function.IntToDoubleFunction value) {
    List<double[]> points = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      points.add(new double[] {i, value.applyAsDouble(i)});
    }
    return points;
  }
}
