package dev.elmstudio.app.cli;

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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code elm import tasks FILE --dataset NAME}: attaches task examples (JSON Lines, one per line) to a dataset as
 * its {@code tasks.jsonl}, replacing any it had. Slots named {@code user...} take user ids, all others movie ids;
 * an id the dataset lacks is refused with its line.
 */
@Command(name = "tasks", mixinStandardHelpOptions = true,
        description = "Import task examples (JSON Lines: task, slots, prompt, target) for a dataset.")
final class ImportTasksCommand implements Callable<Integer> {
    private static final String COMMAND = "import tasks";

    @Spec
    private CommandSpec spec;

    @Mixin
    WorkspaceOption workspaceOption;

    @Parameters(index = "0", paramLabel = "FILE", description = "Task examples, .jsonl.")
    Path file;

    @Option(names = "--dataset", required = true, description = "Dataset whose movies and users the slots name.")
    String datasetName;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new CommandFailure(COMMAND + ": file not found: " + file);
        }
        List<TaskExample> tasks;
        try {
            tasks = TaskJsonl.read(file);
        } catch (MalformedDataException e) {
            throw new CommandFailure(COMMAND + ": " + e.getMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandFailure(COMMAND + ": " + file + ": " + e.getMessage(), e);
        }
        if (tasks.isEmpty()) {
            throw new CommandFailure(COMMAND + ": " + file + " holds no task examples");
        }
        try (Workspace workspace = Workspace.open(workspaceOption.folder())) {
            Dataset dataset = WorkspaceDatasets.require(workspace, COMMAND, datasetName);
            WorkspaceDatasets.KnownIds known = WorkspaceDatasets.KnownIds.of(WorkspaceDatasets.load(dataset, COMMAND));
            requireKnownIds(tasks, known);
            Path target = dataset.path().resolve(WorkspaceDatasets.TASKS_FILE);
            try {
                TaskJsonl.write(tasks, target); // atomic: the previous tasks stay whole if this fails
            } catch (IOException e) {
                throw new CommandFailure(COMMAND + ": could not write " + target + " (" + e.getMessage() + ")", e);
            }
            workspace.datasets().updateStats(dataset.id(), DatasetStats.with(dataset.statsJson(), "tasks", tasks.size()));
            long kinds = tasks.stream().map(TaskExample::task).distinct().count();
            spec.commandLine().getOut().printf("dataset '%s': %d task examples of %d tasks%n", datasetName, tasks.size(), kinds);
        }
        return 0;
    }

    /** Names the example's line; TaskJsonl skips blank lines, so in a file with blank lines this is the example's number. */
    private void requireKnownIds(List<TaskExample> tasks, WorkspaceDatasets.KnownIds known) {
        for (int i = 0; i < tasks.size(); i++) {
            for (Map.Entry<String, Integer> slot : tasks.get(i).slots().entrySet()) {
                boolean user = slot.getKey().startsWith("user");
                Set<Integer> ids = user ? known.users() : known.movies();
                if (!ids.contains(slot.getValue())) {
                    throw new CommandFailure(COMMAND + ": " + file.getFileName() + " line " + (i + 1) + ", slot "
                            + slot.getKey() + ": " + (user ? "user" : "movie") + " " + slot.getValue()
                            + " is not in dataset '" + datasetName + "'");
                }
            }
        }
    }
}
