package dev.tunelab.executor.local;

import dev.tunelab.executor.TrialLaunch;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code run.sh} wrapper of a trial, as NNI 2.x writes it: it sets the trial's environment,
 * runs the command with bash in the code directory, and records {@code <exit code> <epoch ms>} in
 * {@code .nni/state} so the outcome is known even if Tunelab was down when the trial ended.
 */
final class RunScript {

  private RunScript() {}

  static String render(TrialLaunch launch) {
    String dir = launch.directory().toString();
    StringBuilder script = new StringBuilder();
    script.append("#!/bin/bash\n");
    script.append("# Trial ").append(launch.trialId()).append(" (No. ").append(launch.sequenceId());
    script
        .append(") of experiment ")
        .append(launch.experimentId())
        .append(", written by Tunelab.\n");
    script.append("# Tunelab starts it as: setsid bash run.sh <&- >stdout 2>stderr\n");
    environment(launch)
        .forEach(
            (name, value) ->
                script
                    .append("export ")
                    .append(name)
                    .append('=')
                    .append(quote(value))
                    .append('\n'));
    if (launch.cudaVisibleDevices() != null) {
      script
          .append("export CUDA_VISIBLE_DEVICES=")
          .append(quote(launch.cudaVisibleDevices()))
          .append('\n');
    }
    script.append("unset NNI_TRIAL_COMMAND_CHANNEL\n");
    // A trap (not an ignore) lets SIGTERM reach the command, then the state below is still written.
    script.append("trap 'true' TERM INT\n");
    script.append("trial_command=").append(quote(launch.command())).append('\n');
    // eval in a subshell: no second bash to start, and an `exit` or a syntax error in the
    // command ends only the subshell, so the state below is still written.
    script
        .append("cd ")
        .append(quote(launch.codeDirectory().toString()))
        .append(" && ( eval \"$trial_command\" )\n");
    script.append("code=$?\n");
    script.append(
        "if [ -n \"${EPOCHREALTIME:-}\" ]; then t=${EPOCHREALTIME/[.,]/}; t=${t%???}; else t=$(date +%s)000; fi\n");
    script.append("echo \"$code $t\" > ").append(quote(dir + "/.nni/state")).append('\n');
    script.append("exit $code\n");
    return script.toString();
  }

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
    return env;
  }

  /** Quotes a value for bash: single quotes, with each embedded quote closed and escaped. */
  static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
