package dev.elmstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.elmstudio.app.compare.BaselineContract;
import dev.elmstudio.engine.checkpoint.LmCheckpoint;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.storage.BaseModel;
import dev.elmstudio.storage.EvalResult;
import dev.elmstudio.storage.EvalRun;
import dev.elmstudio.storage.RunStatus;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** elm train → elm baseline → elm eval --baseline on the tiny fixture: the comparison's data end to end. */
class BaselineCommandTest {
    @TempDir
    Path folder;

    @Test
    void baselineIsRegisteredPerTheContractAndEvalScoresBothModels() throws Exception {
        Path workspace = ElmFixtures.preparedWorkspace(folder);
        trainTinyElm(workspace);
        CliRun refused = CliRun.execute("eval", "1", "--baseline", "-w", workspace.toString());
        assertEquals(1, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("elm baseline --elm 1"), refused::toString);

        CliRun baseline = ElmFixtures.ok("baseline", "--elm", "1", "--steps", "20", "-w", workspace.toString());
        assertTrue(baseline.out().contains("8 training examples"), baseline::toString);
        try (Workspace ws = Workspace.openReadOnly(workspace)) {
            BaseModel model = BaselineContract.find(ws, 1).orElseThrow();
            assertEquals(BaselineContract.configJson(1), model.configJson());
            assertTrue(Files.isRegularFile(model.path().resolve("tokenizer.json")));
            try (CausalLm lm = LmCheckpoint.load(model.path(), Device.cpu())) {
                assertEquals(32, lm.config().hiddenSize());
            }
            assertTrue(BaselineContract.find(ws, 2).isEmpty(), "a baseline belongs to its run only");
        }

        CliRun eval = ElmFixtures.ok("eval", "1", "--baseline", "--limit", "4", "--max-tokens", "8",
                "-w", workspace.toString());
        assertTrue(eval.out().contains("baseline mean target loss"), eval::toString);
        try (Workspace ws = Workspace.openReadOnly(workspace)) {
            EvalRun run = ws.evals().forRun(1).get(0);
            assertEquals(RunStatus.FINISHED, run.status());
            List<EvalResult> results = ws.evals().results(run.id());
            assertEquals(Set.of("elm:summary", "baseline:summary"),
                    results.stream().map(EvalResult::task).collect(Collectors.toSet()));
            for (String task : List.of("elm:summary", "baseline:summary")) {
                List<EvalResult> sc = results.stream().filter(r -> r.task().equals(task) && r.metric().equals("sc")).toList();
                assertEquals(4, sc.size(), task + ": one SC per item (outputs are never blank here)");
                for (EvalResult r : sc) {
                    assertTrue(r.value() >= -1 && r.value() <= 1, r::toString);
                    assertFalse(r.outputText().isBlank(), r::toString);
                }
                // the fixture has 6 users who rated every film: BC is defined
                assertEquals(4, results.stream().filter(r -> r.task().equals(task) && r.metric().equals("bc_ndcg")).count());
            }
            List<String> elmOutputs = results.stream().filter(r -> r.task().equals("elm:summary")
                    && r.metric().equals("sc")).map(EvalResult::outputText).toList();
            List<String> baselineOutputs = results.stream().filter(r -> r.task().equals("baseline:summary")
                    && r.metric().equals("sc")).map(EvalResult::outputText).toList();
            assertFalse(elmOutputs.equals(baselineOutputs) && elmOutputs.stream().distinct().count() > 1,
                    "two differently trained models should not write the same texts item for item");
        }
    }

    /** A run whose greedy outputs are never blank: enough updates that the targets' words come before the end. */
    static void trainTinyElm(Path workspace) {
        ElmFixtures.ok("train", "--dataset", "tiny", "--space", "vectors", "--stage1-steps", "10", "--stage2-steps", "20",
                "--batch", "4", "--checkpoint-interval", "0", "--width", "32", "--layers", "1", "--stage2-lr", "3e-3",
                "-w", workspace.toString());
    }
}
