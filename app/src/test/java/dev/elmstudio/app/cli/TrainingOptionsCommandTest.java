package dev.elmstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import dev.elmstudio.app.jobs.TrainingFaults;
import dev.elmstudio.engine.train.UpdateStep;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.RunStatus;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --device, --precision, --micro-batches and --checkpoint-activations on the training commands, the memory estimate
 * they print, and an out-of-memory stop (a real EngineException injected at update k) that leaves the run
 * interrupted and resumable.
 */
class TrainingOptionsCommandTest {
    @TempDir
    Path folder;

    @AfterEach
    void removeFaults() {
        TrainingFaults.install(UpdateStep.FaultInjector.NONE);
    }

    private String[] pretrain(Path corpus, Path out, Path workspace, String... extra) {
        String[] base = {"pretrain", "--corpus", corpus.toString(), "--out", out.toString(), "--vocab", "280",
            "--layers", "1", "--width", "32", "--heads", "2", "--context", "32", "--batch", "4", "--steps", "8",
            "--warmup", "2", "--eval-interval", "0", "--checkpoint-interval", "3", "-w", workspace.toString()};
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    private Path corpus() throws Exception {
        Path corpus = folder.resolve("corpus.txt");
        Files.writeString(corpus, "the sea is grey and the sea is wide.\n\n".repeat(200));
        return corpus;
    }

    @Test
    void pretrainOnTheCpuWithTheMemoryLeversPrintsItsPlanAndFinishes() throws Exception {
        CliRun run = CliRun.execute(pretrain(corpus(), folder.resolve("out"), folder.resolve("ws"), "--device", "cpu",
                "--precision", "fp16", "--micro-batches", "2", "--checkpoint-activations"));
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("device cpu(), fp16, 2 micro-batches, activation checkpointing; memory"
                + " estimate: "), run::toString);
        assertTrue(run.out().contains(" total = weights "), run::toString);
        assertTrue(run.out().contains("finished 8 steps"), run::toString);
    }

    @Test
    void badDeviceAndOptionsAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path out = folder.resolve("out");
        int gpus = Engine.getInstance().getGpuCount();
        CliRun absent = CliRun.execute(pretrain(corpus(), out, folder.resolve("ws"), "--device", "gpu:" + gpus));
        assertEquals(1, absent.exitCode(), absent::toString);
        assertTrue(absent.err().contains("pretrain: device gpu:" + gpus + ": "), absent::toString);
        CliRun unknown = CliRun.execute(pretrain(corpus(), out, folder.resolve("ws"), "--device", "tpu"));
        assertTrue(unknown.err().contains("pretrain: device 'tpu' is not one of cpu, gpu, gpu:N, auto"),
                unknown::toString);
        CliRun bf16 = CliRun.execute(pretrain(corpus(), out, folder.resolve("ws"), "--precision", "bf16"));
        assertTrue(bf16.err().contains("precision bf16 is not available with this engine build"), bf16::toString);
        CliRun micro = CliRun.execute(pretrain(corpus(), out, folder.resolve("ws"), "--micro-batches", "3"));
        assertTrue(micro.err().contains("batch size 4 is not divisible into 3 micro-batches"), micro::toString);
        assertFalse(Files.exists(out), "nothing was written");
        CliRun generate = CliRun.execute("generate", "--model", out.toString(), "--prompt", "x", "--device", "gpu:"
                + gpus);
        assertTrue(generate.err().contains("generate: device gpu:" + gpus + ": "), generate::toString);
    }

    @Test
    void pretrainOutOfMemoryLeavesTheRunInterruptedAndResumeFinishesIt() throws Exception {
        Path corpus = corpus();
        Path out = folder.resolve("out");
        Path ws = folder.resolve("ws");
        TrainingFaults.install(step -> {
            if (step == 5) {
                throw new EngineException("CUDA out of memory. Tried to allocate 3.00 GiB (GPU 0; 23.65 GiB total"
                        + " capacity)");
            }
        });
        CliRun failed = CliRun.execute(pretrain(corpus, out, ws));
        assertEquals(1, failed.exitCode(), failed::toString);
        assertTrue(failed.err().contains("pretrain: out of memory at update 5: CUDA out of memory."), failed::toString);
        assertTrue(failed.err().contains("resumable from " + out.resolve("checkpoints").resolve("step-00000004")),
                failed::toString);
        assertTrue(failed.err().contains("--micro-batches 2"), failed::toString);
        try (Workspace workspace = Workspace.openReadOnly(ws)) {
            Run run = workspace.runs().list().get(0);
            assertEquals(RunStatus.INTERRUPTED, run.status(), "out of memory is resumable, not a failure");
            assertEquals(4, workspace.metrics().series(run.id(), "loss").size());
        }

        TrainingFaults.install(UpdateStep.FaultInjector.NONE);
        CliRun resumed = CliRun.execute(pretrain(corpus, out, ws, "--resume", "--micro-batches", "2"));
        assertEquals(0, resumed.exitCode(), resumed::toString);
        assertTrue(resumed.out().contains("resumed at step 4"), resumed::toString);
        assertTrue(resumed.out().contains("2 micro-batches"), resumed::toString);
        try (Workspace workspace = Workspace.openReadOnly(ws)) {
            Run run = workspace.runs().list().get(0);
            assertEquals(1, workspace.runs().list().size());
            assertEquals(RunStatus.FINISHED, run.status());
            assertEquals(8, workspace.metrics().series(run.id(), "loss").size());
        }
    }

    @Test
    void elmTrainOutOfMemoryIsInterruptedAndResumable() throws Exception {
        Path ws = ElmFixtures.preparedWorkspace(folder);
        String[] args = {"train", "--dataset", "tiny", "--space", "vectors", "--stage1-steps", "4", "--stage2-steps",
            "4", "--batch", "4", "--checkpoint-interval", "3", "--width", "32", "--layers", "1", "--device", "cpu",
            "-w", ws.toString()};
        TrainingFaults.install(step -> {
            if (step == 6) {
                throw new EngineException("CUDA out of memory. Tried to allocate 1.00 GiB");
            }
        });
        CliRun failed = CliRun.execute(args);
        assertEquals(1, failed.exitCode(), failed::toString);
        assertTrue(failed.out().contains("memory estimate (stage 2): "), failed::toString);
        assertTrue(failed.err().contains("train: out of memory at update 6"), failed::toString);
        assertTrue(failed.err().contains("LoRA instead of full fine-tuning"), failed::toString);
        long runId;
        try (Workspace workspace = Workspace.openReadOnly(ws)) {
            Run run = workspace.runs().list().get(0);
            runId = run.id();
            assertEquals(RunStatus.INTERRUPTED, run.status());
        }
        TrainingFaults.install(UpdateStep.FaultInjector.NONE);
        CliRun resumed = CliRun.execute("train", "--resume", Long.toString(runId), "--checkpoint-activations",
                "-w", ws.toString());
        assertEquals(0, resumed.exitCode(), resumed::toString);
        assertTrue(resumed.out().contains("resumed at step 5"), resumed::toString);
        assertTrue(resumed.out().contains("finished 8 steps"), resumed::toString);
        try (Workspace workspace = Workspace.openReadOnly(ws)) {
            assertEquals(RunStatus.FINISHED, workspace.runs().get(runId).orElseThrow().status());
            assertEquals(8, workspace.metrics().series(runId, "loss").size());
        }
    }
}
