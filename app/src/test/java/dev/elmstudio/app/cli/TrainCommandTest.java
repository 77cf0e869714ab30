package dev.elmstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.elmstudio.engine.checkpoint.LmCheckpoint;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.storage.Generation;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.RunKind;
import dev.elmstudio.storage.RunStatus;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train → generate --elm → export on the tiny fixture, and the refusals that must leave the workspace as it was. */
class TrainCommandTest {
    @TempDir
    Path folder;

    @Test
    void trainRecordsTheRunThenGenerateAndExportUseIt() throws Exception {
        Path workspaceFolder = ElmFixtures.preparedWorkspace(folder);

        CliRun train = ElmFixtures.ok("train", "--dataset", "tiny", "--space", "vectors", "--stage1-steps", "6",
                "--stage2-steps", "4", "--batch", "4", "--checkpoint-interval", "5", "--width", "32", "--layers", "1",
                "-w", workspaceFolder.toString());
        assertTrue(train.out().contains("finished 10 steps"), train::toString);

        long runId;
        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            Run run = workspace.runs().list().get(0);
            runId = run.id();
            assertEquals(RunKind.ELM, run.kind());
            assertEquals(RunStatus.FINISHED, run.status());
            assertEquals(2, run.stage());
            assertEquals(10, workspace.metrics().series(runId, "loss").size());
            assertEquals(List.of(1, 2), workspace.checkpoints().list(runId).stream().map(c -> c.stage()).toList());
        }

