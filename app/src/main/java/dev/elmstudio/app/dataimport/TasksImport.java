package dev.elmstudio.app.dataimport;

import dev.elmstudio.engine.data.MalformedDataException;
import dev.elmstudio.engine.data.task.TaskExample;
import dev.elmstudio.engine.data.task.TaskJsonl;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attaching task examples (JSON Lines, one per line) to a dataset as its {@code tasks.jsonl}, replacing any it
 * had; shared by {@code elm import tasks} and the Data panel. Slots named {@code user...} take user ids, all
 * others movie ids; an id the dataset lacks is refused with its line.
 */
public final class TasksImport {

    private TasksImport() {}

    /** Reads and checks the file; nothing is written. */
    public static List<TaskExample> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ImportFailure("file not found: " + file);
        }
        List<TaskExample> tasks;
        try {
            tasks = TaskJsonl.read(file);
        } catch (MalformedDataException e) {
            throw new ImportFailure(e.getMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new ImportFailure(file + ": " + e.getMessage(), e);
        }
        if (tasks.isEmpty()) {
            throw new ImportFailure(file + " holds no task examples");
        }
        return tasks;
    }

    /** Checks every slot's id against the dataset, writes {@code tasks.jsonl} and updates the dataset's counts. */
    public static void save(Workspace workspace, Dataset dataset, Path sourceFile, List<TaskExample> tasks) {
        DatasetFolder.KnownIds known = DatasetFolder.KnownIds.of(DatasetFolder.load(dataset));
        requireKnownIds(sourceFile, dataset.name(), tasks, known);
        Path target = dataset.path().resolve(DatasetFolder.TASKS_FILE);
        try {
            TaskJsonl.write(tasks, target); // atomic: the previous tasks stay whole if this fails
        } catch (IOException e) {
            throw new ImportFailure("could not write " + target + " (" + e.getMessage() + ")", e);
        }
        workspace.datasets().updateStats(dataset.id(), DatasetStats.with(dataset.statsJson(), "tasks", tasks.size()));
    }

    /** Names the example's line; TaskJsonl skips blank lines, so in a file with blank lines this is the example's number. */
    private static void requireKnownIds(Path file, String datasetName, List<TaskExample> tasks, DatasetFolder.KnownIds known) {
        for (int i = 0; i < tasks.size(); i++) {
            for (Map.Entry<String, Integer> slot : tasks.get(i).slots().entrySet()) {
                boolean user = slot.getKey().startsWith("user");
                Set<Integer> ids = user ? known.users() : known.movies();
                if (!ids.contains(slot.getValue())) {
                    throw new ImportFailure(file.getFileName() + " line " + (i + 1) + ", slot " + slot.getKey() + ": "
                            + (user ? "user" : "movie") + " " + slot.getValue() + " is not in dataset '" + datasetName + "'");
                }
            }
        }
    }
}
