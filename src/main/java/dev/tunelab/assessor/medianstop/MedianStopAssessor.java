package dev.tunelab.assessor.medianstop;

import dev.tunelab.assessor.ArgBounds;
import dev.tunelab.assessor.Assessor;
import dev.tunelab.assessor.AssessorFactory;
import dev.tunelab.tuner.ArgSpec;
import dev.tunelab.tuner.OptimizeMode;
import dev.tunelab.tuner.TunerArgs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * NNI's median stopping rule ({@code medianstop_assessor.py}): at step S, the number of
 * intermediate results so far, a trial stops when its best result up to S is strictly worse than
 * the median of the running averages at S of the successful trials that reached S. With no such
 * trial, or before {@code start_step}, it goes on. For an even count the median is NNI's: the lower
 * middle element when maximising, the upper one when minimising, the more lenient one either way.
 *
 * <p>Non-finite results (NaN; Infinity arrives as NaN) carry no information, where NNI would crash
 * or compare NaN: a running trial's best ignores them and so does a completed trial's running
 * average, which at step S is the mean of its finite results among its first S. A trial without a
 * finite result by S neither stops nor counts at S.
 *
 * <p>The state is one {@link RunningMedian} per step, fed by {@link #trialEnded}: a verdict costs
 * O(S), a successful trial's end O(S log n), so ten thousand trials of a hundred steps are cheap.
 */
public final class MedianStopAssessor implements Assessor {

  private final OptimizeMode mode;
  private final int startStep;
  private final List<RunningMedian> averagesByStep = new ArrayList<>();
  private final Set<Integer> ended = new HashSet<>();

  MedianStopAssessor(OptimizeMode mode, int startStep) {
    this.mode = mode;
    this.startStep = startStep;
  }

  /** Stops the trial when its best so far is strictly worse than the completed trials' median. */
  @Override
  public Verdict assess(int sequenceId, List<Double> intermediates) {
    int step = intermediates.size();
    if (step < startStep || step > averagesByStep.size()) {
      return Verdict.GOOD;
    }
    RunningMedian averages = averagesByStep.get(step - 1);
    double best = Double.NaN;
    for (double value : intermediates) {
      if (Double.isFinite(value) && (Double.isNaN(best) || mode.isBetter(value, best))) {
        best = value;
      }
    }
    if (averages.size() == 0 || Double.isNaN(best)) {
      return Verdict.GOOD;
    }
    double median = mode == OptimizeMode.MAXIMIZE ? averages.lowerMedian() : averages.upperMedian();
    return mode.isBetter(median, best) ? Verdict.BAD : Verdict.GOOD;
  }

  /** Adds a successful trial's running averages to the medians; ignores repeats of a trial. */
  @Override
  public void trialEnded(int sequenceId, List<Double> intermediates, boolean succeeded) {
    if (!ended.add(sequenceId) || !succeeded) {
      return;
    }
    double sum = 0;
    int finite = 0;
    for (int step = 1; step <= intermediates.size(); step++) {
      double value = intermediates.get(step - 1);
      if (Double.isFinite(value)) {
        sum += value;
        finite++;
      }
      if (step > averagesByStep.size()) {
        averagesByStep.add(new RunningMedian());
      }
      double average = sum / finite;
      if (Double.isFinite(average)) {
        averagesByStep.get(step - 1).add(average);
      }
    }
  }

  /** Registers the assessor as {@code Medianstop}. */
  public static final class Factory implements AssessorFactory {

    @Override
    public String name() {
      return "Medianstop";
    }

    @Override
    public List<String> aliases() {
      return List.of("MedianstopAssessor");
    }

    @Override
    public String description() {
      return "Stops a trial whose best result so far is worse than the median of the completed"
          + " trials' running averages at the same step";
    }

    @Override
    public List<ArgSpec> arguments() {
      return List.of(
          ArgSpec.optimizeMode(OptimizeMode.MAXIMIZE),
          ArgSpec.integer(
              "start_step", 0L, "judge a trial only once it has this many intermediate results"));
    }

    @Override
    public Assessor create(TunerArgs args) {
      new ArgBounds(args).integer("start_step", 0, 9999).check();
      return new MedianStopAssessor(args.optimizeMode(), (int) args.integer("start_step"));
    }
  }
}
