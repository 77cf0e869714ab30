package dev.elmstudio.storage;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One row of {@code checkpoints}: a weights file and what is known about it.
 *
 * @param id row id
 * @param runId the run that wrote it
 * @param stage ELM training stage, or null for pretraining
 * @param step optimizer step at which it was written
 * @param path absolute path of the file (stored relative to the workspace when inside it)
 * @param sizeBytes file size when recorded
 * @param sha256 lowercase hex SHA-256 of the file when recorded
 * @param createdAt when it was recorded
 */
public record Checkpoint(
        long id, long runId, Integer stage, long step, Path path, long sizeBytes, String sha256, Instant createdAt) {}
