package dev.elmstudio.app.panel.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.elmstudio.app.task.DirectTaskRunner;
import dev.elmstudio.app.testing.RecordingDialogs;
import dev.elmstudio.app.testing.TinyCorpus;
import dev.elmstudio.app.ui.MetricPoint;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.RunStatus;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainViewModelTest {

    @TempDir
    Path temp;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final TrainViewModel model = new TrainViewModel(new DirectTaskRunner(), dialogs, Device::cpu);

    @Test
    void formNamesEveryBadFieldAndBlocksLaunch() {
        model.workspaceProperty().set(temp);
        model.corpusProperty().set(temp.resolve("missing.txt").toString());
        model.widthProperty().set("abc");
        model.learningRateProperty().set("5");
        String problems = model.problemsProperty().get();
        assertTrue(problems.contains("Corpus file"), problems);
        assertTrue(problems.contains("Width must be a whole number, got 'abc'"), problems);
        assertTrue(problems.contains("Learning rate must be between"), problems);
        assertFalse(model.canLaunchProperty().get());
    }

    @Test
    void widthMustSplitIntoHeads() throws Exception {
        model.workspaceProperty().set(temp);
        model.corpusProperty().set(TinyCorpus.write(temp).toString());
        model.widthProperty().set("30");
        model.headsProperty().set("4");
        assertEquals("Width 30 must be a multiple of heads (4).", model.problemsProperty().get());
        model.widthProperty().set("32");
        assertEquals("", model.problemsProperty().get());
        assertTrue(model.canLaunchProperty().get());
    }

    @Test
    void aTinyRunDrawsItsCurvesAndIsRecordedFinished() throws Exception {
        Path workspace = fillTinyForm();
        model.launch();

        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertEquals(30, model.loss().size());
        assertEquals(30, model.learningRates().size());
        assertFalse(model.validationLoss().isEmpty());
        assertEquals(1.0, model.progressProperty().get());
        assertFalse(model.runningProperty().get());
        assertTrue(model.statusProperty().get().startsWith("Run " + model.runIdProperty().get() + " finished"),
                model.statusProperty().get());
        try (Workspace read = Workspace.openReadOnly(workspace)) {
            Run run = read.runs().get(model.runIdProperty().get()).orElseThrow();
            assertEquals(RunStatus.FINISHED, run.status());
            assertEquals(30, read.metrics().series(run.id(), "loss").size());
            assertFalse(read.checkpoints().list(run.id()).isEmpty());
            Path out = PretrainRunConfig.parse(run.configJson()).out();
            assertTrue(Files.isRegularFile(out.resolve("model").resolve("tokenizer.json")));
        }
    }

    @Test
    void aCancelledRunIsOfferedForResumingAndResumesToItsEnd() throws Exception {
        Path workspace = fillTinyForm();
        model.loss().addListener((ListChangeListener<MetricPoint>) change -> {
            if (model.loss().size() == 20 && model.runningProperty().get()) {
                model.cancel(); // the trainer checks between steps, as when the user clicks Cancel
            }
        });
        model.launch();
        long runId = model.runIdProperty().get();
        assertTrue(model.statusProperty().get().contains("cancelled"), model.statusProperty().get());
        Run offered = model.resumeFinder().resumableRunProperty().get();
        assertNotNull(offered);
        assertEquals(runId, offered.id());

        model.resumeInterrupted();

        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertNull(model.resumeFinder().resumableRunProperty().get());
        assertEquals(30, model.loss().get(model.loss().size() - 1).step());
        try (Workspace read = Workspace.openReadOnly(workspace)) {
            assertEquals(RunStatus.FINISHED, read.runs().get(runId).orElseThrow().status());
            assertEquals(30, read.metrics().series(runId, "loss").size(), "no step twice, none missing");
        }
    }

    /** 1 layer, width 32, 30 steps: a run of a few seconds on a CPU. */
    private Path fillTinyForm() throws Exception {
        Path workspace = temp.resolve("ws");
        Workspace.openOrCreate(workspace).close();
        model.workspaceProperty().set(workspace);
        model.corpusProperty().set(TinyCorpus.write(temp).toString());
        model.vocabProperty().set("300");
        model.layersProperty().set("1");
        model.widthProperty().set("32");
        model.headsProperty().set("2");
        model.contextProperty().set("32");
        model.batchProperty().set("4");
        model.stepsProperty().set("30");
        model.learningRateProperty().set("0.003");
        assertEquals("", model.problemsProperty().get());
        return workspace;
    }
}
