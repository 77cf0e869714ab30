package dev.elmstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.elmstudio.storage.Metric;
import dev.elmstudio.storage.RunKind;
import dev.elmstudio.storage.RunStatus;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsCommandTest {

    @TempDir
    Path folder;

    @Test
    void anEmptyWorkspaceSaysSo() {
        Workspace.openOrCreate(folder).close();

        CliRun table = CliRun.execute("runs", "--workspace", folder.toString());
        assertEquals(0, table.exitCode(), table::toString);
        assertEquals("No runs yet in " + folder + ".", table.out().strip());

        CliRun json = CliRun.execute("runs", "--workspace", folder.toString(), "--json");
        assertEquals(0, json.exitCode(), json::toString);
        assertEquals(new JsonArray(), JsonParser.parseString(json.out()));
    }

    @Test
    void aPopulatedWorkspaceListsRunsNewestFirst() {
        populate();

        CliRun table = CliRun.execute("runs", "-w", folder.toString());
        assertEquals(0, table.exitCode(), table::toString);
        List<String> lines = table.out().lines().toList();
        assertEquals(3, lines.size(), table::toString);
        assertTrue(lines.get(0).startsWith("ID  KIND      NAME"), table::toString);
        assertTrue(lines.get(1).matches("2 +elm +movies +running +1 .*"), table::toString);
        assertTrue(lines.get(2).matches("1 +pretrain +tiny base +finished +- .*"), table::toString);

        CliRun json = CliRun.execute("runs", "-w", folder.toString(), "--json");
        JsonArray runs = JsonParser.parseString(json.out()).getAsJsonArray();
        assertEquals(2, runs.size());
        JsonObject pretrain = runs.get(1).getAsJsonObject();
        assertEquals("tiny base", pretrain.get("name").getAsString());
        assertEquals("finished", pretrain.get("status").getAsString());
        assertEquals(2, pretrain.getAsJsonObject("config").get("layers").getAsInt());
    }

    @Test
    void oneRunShowsItsLatestMetricsAndCheckpoints() {
        populate();

        CliRun table = CliRun.execute("runs", "-w", folder.toString(), "1");
        assertEquals(0, table.exitCode(), table::toString);
        assertTrue(table.out().startsWith("Run 1: tiny base (pretrain), finished"), table::toString);
        assertTrue(table.out().matches("(?s).*loss +20 +2\\.5.*"), table::toString);
        assertTrue(table.out().contains("step-20.safetensors"), table::toString);

        CliRun json = CliRun.execute("runs", "-w", folder.toString(), "--json", "1");
        JsonObject run = JsonParser.parseString(json.out()).getAsJsonObject();
        assertEquals(2.5, run.getAsJsonObject("latest_metrics").getAsJsonObject("loss").get("value").getAsDouble());
        assertEquals(1, run.getAsJsonArray("checkpoints").size());
    }

    @Test
    void anUnknownRunIdFailsWithOneLineNamingIt() {
        populate();

        CliRun run = CliRun.execute("runs", "-w", folder.toString(), "99");
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().startsWith("elm runs: Run 99 not found in workspace " + folder), run::toString);
        assertEquals("", run.out());
    }

    @Test
    void aWorkspaceBeingWrittenCanStillBeListed() {
        try (Workspace writer = Workspace.openOrCreate(folder)) {
            writer.runs().create(RunKind.PRETRAIN, "live", "{}", null);

            CliRun run = CliRun.execute("runs", "-w", folder.toString());
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().contains("live"), run::toString);
        }
    }

    private void populate() {
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            long pretrain = workspace.runs().create(RunKind.PRETRAIN, "tiny base", "{\"layers\": 2}", null).id();
            workspace.metrics().append(pretrain, List.of(new Metric(10, "loss", 3.0), new Metric(20, "loss", 2.5)));
            Path file = Files.writeString(workspace.checkpointsFolder().resolve("step-20.safetensors"), "weights");
            workspace.checkpoints().record(pretrain, null, 20, file);
            workspace.runs().updateStatus(pretrain, RunStatus.FINISHED);
            workspace.runs().create(RunKind.ELM, "movies", "{}", 1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
