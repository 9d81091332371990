package dev.tunelab.tuner.tpe;

import dev.tunelab.searchspace.FieldProblem;
import dev.tunelab.tuner.ArgSpec;
import dev.tunelab.tuner.InvalidTunerArgsException;
import dev.tunelab.tuner.TunerArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The arguments of the algorithm itself, NNI's {@code tpe_args} ({@code TpeArguments}), with NNI's
 * names and meanings and NNI's defaults except two: {@code n_startup_jobs} is 10 (NNI 20) and
 * {@code gamma} is 1.0 (NNI 0.25), which with the joint model of {@link TpeSampler} find markedly
 * better optima within 100 trials (see bench/tuners).
 *
 * @param liar how trials still running are counted
 * @param startupJobs how many observations of a parameter are needed before it is modelled; until
 *     then it is drawn from its prior
 * @param eiCandidates how many candidates are drawn from the good trials' density to pick one
 * @param linearForgetting the cap on the size of the good group, and the number of observations
 *     that keep full weight
 * @param priorWeight the weight of the prior, counted as one observation
 * @param gamma the good group holds {@code ceil(gamma * sqrt(n))} of n observations
 */
record TpeArguments(
    ConstantLiar liar,
    int startupJobs,
    int eiCandidates,
    int linearForgetting,
    double priorWeight,
    double gamma) {

  static final String NAME = "tpe_args";

  /** The {@code tpe_args} object as the catalog shows it. */
  static ArgSpec spec() {
    return ArgSpec.object(
        NAME,
        "arguments of the algorithm itself",
        ArgSpec.string(
            "constant_liar_type",
            "best",
            "loss pretended for running trials: best, worst, mean, or null for none",
            "best",
            "worst",
            "mean",
            "none"),
        ArgSpec.integer(
            "n_startup_jobs", 10L, "observations drawn at random before modelling (NNI: 20)"),
        ArgSpec.integer("n_ei_candidates", 24L, "candidates sampled to choose each value"),
        ArgSpec.integer(
            "linear_forgetting", 25L, "the most good trials, and how many keep full weight"),
        ArgSpec.number("prior_weight", 1.0, "weight of the search space as one good trial"),
        ArgSpec.number("gamma", 1.0, "the good trials are ceil(gamma * sqrt(n)) of n (NNI: 0.25)"));
  }

  /** Reads {@code tpe_args}, bound against {@link #spec()}; rejects values outside their range. */
  static TpeArguments of(TunerArgs args) {
    List<FieldProblem> problems = new ArrayList<>();
    int startup = (int) bounded(args, "n_startup_jobs", 0, 1_000_000, problems);
    int candidates = (int) bounded(args, "n_ei_candidates", 1, 100_000, problems);
    int forgetting = (int) bounded(args, "linear_forgetting", 1, 1_000_000, problems);
    double priorWeight = args.number("prior_weight");
    if (!(priorWeight >= 0) || Double.isInfinite(priorWeight)) {
      problems.add(problem("prior_weight", "must be a number >= 0"));
    }
    double gamma = args.number("gamma");
    if (!(gamma > 0 && gamma <= 1)) {
      problems.add(problem("gamma", "must be a number in (0, 1]"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidTunerArgsException(problems);
    }
    ConstantLiar liar =
        ConstantLiar.valueOf(args.string("constant_liar_type").toUpperCase(Locale.ROOT));
    return new TpeArguments(liar, startup, candidates, forgetting, priorWeight, gamma);
  }

  private static long bounded(
      TunerArgs args, String name, long min, long max, List<FieldProblem> problems) {
    long value = args.integer(name);
    if (value < min || value > max) {
      problems.add(problem(name, "must be an integer from " + min + " to " + max));
      return min;
    }
    return value;
  }

  private static FieldProblem problem(String name, String message) {
    return new FieldProblem("classArgs." + NAME + "." + name, message);
  }
}
