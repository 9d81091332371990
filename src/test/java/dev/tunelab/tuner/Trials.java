package dev.tunelab.tuner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Builds experiment histories for tuner tests, the way the runner hands them over. */
public final class Trials {

  private Trials() {}

  /** A finished trial whose metric is a fixed function of its parameters. */
  public static TrialRecord succeeded(int sequenceId, Map<String, Object> parameters) {
    double value = (parameters.toString().hashCode() % 1000) / 1000.0;
    return new TrialRecord(
        sequenceId, parameters, TrialRecord.State.SUCCEEDED, OptionalDouble.of(value));
  }

  /** A trial still waiting or running. */
  public static TrialRecord pending(int sequenceId, Map<String, Object> parameters) {
    return new TrialRecord(
        sequenceId, parameters, TrialRecord.State.PENDING, OptionalDouble.empty());
  }

  /** {@code history} followed by one trial per suggestion, alternately finished and running. */
  public static List<TrialRecord> submit(List<TrialRecord> history, Suggestions suggestions) {
    List<TrialRecord> next = new ArrayList<>(history);
    for (Map<String, Object> parameters : suggestions.parameters()) {
      int id = next.size();
      next.add(id % 2 == 0 ? succeeded(id, parameters) : pending(id, parameters));
    }
    return next;
  }
}
