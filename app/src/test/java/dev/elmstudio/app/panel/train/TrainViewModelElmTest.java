package dev.elmstudio.app.panel.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.elmstudio.app.cli.ElmFixtures;
import dev.elmstudio.app.jobs.TrainingGate;
import dev.elmstudio.app.task.DirectTaskRunner;
import dev.elmstudio.app.testing.RecordingDialogs;
import dev.elmstudio.app.ui.MetricPoint;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.RunKind;
import dev.elmstudio.storage.RunStatus;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Train panel's ELM mode without a window: the form reads the workspace, launches, resumes, refuses a second run. */
class TrainViewModelElmTest {

    @TempDir
    Path temp;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final TrainViewModel model = new TrainViewModel(new DirectTaskRunner(), dialogs, Device::cpu);

    @Test
    void theFormOffersTheWorkspacesDatasetAndATinyRunTrainsBothStages() throws Exception {
        Path workspace = tinyForm();
        ElmFormModel form = model.elmForm();
        assertEquals(java.util.List.of("tiny"), form.datasets());
        assertEquals(java.util.List.of("summary"), form.taskNames());
        assertEquals("movie", form.slots().get(0).slot());
        assertEquals("vectors", form.slots().get(0).space().get());
        assertTrue(model.canLaunchProperty().get());

        model.launch();

        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertEquals(6, model.loss().size(), "stage 1 curve");
        assertEquals(4, model.stage2Loss().size(), "stage 2 curve");
        assertEquals(7, model.stage2Loss().get(0).step(), "stage 2 continues the step count");
        assertEquals(6, model.learningRates().size());
        assertEquals(4, model.stage2LearningRates().size());
        assertFalse(model.validationLoss().isEmpty(), "25% of the movies are held out");
        assertEquals(1.0, model.progressProperty().get());
        long runId = model.runIdProperty().get();
        assertTrue(model.statusProperty().get().startsWith("Run " + runId + " finished: 10 steps"),
                model.statusProperty().get());
        try (Workspace read = Workspace.openReadOnly(workspace)) {
            Run run = read.runs().get(runId).orElseThrow();
            assertEquals(RunKind.ELM, run.kind());
            assertEquals(RunStatus.FINISHED, run.status());
            assertEquals(10, read.metrics().series(runId, "loss").size());
            assertFalse(read.metrics().series(runId, "val_loss").isEmpty());
        }
        assertTrue(Files.isRegularFile(workspace.resolve("checkpoints/run-" + runId + "/elm/elm.json")));
    }

    @Test
    void aCancelledElmRunIsOfferedAndResumesInStageTwo() throws Exception {
        Path workspace = tinyForm();
        model.elmForm().stage1().amountProperty().set("8");
        model.elmForm().stage2().amountProperty().set("8");
        boolean[] cancelled = {false};
        model.stage2Loss().addListener((ListChangeListener<MetricPoint>) change -> {
            if (!cancelled[0] && model.stage2Loss().size() == 3 && model.runningProperty().get()) {
                cancelled[0] = true;
                model.cancel(); // between updates, as when the user clicks Cancel
            }
        });
        model.launch();
        long runId = model.runIdProperty().get();
        assertTrue(model.statusProperty().get().contains("cancelled at step 11"), model.statusProperty().get());
        Run offered = model.resumeFinder().resumableRunProperty().get();
        assertNotNull(offered, "the cancelled ELM run is offered");
        assertEquals(runId, offered.id());

        model.resumeInterrupted();

        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertNull(model.resumeFinder().resumableRunProperty().get());
        assertEquals(16, model.stage2Loss().get(model.stage2Loss().size() - 1).step());
        try (Workspace read = Workspace.openReadOnly(workspace)) {
            assertEquals(RunStatus.FINISHED, read.runs().get(runId).orElseThrow().status());
            var steps = read.metrics().series(runId, "loss").stream().map(m -> m.step()).toList();
            assertEquals(16, steps.size(), "no step twice, none missing: " + steps);
        }
    }

    @Test
    void aSecondTrainingInTheProcessIsRefusedWithAMessage() throws Exception {
        Path workspace = tinyForm();
        try (TrainingGate.Lease other = TrainingGate.enter("pretraining in another panel")) {
            model.launch();
        }
        assertEquals(1, dialogs.errors.size());
        assertEquals("Another training is running in this process (pretraining in another panel); only one can"
                + " train at a time. Wait for it to finish or cancel it, then launch again.", dialogs.errors.get(0));
        assertFalse(model.runningProperty().get());
        try (Workspace read = Workspace.openReadOnly(workspace)) {
            assertTrue(read.runs().list().isEmpty(), "nothing was recorded");
        }
    }

    /** The tiny fixture dataset and a 6 + 4 step run of the fresh GPT. */
    private Path tinyForm() throws Exception {
        Path workspace = ElmFixtures.importInto(temp.resolve("ws"), temp);
        model.workspaceProperty().set(workspace);
        model.modeProperty().set(TrainMode.ELM);
        ElmFormModel form = model.elmForm();
        form.stage1().amountProperty().set("6");
        form.stage1().batchProperty().set("4");
        form.stage1().learningRateProperty().set("0.003");
        form.stage1().warmupProperty().set("2");
        form.stage2().amountProperty().set("4");
        form.stage2().batchProperty().set("4");
        form.stage2().warmupProperty().set("1");
        form.validationPercentProperty().set("25");
        assertTrue(form.errors().isEmpty(), form.errors().toString());
        return workspace;
    }
}
