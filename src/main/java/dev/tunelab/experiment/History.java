package dev.tunelab.experiment;

import dev.tunelab.trial.TrialStatus;
import dev.tunelab.tuner.TrialRecord;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tuner's view of every trial of an experiment, indexed by sequence id: what a tuner reads to
 * propose the next trials, rebuilt from the stored trials when a runner opens. Used only on the
 * runner's thread.
 */
final class History {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final List<TrialRecord> imported = new ArrayList<>();
  private final List<TrialRecord> records = new ArrayList<>();

  /**
   * A result imported from elsewhere: a SUCCEEDED record with sequence id -1, before the trials.
   */
  void addImported(Map<String, Object> parameters, double value) {
    imported.add(
        new TrialRecord(-1, parameters, TrialRecord.State.SUCCEEDED, OptionalDouble.of(value)));
  }

  /** A stored trial. */
  void addStored(TrialSnapshot trial) {
    Map<String, Object> parameters =
        JSON.readValue(trial.parameters(), new TypeReference<LinkedHashMap<String, Object>>() {});
    OptionalDouble value =
        trial.finalValue() == null ? OptionalDouble.empty() : OptionalDouble.of(trial.finalValue());
    records.add(new TrialRecord(trial.sequenceId(), parameters, state(trial.status()), value));
  }

  /** A trial just submitted: its parameters are taken, its result is not known. */
  void addSubmitted(int sequenceId, Map<String, Object> parameters) {
    records.add(
        new TrialRecord(sequenceId, parameters, TrialRecord.State.PENDING, OptionalDouble.empty()));
  }

  void ended(int sequenceId, TrialStatus status) {
    TrialRecord record = records.get(sequenceId);
    records.set(
        sequenceId,
        new TrialRecord(sequenceId, record.parameters(), state(status), record.value()));
  }

  /** The trial's FINAL metric, once stored. */
  void reported(int sequenceId, double value) {
    TrialRecord record = records.get(sequenceId);
    records.set(
        sequenceId,
        new TrialRecord(sequenceId, record.parameters(), record.state(), OptionalDouble.of(value)));
  }

  Map<String, Object> parameters(int sequenceId) {
    return records.get(sequenceId).parameters();
  }

  /** How many trials were submitted: also the next trial's sequence id. */
  int size() {
    return records.size();
  }

  /** A read-only view for tuners: the imported results, then the trials in submission order. */
  List<TrialRecord> records() {
    return new AbstractList<>() {
      @Override
      public TrialRecord get(int index) {
        return index < imported.size() ? imported.get(index) : records.get(index - imported.size());
      }

      @Override
      public int size() {
        return imported.size() + records.size();
      }
    };
  }

  private static TrialRecord.State state(TrialStatus status) {
    if (!status.isFinished()) {
      return TrialRecord.State.PENDING;
    }
    return status == TrialStatus.SUCCEEDED
        ? TrialRecord.State.SUCCEEDED
        : TrialRecord.State.ENDED_EARLY;
  }
}
