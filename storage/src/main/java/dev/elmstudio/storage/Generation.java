package dev.elmstudio.storage;

import java.time.Instant;

/**
 * One row of {@code generations}: a text an ELM produced, kept for raters and for comparing runs.
 *
 * @param runId the training run whose model wrote it, or null for a model folder
 * @param checkpointId the checkpoint used, or null for the run's final model
 * @param inputJson what the slots received ({"entity": 12} or {"interpolate": [1, 2], "alpha": 0.5})
 */
public record Generation(long id, Long runId, Long checkpointId, String inputJson, String text, Instant createdAt) {}
