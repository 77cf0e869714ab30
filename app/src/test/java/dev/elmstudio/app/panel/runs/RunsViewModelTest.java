package dev.elmstudio.app.panel.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.app.task.DirectTaskRunner;
import dev.elmstudio.app.testing.RecordingDialogs;
import dev.elmstudio.app.ui.MetricPoint;
import dev.elmstudio.storage.Metric;
import dev.elmstudio.storage.RunKind;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsViewModelTest {

    @TempDir
    Path temp;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final RunsViewModel model = new RunsViewModel(new DirectTaskRunner(), dialogs);

    @Test
    void showsEveryRunAndOverlaysTheSelectedCurves() {
        Path folder = temp.resolve("ws");
        long first;
        long second;
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            first = recordRun(workspace, "first", 0.5);
            second = recordRun(workspace, "second", 0.25);
        }
        model.workspaceProperty().set(folder);
        assertEquals(List.of(second, first), model.runs().stream().map(r -> r.id()).toList(), "newest first");

        model.selectedRunIds().setAll(first, second);

        assertEquals(2, model.curves().size());
        RunCurves curves = model.curves().get(0);
        assertEquals(List.of(new MetricPoint(1, 3.0), new MetricPoint(2, 2.5)), curves.loss());
        assertEquals(List.of(new MetricPoint(2, 2.75)), curves.validationLoss());
        assertEquals(List.of(new MetricPoint(1, 0.001), new MetricPoint(2, 0.001)), curves.learningRate());
        assertTrue(model.configTextProperty().get().contains("\"layers\": 1"), model.configTextProperty().get());
        assertEquals(1, model.checkpoints().size());
        assertEquals(2, model.checkpoints().get(0).step());
    }

    @Test
    void openingAWorkspaceSelectsTheNewestRunSoItsCurvesShow() {
        Path folder = temp.resolve("ws");
        long newest;
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            recordRun(workspace, "older", 0.5);
            newest = recordRun(workspace, "newer", 0.25);
        }
        model.workspaceProperty().set(folder);

        assertEquals(List.of(newest), List.copyOf(model.selectedRunIds()));
        assertEquals(List.of(newest), model.curves().stream().map(RunCurves::runId).toList());
        assertEquals(List.of(new MetricPoint(1, 3.0), new MetricPoint(2, 2.75)), model.curves().get(0).loss());
        assertEquals(1, model.checkpoints().size());
    }

    @Test
    void refreshKeepsTheChosenRunWhenANewerOneAppears() {
        Path folder = temp.resolve("ws");
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            long chosen = recordRun(workspace, "chosen", 0.5);
            recordRun(workspace, "other", 0.25);
            model.workspaceProperty().set(folder);
            model.selectedRunIds().setAll(chosen);

            recordRun(workspace, "newest", 0.1);
            model.refresh();

            assertEquals(3, model.runs().size());
            assertEquals(List.of(chosen), List.copyOf(model.selectedRunIds()));
            assertEquals(List.of(chosen), model.curves().stream().map(RunCurves::runId).toList());
        }
    }

    @Test
    void aWorkspaceOpenedEmptySelectsItsFirstRunOnceOneIsRecorded() {
        Path folder = temp.resolve("ws");
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            model.workspaceProperty().set(folder);
            assertTrue(model.selectedRunIds().isEmpty());
            assertTrue(model.curves().isEmpty());

            long first = recordRun(workspace, "first", 0.5);
            model.refresh();

            assertEquals(List.of(first), List.copyOf(model.selectedRunIds()));
            assertEquals(1, model.curves().size());
        }
    }

    @Test
    void refreshPicksUpValuesAWriterCommittedSinceTheLastRead() {
        Path folder = temp.resolve("ws");
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            long id = recordRun(workspace, "live", 0.5);
            model.workspaceProperty().set(folder);
            model.selectedRunIds().setAll(id);
            assertEquals(2, model.curves().get(0).loss().size());

            workspace.metrics().append(id, List.of(new Metric(3, "loss", 2.0)));
            model.refresh();

            assertEquals(3, model.curves().get(0).loss().size());
        }
    }

    @Test
    void exportCopiesTheCheckpointFolder() throws Exception {
        Path folder = temp.resolve("ws");
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            long id = recordRun(workspace, "exported", 0.5);
            model.workspaceProperty().set(folder);
            model.selectedRunIds().setAll(id);
        }
        Path target = temp.resolve("exports");
        model.exportCheckpoint(model.checkpoints().get(0), target);

        Path copy = target.resolve("exported-step-2");
        assertTrue(Files.isRegularFile(copy.resolve("model.safetensors")));
        assertTrue(Files.isRegularFile(copy.resolve("config.json")));
        assertTrue(model.messageProperty().get().startsWith("Exported step 2"), model.messageProperty().get());
        assertTrue(dialogs.errors.isEmpty());

        model.exportCheckpoint(model.checkpoints().get(0), target);
        assertEquals(1, dialogs.errors.size(), "a second export to the same place is refused, not overwritten");
    }

    private static long recordRun(Workspace workspace, String name, double lossDrop) {
        long id = workspace.runs().create(RunKind.PRETRAIN, name, "{\"layers\":1}", null).id();
        workspace.metrics().append(id, List.of(new Metric(1, "loss", 3.0), new Metric(2, "loss", 3.0 - lossDrop),
                new Metric(1, "lr", 0.001), new Metric(2, "lr", 0.001), new Metric(2, "val_loss", 2.75)));
        try {
            Path step = workspace.checkpointsFolder().resolve(name).resolve("step-00000002");
            Files.createDirectories(step);
            Files.writeString(step.resolve("model.safetensors"), "weights");
            Files.writeString(step.resolve("config.json"), "{}");
            workspace.checkpoints().record(id, null, 2, step.resolve("model.safetensors"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return id;
    }
}
