package dev.elmstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElmCliTest {

    @TempDir
    Path folder;

    @Test
    void helpListsEverySubcommand() {
        CliRun run = CliRun.execute("--help");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("info"), run::toString);
        assertTrue(run.out().contains("runs"), run::toString);
    }

    @Test
    void versionNamesTheProjectVersion() {
        CliRun run = CliRun.execute("--version");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("ELM Studio 0."), run::toString);
    }

    @Test
    void unknownSubcommandIsAUsageErrorOnOneLine() {
        CliRun run = CliRun.execute("trian");
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().contains("trian"), run::toString);
        assertTrue(run.err().contains("Try 'elm --help'"), run::toString);
    }

    @Test
    void missingWorkspaceOptionIsAUsageError() {
        CliRun run = CliRun.execute("runs");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("elm runs: Missing required option: '--workspace=DIR'"), run::toString);
        assertTrue(run.err().contains("Try 'elm runs --help'."), run::toString);
    }

    @Test
    void missingWorkspaceFolderFailsWithOneLineNamingIt() {
        Path missing = folder.resolve("no-such-workspace");
        CliRun run = CliRun.execute("runs", "--workspace", missing.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("elm runs: Workspace folder " + missing + " does not exist."
                + " Check the path, or create a workspace by running a command that writes to it.", run.err().strip());
    }

    @Test
    void verboseAddsTheStackTraceBeforeOrAfterTheSubcommand() {
        Path missing = folder.resolve("no-such-workspace");
        for (String[] args : new String[][] {
                {"--verbose", "runs", "-w", missing.toString()}, {"runs", "-w", missing.toString(), "--verbose"}}) {
            CliRun run = CliRun.execute(args);
            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.err().contains("\tat dev.elmstudio.storage.Workspace"), run::toString);
        }
        assertFalse(CliRun.execute("runs", "-w", missing.toString()).err().contains("\tat "));
    }
}
