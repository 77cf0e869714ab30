package dev.elmstudio.app.cli;

import dev.elmstudio.app.dataimport.ImportFailure;
import dev.elmstudio.app.dataimport.TasksImport;
import dev.elmstudio.engine.data.task.TaskExample;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Path;
import java.util.List;
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
        try {
            List<TaskExample> tasks = TasksImport.read(file);
            try (Workspace workspace = Workspace.open(workspaceOption.folder())) {
                Dataset dataset = WorkspaceDatasets.require(workspace, COMMAND, datasetName);
                TasksImport.save(workspace, dataset, file, tasks);
            }
            long kinds = tasks.stream().map(TaskExample::task).distinct().count();
            spec.commandLine().getOut().printf("dataset '%s': %d task examples of %d tasks%n", datasetName, tasks.size(), kinds);
        } catch (ImportFailure e) {
            throw new CommandFailure(COMMAND + ": " + e.getMessage(), e);
        }
        return 0;
    }
}
