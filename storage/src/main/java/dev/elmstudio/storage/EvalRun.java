package dev.elmstudio.storage;

import java.time.Instant;

/**
 * One row of {@code eval_runs}: an evaluation of a trained model over a task set.
 *
 * @param runId the training run evaluated, or null when a model folder was evaluated
 */
public record EvalRun(long id, Long runId, String name, String configJson, RunStatus status, Instant createdAt,
        Instant updatedAt) {}
