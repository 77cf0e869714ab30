package dev.elmstudio.app.cli;

import dev.elmstudio.storage.Workspace;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --workspace DIR}, shared by every command that reads or writes a workspace (a picocli mixin). */
public final class WorkspaceOption {

    @Option(
            names = {"-w", "--workspace"},
            required = true,
            paramLabel = "DIR",
            description = "Workspace folder (elm.db, checkpoints/, datasets/, exports/).")
    private Path folder;

    public Path folder() {
        return folder;
    }

    /** For commands that only look: works while another process is writing the workspace. */
    public Workspace openReadOnly() {
        return Workspace.openReadOnly(folder);
    }

    /** For commands that record runs: creates the workspace if needed and takes the writer lock. */
    public Workspace openForWriting() {
        return Workspace.openOrCreate(folder);
    }
}
