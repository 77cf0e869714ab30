package dev.elmstudio.app.dataimport;

import dev.elmstudio.engine.data.DatasetFiles;
import dev.elmstudio.engine.data.Movie;
import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.engine.data.embedding.NpyFiles;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.EmbeddingSpaceRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Where a recorded dataset keeps its files ({@code tasks.jsonl}, {@code embeddings/<space>.npy} beside the
 * MovieLens tables) and how they are read back, failing with messages that name the dataset.
 */
public final class DatasetFolder {
    public static final String TASKS_FILE = "tasks.jsonl";
    public static final String EMBEDDINGS_FOLDER = "embeddings";

    private DatasetFolder() {}

    public static Path spaceFile(Dataset dataset, String spaceName) {
        return dataset.path().resolve(EMBEDDINGS_FOLDER).resolve(spaceName + ".npy");
    }

    public static MovieLensDataset load(Dataset dataset) {
        try {
            return DatasetFiles.read(dataset.path());
        } catch (IOException e) {
            throw new ImportFailure("could not read dataset '" + dataset.name() + "' (" + e.getMessage() + ")", e);
        }
    }

    public static EmbeddingSpace loadSpace(EmbeddingSpaceRecord space) {
        try {
            return NpyFiles.read(space.name(), space.path(), space.dimension());
        } catch (IOException e) {
            throw new ImportFailure("could not read embedding space '" + space.name() + "' (" + e.getMessage() + ")", e);
        }
    }

    /** Movie ids and user ids of a dataset: the ids an embedding row or a task slot may name. */
    public record KnownIds(Set<Integer> movies, Set<Integer> users) {
        public static KnownIds of(MovieLensDataset data) {
            Set<Integer> movies = new HashSet<>();
            for (Movie movie : data.catalogue().movies()) {
                movies.add(movie.id());
            }
            Set<Integer> users = new HashSet<>();
            for (int id : data.ratings().userIds()) {
                users.add(id);
            }
            return new KnownIds(movies, users);
        }
    }
}
