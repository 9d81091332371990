package dev.tunelab.tuner.formatting;

import dev.tunelab.searchspace.ChoiceOption;
import dev.tunelab.searchspace.ChoiceParameter;
import dev.tunelab.searchspace.NormalParameter;
import dev.tunelab.searchspace.Parameter;
import dev.tunelab.searchspace.RandintParameter;
import dev.tunelab.searchspace.SearchSpace;
import dev.tunelab.searchspace.UniformParameter;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One parameter of a {@link FormattedSpace}, with NNI's internal encoding: a choice or randint is a
 * category, its value the option index (counted from {@code low} for randint); a range is a number,
 * the logarithm of the value for the log types, before rounding to {@code q}.
 *
 * @param parameter the parameter of the search space
 * @param parent the index of the nested choice this parameter belongs to; -1 at the top level
 * @param option the option of {@code parent} that activates this parameter; -1 at the top level
 */
public record FormattedParameter(Parameter parameter, int parent, int option) {

  /** The key of the parameter in its (sub-)space. */
  public String name() {
    return parameter.name();
  }

  /** Whether the parameter is an unordered category (choice, randint), as NNI's TPE treats it. */
  public boolean isCategorical() {
    return parameter instanceof ChoiceParameter || parameter instanceof RandintParameter;
  }

  /** How many categories a choice or randint has. */
  public long categories() {
    return parameter instanceof ChoiceParameter choice
        ? choice.options().size()
        : ((RandintParameter) parameter).high() - ((RandintParameter) parameter).low();
  }

  /** Whether a range is normally distributed (unbounded) rather than uniform between bounds. */
  public boolean isNormal() {
    return parameter instanceof NormalParameter;
  }

  /** The lower bound of a uniform range's internal value; minus infinity for a normal one. */
  public double low() {
    return parameter instanceof UniformParameter u ? u.internalLow() : Double.NEGATIVE_INFINITY;
  }

  /** The upper bound of a uniform range's internal value; infinity for a normal one. */
  public double high() {
    return parameter instanceof UniformParameter u ? u.internalHigh() : Double.POSITIVE_INFINITY;
  }

  /**
   * The prior of a range as a normal distribution of the internal value, as NNI's TPE sees it:
   * {@code N(mu, sigma)} for the normal types, {@code N((low + high) / 2, high - low)} for the
   * uniform ones.
   */
  public double priorMu() {
    return parameter instanceof NormalParameter n ? n.mu() : (low() + high()) / 2;
  }

  /** See {@link #priorMu}. */
  public double priorSigma() {
    return parameter instanceof NormalParameter n ? n.sigma() : high() - low();
  }

  /** A draw from the prior, in internal form. */
  public double sample(RandomGenerator rng) {
    if (parameter instanceof ChoiceParameter choice) {
      return rng.nextInt(choice.options().size());
    }
    if (parameter instanceof RandintParameter randint) {
      return rng.nextLong(randint.high() - randint.low());
    }
    if (parameter instanceof UniformParameter u) {
      return u.internalLow() + (u.internalHigh() - u.internalLow()) * rng.nextDouble();
    }
    NormalParameter n = (NormalParameter) parameter;
    return n.mu() + n.sigma() * rng.nextGaussian();
  }

  /** The internal form of a value the parameter can take. */
  double toInternal(Object value) {
    if (parameter instanceof ChoiceParameter choice) {
      return optionIndex(choice, value);
    }
    if (parameter instanceof RandintParameter randint) {
      return ((Number) value).longValue() - randint.low();
    }
    double v = ((Number) value).doubleValue();
    if (parameter instanceof UniformParameter u) {
      double internal = u.type().isLog() ? Math.log(v) : v;
      return Math.min(u.internalHigh(), Math.max(u.internalLow(), internal));
    }
    NormalParameter n = (NormalParameter) parameter;
    // A q-lognormal value rounds to 0 when exp(x) < q / 2: take that edge rather than log(0).
    return n.type().isLog() ? Math.log(Math.max(v, n.q().orElse(Double.MIN_NORMAL) / 2)) : v;
  }

  /**
   * The value of the parameter (a nested choice: its option's {@code _name}) for an internal one.
   */
  public Object fromInternal(double internal) {
    if (parameter instanceof ChoiceParameter choice) {
      ChoiceOption option = choice.options().get((int) internal);
      return option instanceof ChoiceOption.Nested nested
          ? nested.name()
          : ((ChoiceOption.Value) option).value();
    }
    if (parameter instanceof RandintParameter randint) {
      return randint.valueAt((long) internal);
    }
    if (parameter instanceof UniformParameter u) {
      return u.fromInternal(internal);
    }
    return ((NormalParameter) parameter).fromInternal(internal);
  }

  private static int optionIndex(ChoiceParameter choice, Object value) {
    List<ChoiceOption> options = choice.options();
    if (choice.isNested()) {
      Object name = ((Map<?, ?>) value).get("_name");
      for (int k = 0; k < options.size(); k++) {
        if (((ChoiceOption.Nested) options.get(k)).name().equals(name)) {
          return k;
        }
      }
    } else {
      String key = key(value);
      for (int k = 0; k < options.size(); k++) {
        if (key(((ChoiceOption.Value) options.get(k)).value()).equals(key)) {
          return k;
        }
      }
    }
    throw new IllegalArgumentException("not an option of " + choice.name() + ": " + value);
  }

  private static String key(Object value) {
    return SearchSpace.canonicalKey(Collections.singletonMap("v", value));
  }
}
