package dev.tunelab.assessor.curvefitting;

import dev.tunelab.assessor.ArgBounds;
import dev.tunelab.assessor.Assessor;
import dev.tunelab.assessor.AssessorFactory;
import dev.tunelab.tuner.ArgSpec;
import dev.tunelab.tuner.SeededRandom;
import dev.tunelab.tuner.TunerArgs;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * NNI's curve-fitting assessor ({@code curvefitting_assessor.py}): extrapolates a trial's learning
 * curve to epoch {@code epoch_num} with {@link CurveModel} and stops the trial when the prediction
 * is at most {@code threshold} times the best final result of the successful trials. As in NNI,
 * higher is better and the bar assumes a positive metric such as accuracy (the curve families are
 * increasing, saturating functions; NNI offers no {@code optimize_mode} here, and neither does
 * this); nothing stops before a trial has succeeded or before {@code start_step} results; and a
 * prediction is made only when at least four curves agree, which in practice means once the curve
 * levels off (see {@link CurveModel#effectiveCurves}). {@code epoch_num}, which NNI's validator
 * requires, defaults to 20 as in NNI's constructor.
 *
 * <p>Where this differs from NNI, to be reproducible and robust:
 *
 * <ul>
 *   <li>A successful trial's final result is its own last finite intermediate result; NNI takes the
 *       last history it was shown, which may be another trial's.
 *   <li>Judgements fall on steps {@code max(start_step, 1) + k·gap}, a rule of the step alone, so a
 *       rebuilt assessor judges where the lost one would; NNI counts the gap from each trial's
 *       previous judgement, which differs only if no trial had succeeded at {@code start_step}.
 *   <li>The weight sampler draws from a generator seeded by the trial and the step, so the same
 *       calls give the same verdicts.
 *   <li>Non-finite results are left out of the fit (the others keep their epochs); NNI's fit fails
 *       on them and it never stops such a trial.
 *   <li>A curve whose fit fails takes no part ({@link CurveFit}); NNI goes on with the parameters
 *       that curve got in an earlier call, of whichever trial.
 *   <li>{@code epoch_num} must be at least 1; NNI accepts 0, where no curve can be evaluated.
 * </ul>
 */
public final class CurveFittingAssessor implements Assessor {

  private final int epochNum;
  private final int startStep;
  private final double threshold;
  private final int gap;
  private double bestFinal = Double.NaN;

  CurveFittingAssessor(int epochNum, int startStep, double threshold, int gap) {
    this.epochNum = epochNum;
    this.startStep = startStep;
    this.threshold = threshold;
    this.gap = gap;
  }

  /** Stops the trial when its predicted result at {@code epoch_num} is not above the bar. */
  @Override
  public Verdict assess(int sequenceId, List<Double> intermediates) {
    int step = intermediates.size();
    if (Double.isNaN(bestFinal) || step < startStep || (step - Math.max(startStep, 1)) % gap != 0) {
      return Verdict.GOOD;
    }
    int[] finite =
        IntStream.range(0, step).filter(i -> Double.isFinite(intermediates.get(i))).toArray();
    if (finite.length == 0) {
      return Verdict.GOOD;
    }
    double[] xs = IntStream.of(finite).mapToDouble(i -> i + 1).toArray();
    double[] ys = IntStream.of(finite).mapToDouble(intermediates::get).toArray();
    OptionalDouble predicted =
        CurveModel.predict(xs, ys, epochNum, SeededRandom.forDraw(sequenceId, step));
    return predicted.isPresent() && predicted.getAsDouble() <= threshold * bestFinal
        ? Verdict.BAD
        : Verdict.GOOD;
  }

  /** Raises the bar to a successful trial's last finite result, if that is higher. */
  @Override
  public void trialEnded(int sequenceId, List<Double> intermediates, boolean succeeded) {
    if (!succeeded) {
      return;
    }
    for (int i = intermediates.size() - 1; i >= 0; i--) {
      double value = intermediates.get(i);
      if (Double.isFinite(value)) {
        bestFinal = Double.isNaN(bestFinal) ? value : Math.max(bestFinal, value);
        return;
      }
    }
  }

  /** Registers the assessor as {@code Curvefitting}. */
  public static final class Factory implements AssessorFactory {

    @Override
    public String name() {
      return "Curvefitting";
    }

    @Override
    public List<String> aliases() {
      return List.of("CurvefittingAssessor");
    }

    @Override
    public String description() {
      return "Extrapolates each learning curve and stops a trial predicted to end below a share of"
          + " the best final result (higher is better)";
    }

    @Override
    public List<ArgSpec> arguments() {
      return List.of(
          ArgSpec.integer("epoch_num", 20L, "the number of epochs: where to predict the curve"),
          ArgSpec.integer(
              "start_step", 6L, "judge a trial only once it has this many intermediate results"),
          ArgSpec.number(
              "threshold", 0.95, "stop when the prediction is at most this times the best result"),
          ArgSpec.integer("gap", 1L, "judge every this many intermediate results"));
    }

    @Override
    public Assessor create(TunerArgs args) {
      new ArgBounds(args)
          .integer("epoch_num", 1, 9999)
          .integer("start_step", 0, 9999)
          .number("threshold", 0, 9999)
          .integer("gap", 1, 9999)
          .check();
      return new CurveFittingAssessor(
          (int) args.integer("epoch_num"),
          (int) args.integer("start_step"),
          args.number("threshold"),
          (int) args.integer("gap"));
    }
  }
}
