package dev.tunelab.tuner.formatting;

import dev.tunelab.tuner.OptimizeMode;
import dev.tunelab.tuner.TrialRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * An experiment's history read into a {@link FormattedSpace}'s internal form.
 *
 * <p>Formatting a parameter set is the costly part of reading the history, so the formatted sets
 * are kept between calls and only records whose parameters changed are formatted again: the result
 * of {@link #observe} depends on the history alone, never on earlier calls. Not thread-safe, like
 * the tuners that own one.
 */
public final class FormattedHistory {

  private final FormattedSpace space;
  private final List<TrialRecord> synced = new ArrayList<>();
  private final List<double[]> formatted = new ArrayList<>();

  public FormattedHistory(FormattedSpace space) {
    this.space = space;
  }

  /**
   * The trials of {@code history} whose parameters are in the space, in history order: those with a
   * value as completed points with their losses, those still waiting or running as pending points.
   * Trials that ended without a value and parameter sets outside the space are left out.
   */
  public Observations observe(List<TrialRecord> history, OptimizeMode mode) {
    sync(history);
    List<double[]> points = new ArrayList<>();
    List<Double> losses = new ArrayList<>();
    List<double[]> pending = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      TrialRecord record = history.get(i);
      double[] point = formatted.get(i);
      if (point == null) {
        continue;
      }
      if (record.value().isPresent()) {
        points.add(point);
        losses.add(mode.loss(record.value().getAsDouble()));
      } else if (record.state() == TrialRecord.State.PENDING) {
        pending.add(point);
      }
    }
    return new Observations(
        points, losses.stream().mapToDouble(Double::doubleValue).toArray(), pending);
  }

  /**
   * Every record's parameters in internal form, in history order: null for those not in the space.
   * The arrays are shared: do not modify them.
   */
  public List<double[]> points(List<TrialRecord> history) {
    sync(history);
    return java.util.Collections.unmodifiableList(formatted);
  }

  private void sync(List<TrialRecord> history) {
    while (synced.size() > history.size()) {
      synced.remove(synced.size() - 1);
      formatted.remove(formatted.size() - 1);
    }
    for (int i = 0; i < history.size(); i++) {
      TrialRecord record = history.get(i);
      if (i == synced.size()) {
        synced.add(record);
        formatted.add(space.format(record.parameters()));
      } else if (record != synced.get(i)) {
        if (!record.parameters().equals(synced.get(i).parameters())) {
          formatted.set(i, space.format(record.parameters()));
        }
        synced.set(i, record);
      }
    }
  }

  /**
   * What a tuner learns from the history.
   *
   * @param points the completed parameter sets in internal form (shared arrays: do not modify)
   * @param losses the loss of each completed point: lower is better whatever the optimise mode
   * @param pending the parameter sets of trials still waiting or running
   */
  public record Observations(List<double[]> points, double[] losses, List<double[]> pending) {}
}
