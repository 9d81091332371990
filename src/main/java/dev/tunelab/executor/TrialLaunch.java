package dev.tunelab.executor;

import java.nio.file.Path;

/**
 * Everything needed to start one trial.
 *
 * @param experimentId the experiment's id ({@code NNI_EXP_ID})
 * @param trialId the trial's id ({@code NNI_TRIAL_JOB_ID})
 * @param sequenceId the trial's number ({@code NNI_TRIAL_SEQ_ID})
 * @param directory the trial folder to create ({@code NNI_SYS_DIR}, {@code NNI_OUTPUT_DIR})
 * @param codeDirectory where the command runs ({@code NNI_CODE_DIR})
 * @param command the trial command, run with bash
 * @param parameterRecord the content of {@code parameter.cfg}, NNI's parameter record as JSON
 * @param cudaVisibleDevices the value of {@code CUDA_VISIBLE_DEVICES}; null leaves it as Tunelab's
 *     own environment has it
 */
public record TrialLaunch(
    String experimentId,
    String trialId,
    int sequenceId,
    Path directory,
    Path codeDirectory,
    String command,
    String parameterRecord,
    String cudaVisibleDevices) {}
