package dev.tunelab.experiment;

import dev.tunelab.TunelabProperties;
import dev.tunelab.assessor.AssessorCatalog;
import dev.tunelab.executor.TrainingService;
import dev.tunelab.gpu.GpuLeases;
import dev.tunelab.metric.IntermediateResults;
import dev.tunelab.metric.MetricCollector;
import dev.tunelab.trial.TrialIds;
import dev.tunelab.tuner.TunerCatalog;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/** The collaborators every experiment runner shares. */
record RunnerServices(
    ExperimentLedger ledger,
    TrainingService training,
    TrialIds trialIds,
    GpuLeases gpus,
    MetricCollector metrics,
    ExperimentConfigJson configs,
    TunerCatalog tuners,
    AssessorCatalog assessors,
    IntermediateResults intermediates,
    Clock clock,
    ScheduledExecutorService timers,
    TunelabProperties.Trials settings) {}
