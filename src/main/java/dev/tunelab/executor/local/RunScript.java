package dev.tunelab.executor.local;

import dev.tunelab.executor.TrialLaunch;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code run.sh} wrapper of a trial, as NNI 2.x writes it: it sets the trial's environment,
 * runs the command with bash in the code directory, and records {@code <exit code> <epoch ms>} in
 * {@code .nni/state} so the outcome is known even if Tunelab was down when the trial ended.
 */
final class RunScript {

  private static final String TEMPLATE =
      """
      #!/bin/bash
      # Trial %s (No. %d) of experiment %s, written by Tunelab, which starts it as
      #   setsid bash run.sh </dev/null >stdout 2>stderr
      %s
      unset NNI_TRIAL_COMMAND_CHANNEL
      # The exit code goes to .nni/state however the shell ends, `exit` in the command included.
      record_state() {
        local code=$?
        local t
        if [ -n "${EPOCHREALTIME:-}" ]; then t=${EPOCHREALTIME/[.,]/}; t=${t%%???}; else t=$(date +%%s%%3N); fi
        echo "$code $t" > %s
      }
      trap record_state EXIT
      # A trap, not an ignore: SIGTERM still reaches the command, and the state is still written.
      trap 'true' TERM INT
      cd %s || exit
      eval %s
      """;

  private RunScript() {}

  static String render(TrialLaunch launch) {
    String exports =
        environment(launch).entrySet().stream()
            .map(variable -> "export " + variable.getKey() + "=" + quote(variable.getValue()))
            .collect(Collectors.joining("\n"));
    return TEMPLATE.formatted(
        launch.trialId(),
        launch.sequenceId(),
        launch.experimentId(),
        exports,
        quote(launch.directory().resolve(".nni/state").toString()),
        quote(launch.codeDirectory().toString()),
        quote(launch.command()));
  }

  /** NNI's trial environment, and {@code CUDA_VISIBLE_DEVICES} when the launch sets it. */
  static Map<String, String> environment(TrialLaunch launch) {
    String dir = launch.directory().toString();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("NNI_PLATFORM", "local");
    env.put("NNI_EXP_ID", launch.experimentId());
    env.put("NNI_TRIAL_JOB_ID", launch.trialId());
    env.put("NNI_SYS_DIR", dir);
    env.put("NNI_OUTPUT_DIR", dir);
    env.put("NNI_TRIAL_SEQ_ID", Integer.toString(launch.sequenceId()));
    env.put("NNI_CODE_DIR", launch.codeDirectory().toString());
    if (launch.cudaVisibleDevices() != null) {
      env.put("CUDA_VISIBLE_DEVICES", launch.cudaVisibleDevices());
    }
    return env;
  }

  /** Quotes a value for bash: single quotes, with each embedded quote closed and escaped. */
  static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
