package dev.tunelab.experiment;

/**
 * Something about an experiment changed and is recorded: its status, a trial, or its metrics.
 * Published inside the transaction that records the change and delivered after it commits, so
 * whoever hears it reads the change from the database.
 */
public record ExperimentChanged(String experimentId) {}
