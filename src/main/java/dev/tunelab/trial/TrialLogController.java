package dev.tunelab.trial;

import dev.tunelab.experiment.ExperimentService;
import dev.tunelab.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A trial's output files, read in ranges so a client can follow them while the trial runs. Only the
 * three files NNI shows can be read: nothing a client sends can name another path.
 */
@RestController
@RequestMapping("/api/v1/experiments/{id}/trials/{trialId}/log")
@Tag(name = "Trials")
class TrialLogController {

  /** The names a client may ask for, and the file each one is in the trial folder. */
  private static final Map<String, String> FILES =
      Map.of("stdout", "stdout", "stderr", "stderr", "trial.log", "trial.log");

  private static final int MAX_LIMIT = 1 << 20;

  private final TrialRepository trials;
  private final ExperimentService experiments;

  TrialLogController(TrialRepository trials, ExperimentService experiments) {
    this.trials = trials;
    this.experiments = experiments;
  }

  /**
   * A range of a log file.
   *
   * @param offset where the text starts, in bytes
   * @param next where the next call should start
   * @param size the file's size now
   * @param text the bytes read, as UTF-8 (a character split at the end comes whole next time)
   */
  record LogChunk(String file, long offset, long next, long size, String text) {}

  @Operation(
      summary =
          "Read a range of a trial's stdout, stderr or trial.log; follow a running trial by passing next as offset")
  @GetMapping
  LogChunk read(
      @PathVariable String id,
      @PathVariable String trialId,
      @RequestParam(defaultValue = "stdout") String file,
      @RequestParam(defaultValue = "0") long offset,
      @RequestParam(defaultValue = "65536") int limit) {
    experiments.require(id);
    Trial trial =
        trials
            .findByExperimentIdAndTrialId(id, trialId)
            .orElseThrow(() -> new TrialNotFoundException(id, trialId));
    String name = FILES.get(file);
    if (name == null) {
      throw new InvalidInputException(
          "file", "'" + file + "' is not a trial log; allowed: stdout, stderr, trial.log");
    }
    if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException(
          offset < 0 ? "offset" : "limit",
          offset < 0 ? "must be 0 or more" : "must be between 1 and " + MAX_LIMIT);
    }
    Path path = Path.of(trial.directory()).resolve(name);
    if (!Files.isRegularFile(path)) {
      return new LogChunk(file, offset, offset, 0, "");
    }
    try (RandomAccessFile log = new RandomAccessFile(path.toFile(), "r")) {
      long size = log.length();
      long start = Math.min(offset, size);
      byte[] bytes = new byte[(int) Math.min(limit, size - start)];
      log.seek(start);
      log.readFully(bytes);
      int whole = wholeCharacters(bytes);
      return new LogChunk(
          file, start, start + whole, size, new String(bytes, 0, whole, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("could not read " + path, e);
    }
  }

  /** How many of the bytes end on a character boundary, so no UTF-8 character is cut in two. */
  private static int wholeCharacters(byte[] bytes) {
    int end = bytes.length;
    int back = 0;
    while (back < 3 && end - back - 1 >= 0 && (bytes[end - back - 1] & 0xC0) == 0x80) {
      back++;
    }
    if (end - back - 1 >= 0) {
      int lead = bytes[end - back - 1] & 0xFF;
      int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
      if (length > back + 1) {
        return end - back - 1;
      }
    }
    return end;
  }
}
