package dev.tunelab.tuner.gp;

import dev.tunelab.searchspace.SearchSpace;
import dev.tunelab.tuner.OptimizeMode;
import dev.tunelab.tuner.TrialRecord;
import dev.tunelab.tuner.unitcube.UnitCube;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * What the history tells the GP: the points (in the unit cube) and losses of the finished trials
 * that reported a value, and the points of the running ones, both in submission order. Trials
 * outside the current search space and finished trials without a value are left out. Immutable.
 *
 * @param points the finished trials' points
 * @param losses their losses, lower is better
 * @param pending the running trials' points
 */
record Observations(List<double[]> points, double[] losses, List<double[]> pending) {

  static Observations from(
      List<TrialRecord> history, SearchSpace space, UnitCube cube, OptimizeMode mode) {
    List<double[]> points = new ArrayList<>();
    List<Double> losses = new ArrayList<>();
    List<double[]> pending = new ArrayList<>();
    for (TrialRecord trial : history) {
      Optional<double[]> point =
          space.contains(trial.parameters()) ? cube.encode(trial.parameters()) : Optional.empty();
      if (point.isEmpty()) {
        continue;
      }
      if (!trial.finished()) {
        pending.add(point.get());
      } else if (trial.value().isPresent()) {
        points.add(point.get());
        losses.add(mode.loss(trial.value().getAsDouble()));
      }
    }
    return new Observations(
        points, losses.stream().mapToDouble(Double::doubleValue).toArray(), pending);
  }

  /** How many finished trials have a value. */
  int size() {
    return losses.length;
  }

  /**
   * Which observations to keep when there are more than {@code cap}: the best {@code cap / 2} by
   * loss and the most recent of the others; all when there are not more. Indices increase.
   */
  int[] select(int cap) {
    return select(IntStream.range(0, losses.length).toArray(), cap);
  }

  /** As {@link #select(int)}, among {@code indices} (increasing). */
  int[] select(int[] indices, int cap) {
    if (indices.length <= cap) {
      return indices;
    }
    Integer[] byLoss = Arrays.stream(indices).boxed().toArray(Integer[]::new);
    Arrays.sort(byLoss, Comparator.comparingDouble((Integer i) -> losses[i]));
    boolean[] kept = new boolean[losses.length];
    for (int k = 0; k < cap / 2; k++) {
      kept[byLoss[k]] = true;
    }
    int recent = cap - cap / 2;
    for (int k = indices.length - 1; k >= 0 && recent > 0; k--) {
      if (!kept[indices[k]]) {
        kept[indices[k]] = true;
        recent--;
      }
    }
    return Arrays.stream(indices).filter(i -> kept[i]).toArray();
  }

  /** The index of the lowest loss (the first of equal ones). */
  int best() {
    int best = 0;
    for (int i = 1; i < losses.length; i++) {
      if (losses[i] < losses[best]) {
        best = i;
      }
    }
    return best;
  }
}
