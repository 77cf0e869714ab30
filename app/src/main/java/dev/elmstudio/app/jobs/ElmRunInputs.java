package dev.elmstudio.app.jobs;

import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.engine.data.embedding.NpyFiles;
import dev.elmstudio.engine.data.task.TaskExample;
import dev.elmstudio.engine.data.task.TaskJsonl;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.EmbeddingSpaceRecord;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What an ELM run reads from the workspace, read and checked before a run is recorded: the dataset's task examples
 * of the chosen tasks (file order) and the vectors of every space a slot of theirs reads.
 *
 * @param tasks the chosen tasks' examples
 * @param spaces space name → vectors, in first-use order
 */
public record ElmRunInputs(List<TaskExample> tasks, Map<String, EmbeddingSpace> spaces) {
    /** A dataset's tasks, in its folder (as the importers write it). */
    public static final String TASKS_FILE = "tasks.jsonl";

    public static ElmRunInputs read(Workspace workspace, ElmRunSettings settings) {
        Dataset dataset = workspace.datasets().findByName(settings.dataset()).orElseThrow(() -> new ElmRunException(
                "no dataset '" + settings.dataset() + "' in " + workspace.folder()
                        + " (import one with 'elm import movielens' or 'elm import demo')"));
        List<TaskExample> all = readTasks(dataset);
        List<TaskExample> chosen = all.stream().filter(t -> settings.includesTask(t.task())).toList();
        if (chosen.isEmpty()) {
            TreeSet<String> names = new TreeSet<>();
            all.forEach(t -> names.add(t.task()));
            throw new ElmRunException("dataset '" + dataset.name() + "' has no examples of the tasks "
                    + settings.tasks() + " (it has " + String.join(", ", names) + ")");
        }
        Map<String, EmbeddingSpace> spaces = new LinkedHashMap<>();
        for (TaskExample task : chosen) {
            for (String slot : new TreeSet<>(task.slots().keySet())) {
                String name = settings.spaceFor(slot);
                if (!spaces.containsKey(name)) {
                    spaces.put(name, loadSpace(workspace, dataset, name));
                }
            }
        }
        if (spaces.isEmpty()) { // tasks without slots still need the run's space for its adapter
            spaces.put(settings.space(), loadSpace(workspace, dataset, settings.space()));
        }
        return new ElmRunInputs(chosen, spaces);
    }

    private static List<TaskExample> readTasks(Dataset dataset) {
        Path tasksFile = dataset.path().resolve(TASKS_FILE);
        if (!Files.isRegularFile(tasksFile)) {
            throw new ElmRunException("dataset '" + dataset.name() + "' has no tasks (add them with 'elm import tasks')");
        }
        try {
            return TaskJsonl.read(tasksFile);
        } catch (IOException | RuntimeException e) {
            throw new ElmRunException("could not read " + tasksFile + " (" + e.getMessage() + ")", e);
        }
    }

    private static EmbeddingSpace loadSpace(Workspace workspace, Dataset dataset, String name) {
        EmbeddingSpaceRecord record = workspace.embeddingSpaces().find(dataset.id(), name).orElseThrow(
                () -> new ElmRunException("dataset '" + dataset.name() + "' has no embedding space '" + name
                        + "' (add one with 'elm import embeddings')"));
        try {
            return NpyFiles.read(record.name(), record.path(), record.dimension());
        } catch (IOException e) {
            throw new ElmRunException("could not read embedding space '" + name + "' (" + e.getMessage() + ")", e);
        }
    }
}
