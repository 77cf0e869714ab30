package dev.elmstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.elmstudio.engine.checkpoint.LmCheckpoint;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.RunStatus;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PretrainCommandTest {
    @TempDir
    Path folder;

    @Test
    void pretrainWritesALoadableModelAndRecordsTheRunInTheWorkspace() throws Exception {
        Path corpus = folder.resolve("corpus.txt");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            text.append("film ").append(i % 7).append(" is a quiet drama about the sea.\n\n");
        }
        Files.writeString(corpus, text);
        Path out = folder.resolve("out");
        Path workspaceFolder = folder.resolve("ws");

        CliRun run = CliRun.execute("pretrain", "--corpus", corpus.toString(), "--out", out.toString(), "--vocab",
                "300", "--layers", "1", "--width", "32", "--heads", "2", "--context", "32", "--batch", "4",
                "--steps", "20", "--warmup", "2", "--eval-interval", "10", "--checkpoint-interval", "10", "-w",
                workspaceFolder.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("finished 20 steps"), run::toString);

        Path model = out.resolve("model");
        try (CausalLm loaded = LmCheckpoint.load(model, Device.cpu());
                Tokenizer tokenizer = Tokenizer.load(model.resolve("tokenizer.json"))) {
            assertEquals(tokenizer.vocabSize(), loaded.config().vocabSize());
        }
        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            List<Run> runs = workspace.runs().list();
            assertEquals(1, runs.size());
            long id = runs.get(0).id();
            assertEquals(RunStatus.FINISHED, runs.get(0).status());
            assertEquals(20, workspace.metrics().series(id, "loss").size());
            assertEquals(2, workspace.metrics().series(id, "val_loss").size());
            assertEquals(2, workspace.checkpoints().list(id).size());
            double first = workspace.metrics().series(id, "loss").get(0).value();
            double last = workspace.metrics().series(id, "loss").get(19).value();
            assertTrue(last < first, "loss went from " + first + " to " + last);
        }
    }

    @Test
    void resumeRefusesACheckpointChangedAfterItWasRecorded() throws Exception {
        Path corpus = folder.resolve("corpus.txt");
        Files.writeString(corpus, "the sea is grey and the sea is wide.\n\n".repeat(200));
        Path out = folder.resolve("out");
        Path workspaceFolder = folder.resolve("ws");
        String[] args = {"pretrain", "--corpus", corpus.toString(), "--out", out.toString(), "--vocab", "280",
            "--layers", "1", "--width", "32", "--heads", "2", "--context", "32", "--batch", "4", "--steps", "10",
            "--warmup", "2", "--eval-interval", "0", "--checkpoint-interval", "5", "-w", workspaceFolder.toString()};
        assertEquals(0, CliRun.execute(args).exitCode());
        Path weights = out.resolve("checkpoints/step-00000010/model.safetensors");
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length - 1] ^= 1; // one flipped bit in the last weight
        Files.write(weights, bytes);

        String[] resume = java.util.Arrays.copyOf(args, args.length + 1);
        resume[args.length] = "--resume";
        CliRun run = CliRun.execute(resume);
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("model.safetensors") && run.err().contains("SHA-256"), run::toString);
    }

    @Test
    void aMissingCorpusIsAOneLineErrorAndWritesNothing() {
        Path out = folder.resolve("out");
        CliRun run = CliRun.execute("pretrain", "--corpus", folder.resolve("nope.txt").toString(), "--out",
                out.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("corpus file not found") && run.err().contains("nope.txt"), run::toString);
        assertTrue(Files.notExists(out), "a failed pretrain must not leave " + out);
    }
}
