package dev.tunelab.trial;

import dev.tunelab.experiment.IllegalStatusException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.annotations.DynamicUpdate;

/**
 * One run of the trial command with one parameter set. Status changes are guarded verbs. The metric
 * columns are written only by the metric store, never through this entity, so the runner and the
 * metric reader never overwrite each other.
 */
@Entity
@Table(name = "trial")
@DynamicUpdate
public class Trial {

  private static final int MAX_MESSAGE = 10_000;

  @Id private Long id;

  private String experimentId;
  private String trialId;
  private int sequenceId;

  @Enumerated(EnumType.STRING)
  private TrialStatus status;

  private Long parameterId;
  private String parameterSource;
  private String parameters;
  private String directory;
  private Long pid;
  private String gpuIndices;
  private Integer exitCode;
  private String message;

  @Column(insertable = false, updatable = false)
  private Double finalValue;

  @Column(insertable = false, updatable = false)
  private String finalData;

  @Column(insertable = false, updatable = false)
  private Double latestValue;

  @Column(updatable = false)
  private int metricCount;

  @Column(updatable = false)
  private long metricsOffset;

  private Instant submittedAt;
  private Instant startedAt;
  private Instant endedAt;
  @Version private Long version;

  protected Trial() {}

  /**
   * A trial as submitted: WAITING.
   *
   * @param parameterId the tuner's id for the parameter set, null for customised trials
   * @param parameterSource {@code algorithm}, {@code customized} or {@code resumed}, as NNI says
   * @param parameters the parameter values, JSON
   */
  public Trial(
      long id,
      String experimentId,
      String trialId,
      int sequenceId,
      Long parameterId,
      String parameterSource,
      String parameters,
      String directory,
      Instant now) {
    this.id = id;
    this.experimentId = experimentId;
    this.trialId = trialId;
    this.sequenceId = sequenceId;
    this.parameterId = parameterId;
    this.parameterSource = parameterSource;
    this.parameters = parameters;
    this.directory = directory;
    this.status = TrialStatus.WAITING;
    this.submittedAt = now;
  }

  /** The trial cannot start yet; {@code reason} says what it waits for (such as GPUs). */
  public void waitFor(String reason) {
    require(TrialStatus.WAITING, "wait");
    this.message = reason;
  }

  /**
   * The process is running.
   *
   * @param gpuIndices the GPUs it was given, ascending; empty when it was given none
   */
  public void start(long pid, List<Integer> gpuIndices, Instant now) {
    require(TrialStatus.WAITING, "start");
    this.pid = pid;
    this.gpuIndices =
        gpuIndices.isEmpty()
            ? null
            : gpuIndices.stream().map(String::valueOf).collect(Collectors.joining(","));
    this.startedAt = now;
    this.message = null;
    this.status = TrialStatus.RUNNING;
  }

  /** The process exited by itself: SUCCEEDED on code 0, FAILED otherwise. */
  public void exit(int exitCode, String failure, Instant at) {
    require(TrialStatus.RUNNING, "exit");
    this.exitCode = exitCode;
    end(exitCode == 0 ? TrialStatus.SUCCEEDED : TrialStatus.FAILED, failure, at);
  }

  /**
   * The trial was ended on purpose, or never got to run.
   *
   * @param ended USER_CANCELED, SYS_CANCELED, EARLY_STOPPED or FAILED
   * @param exitCode the process's exit code, null when it had none
   */
  public void endEarly(TrialStatus ended, Integer exitCode, String reason, Instant at) {
    if (!ended.isFinished() || ended == TrialStatus.SUCCEEDED) {
      throw new IllegalArgumentException(ended + " is not an early end");
    }
    if (status.isFinished()) {
      throw new IllegalStatusException("Trial " + trialId + " has already ended as " + status);
    }
    this.exitCode = exitCode;
    end(ended, reason, at);
  }

  private void end(TrialStatus ended, String reason, Instant at) {
    this.status = ended;
    this.message =
        reason == null || reason.length() <= MAX_MESSAGE
            ? reason
            : reason.substring(reason.length() - MAX_MESSAGE);
    this.endedAt = at;
  }

  private void require(TrialStatus expected, String action) {
    if (status != expected) {
      throw new IllegalStatusException(
          "Trial " + trialId + " is " + status + " and cannot " + action);
    }
  }

  public Long id() {
    return id;
  }

  public String experimentId() {
    return experimentId;
  }

  public String trialId() {
    return trialId;
  }

  public int sequenceId() {
    return sequenceId;
  }

  public TrialStatus status() {
    return status;
  }

  public Long parameterId() {
    return parameterId;
  }

  public String parameterSource() {
    return parameterSource;
  }

  public String parameters() {
    return parameters;
  }

  public String directory() {
    return directory;
  }

  /** The GPUs the trial was given, ascending; empty when none. */
  public List<Integer> gpuIndices() {
    return gpuIndices == null
        ? List.of()
        : Arrays.stream(gpuIndices.split(",")).map(Integer::valueOf).toList();
  }

  public Long pid() {
    return pid;
  }

  public Integer exitCode() {
    return exitCode;
  }

  public String message() {
    return message;
  }

  public Double finalValue() {
    return finalValue;
  }

  public String finalData() {
    return finalData;
  }

  public Double latestValue() {
    return latestValue;
  }

  public int metricCount() {
    return metricCount;
  }

  public long metricsOffset() {
    return metricsOffset;
  }

  public Instant submittedAt() {
    return submittedAt;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant endedAt() {
    return endedAt;
  }
}