        CliRun entity = ElmFixtures.ok("generate", "--elm", Long.toString(runId), "--entity", "3", "--max-tokens", "5",
                "-w", workspaceFolder.toString());
        CliRun mix = ElmFixtures.ok("generate", "--elm", Long.toString(runId), "--interpolate", "1", "2", "--alpha",
                "0.25", "--max-tokens", "5", "-w", workspaceFolder.toString());
        ElmFixtures.ok("generate", "--elm", Long.toString(runId), "--entity", "3", "--cav", "Drama", "--strength",
                "2", "--max-tokens", "5", "-w", workspaceFolder.toString());
        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            List<Generation> generations = workspace.generations().listForRun(runId);
            assertEquals(3, generations.size());
            assertTrue(generations.get(2).inputJson().contains("\"cav\":\"genre:Drama\""), generations.get(2)::toString);
            assertEquals(entity.out().strip(), generations.get(0).text().strip());
            assertTrue(generations.get(1).inputJson().contains("\"alpha\":0.25"), generations.get(1)::toString);
            assertEquals(mix.out().strip(), generations.get(1).text().strip());
        }

        CliRun eval = ElmFixtures.ok("eval", Long.toString(runId), "--limit", "3", "--max-tokens", "4",
                "-w", workspaceFolder.toString());
        assertTrue(eval.out().contains("evaluation 1: 3 items"), eval::toString);
        CliRun csv = ElmFixtures.ok("export", "report", "1", "--csv", "-w", workspaceFolder.toString());
        List<String> rows = csv.out().lines().toList();
        assertEquals("task,item,metric,value,output", rows.get(0));
        // per item: target loss and exact match always, SC and BC when the output is not blank
        assertEquals(3, rows.stream().filter(r -> r.contains(",\"target_loss\",")).count(), csv::toString);
        assertTrue(rows.get(1).startsWith("\"elm:summary\","), csv::toString);
        assertTrue(rows.stream().noneMatch(r -> r.startsWith("\"summary\",")), "every task names its model");
        CliRun json = ElmFixtures.ok("export", "report", "1", "--json", "-w", workspaceFolder.toString());
        assertTrue(json.out().contains("\"target_loss\""), json::toString);

        Path exported = folder.resolve("hf");
        ElmFixtures.ok("export", Long.toString(runId), "--out", exported.toString(), "-w", workspaceFolder.toString());
        try (CausalLm lm = LmCheckpoint.load(exported, Device.cpu())) {
            assertEquals(32, lm.config().hiddenSize());
        }
        assertTrue(Files.isRegularFile(exported.resolve("tokenizer.json")));
    }

    @Test
    void anUnknownRunIdIsRefusedByEveryCommandAndChangesNothing() throws Exception {
        Path workspace = ElmFixtures.preparedWorkspace(folder);
        String before = ElmFixtures.fingerprint(workspace);

        for (String[] args : List.of(
                new String[] {"train", "--resume", "42", "-w", workspace.toString()},
                new String[] {"generate", "--elm", "42", "--entity", "1", "-w", workspace.toString()},
                new String[] {"export", "42", "-w", workspace.toString()},
                new String[] {"eval", "42", "-w", workspace.toString()},
                new String[] {"baseline", "--elm", "42", "-w", workspace.toString()})) {
            CliRun run = CliRun.execute(args);
            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.err().contains("no run 42"), run::toString);
            assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        }
        assertEquals(before, ElmFixtures.fingerprint(workspace));
    }

    @Test
    void anUnknownSpaceIsRefusedBeforeARunIsRecorded() throws Exception {
        Path workspace = ElmFixtures.preparedWorkspace(folder);
        String before = ElmFixtures.fingerprint(workspace);

        CliRun run = CliRun.execute("train", "--dataset", "tiny", "--space", "nope", "-w", workspace.toString());

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("no embedding space 'nope'"), run::toString);
        assertEquals(before, ElmFixtures.fingerprint(workspace));
    }

    @Test
    void absentDevicesUnknownTasksAndBadLoraAreRefusedBeforeARunIsRecorded() throws Exception {
        Path workspace = ElmFixtures.preparedWorkspace(folder);
        String before = ElmFixtures.fingerprint(workspace);
        String w = workspace.toString();

        CliRun gpu = CliRun.execute("train", "--dataset", "tiny", "--space", "vectors", "--device", "gpu7", "-w", w);
        assertTrue(gpu.err().contains("train: device gpu7 is not available: DJL reports"), gpu::toString);
        CliRun task = CliRun.execute("train", "--dataset", "tiny", "--space", "vectors", "--tasks", "translate", "-w", w);
        assertTrue(task.err().contains("train: dataset 'tiny' has no examples of the tasks [translate] (it has summary)"),
                task::toString);
        CliRun lora = CliRun.execute("train", "--dataset", "tiny", "--space", "vectors", "--lora-rank", "2",
                "--lora-alpha", "0", "-w", w);
        assertTrue(lora.err().contains("LoRA alpha must be a positive finite number"), lora::toString);
        for (CliRun run : List.of(gpu, task, lora)) {
            assertEquals(1, run.exitCode(), run::toString);
        }
        assertEquals(before, ElmFixtures.fingerprint(workspace));
    }

    @Test
    void loraHeldOutEntitiesAndAChosenTaskFromTheCommandLine() throws Exception {
        Path workspace = ElmFixtures.preparedWorkspace(folder);

        CliRun train = ElmFixtures.ok("train", "--dataset", "tiny", "--space", "vectors", "--tasks", "summary",
                "--slot-space", "movie=vectors", "--lora-rank", "2", "--validation", "0.25", "--stage1-steps", "3",
                "--stage2-steps", "3", "--batch", "4", "--width", "32", "--layers", "1", "-w", workspace.toString());

        assertTrue(train.out().contains("6 training examples, 2 held out"), train::toString);
        assertTrue(train.out().contains("validation loss"), train::toString);
        try (Workspace read = Workspace.openReadOnly(workspace)) {
            long id = read.runs().list().get(0).id();
            assertEquals(RunStatus.FINISHED, read.runs().get(id).orElseThrow().status());
            assertFalse(read.metrics().series(id, "val_loss").isEmpty());
            assertTrue(Files.isRegularFile(TrainCommand.runFolder(read, id).resolve("elm/lora.safetensors")));
        }
    }
}
