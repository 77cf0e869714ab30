package dev.elmstudio.storage;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One row of {@code embedding_spaces}: vectors for a dataset's movies or users.
 *
 * @param id row id
 * @param datasetId the dataset whose ids the vectors belong to
 * @param name unique within the dataset ("movies-behavioral")
 * @param kind "behavioral" (from ratings), "semantic" (from text) or "imported"
 * @param dimension vector length
 * @param count entities with a vector
 * @param path absolute path of the .npy vectors file
 * @param createdAt when it was added
 */
public record EmbeddingSpaceRecord(long id, long datasetId, String name, String kind, int dimension, int count,
        Path path, Instant createdAt) {}
