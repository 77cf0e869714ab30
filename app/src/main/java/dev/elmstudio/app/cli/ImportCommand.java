package dev.elmstudio.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code elm import}: brings data into a workspace. Every import reads and checks its whole input first and writes
 * only when all of it is good, so a bad file leaves the workspace as it was.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a MovieLens folder, the demo world, embeddings or task data into a workspace.",
        subcommands = {ImportMovieLensCommand.class, ImportDemoCommand.class, ImportEmbeddingsCommand.class,
                ImportTasksCommand.class})
final class ImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing what to import (movielens, demo, embeddings, tasks)");
    }
}
