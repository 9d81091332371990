package dev.tunelab.executor;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Starts trial processes and re-attaches to them after a restart. Implementations are thread-safe.
 */
public interface TrainingService {

  /**
   * Prepares the trial folder (parameters, empty metrics file, wrapper script) and starts the
   * trial. The trial must not depend on Tunelab staying alive: its output goes to files, and its
   * exit code is recorded in the folder.
   *
   * @return the running process; the caller owns it and must eventually see its {@link
   *     TrialProcess#exit()} complete
   * @throws IOException when the folder cannot be written or the process cannot start
   */
  TrialProcess launch(TrialLaunch launch) throws IOException;

  /**
   * Finds a trial that was launched before Tunelab restarted.
   *
   * @param trialDirectory the folder {@link #launch} prepared
   * @return the trial's process, whose exit completes at once when the trial already ended while
   *     Tunelab was down; empty when nothing shows the trial ever started
   */
  Optional<TrialProcess> reattach(Path trialDirectory);

  /**
   * Whether a process belongs to a trial that this service runs (the trial's own process or one it
   * started). GPUs that only such processes use are not "active".
   */
  boolean isTrialProcess(long pid);

  /**
   * Ends the trials in {@code trialsFolder} that started but were never recorded, because Tunelab
   * stopped in the instant between the two, and sets their folders aside so this happens once.
   *
   * @param recorded the ids of the trials that are recorded
   * @param grace how long they get between SIGTERM and SIGKILL
   * @return the ids of the trials set aside
   */
  List<String> abandonUnrecorded(Path trialsFolder, Set<String> recorded, Duration grace);
}
