package dev.elmstudio.storage;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One row of {@code datasets}: an imported MovieLens release or the demo world.
 *
 * @param id row id
 * @param name unique label, also the folder name under {@code datasets/}
 * @param kind "movielens" or "demo"
 * @param path absolute path of the folder {@code DatasetFiles} wrote
 * @param statsJson counts shown to users (movies, users, ratings, tasks)
 * @param createdAt when it was imported
 */
public record Dataset(long id, String name, String kind, Path path, String statsJson, Instant createdAt) {}
