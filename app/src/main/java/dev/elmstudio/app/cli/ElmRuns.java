package dev.elmstudio.app.cli;

import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.RunKind;
import dev.elmstudio.storage.Workspace;

/** Finds an ELM run for a command, failing with a message that says what to do. */
final class ElmRuns {
    private ElmRuns() {}

    static Run require(Workspace workspace, String command, long runId) {
        Run run = workspace.runs().get(runId).orElseThrow(() -> new CommandFailure(command + ": no run " + runId
                + " in " + workspace.folder() + " (see 'elm runs')"));
        if (run.kind() != RunKind.ELM) {
            throw new CommandFailure(command + ": run " + runId + " is a pretraining run, not an ELM");
        }
        return run;
    }
}
