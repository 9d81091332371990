package dev.tunelab.assessor.medianstop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RunningMedianTest {

  @Test
  void answersTheLowerAndUpperMiddleOfTheSortedNumbersAfterEveryInsertion() {
    SplittableRandom random = new SplittableRandom(3);
    for (int round = 0; round < 20; round++) {
      RunningMedian median = new RunningMedian();
      List<Double> added = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        // Few distinct values, so that ties and repeated numbers are common.
        double value = random.nextInt(round + 2) - round / 2.0;
        median.add(value);
        added.add(value);
        Collections.sort(added);

        assertThat(median.size()).isEqualTo(added.size());
        assertThat(median.lowerMedian()).isEqualTo(added.get((added.size() - 1) / 2));
        assertThat(median.upperMedian()).isEqualTo(added.get(added.size() / 2));
      }
    }
  }

  @Test
  void oneNumberIsBothMedians() {
    RunningMedian median = new RunningMedian();
    median.add(-2.5);

    assertThat(median.lowerMedian()).isEqualTo(-2.5);
    assertThat(median.upperMedian()).isEqualTo(-2.5);
  }
}
