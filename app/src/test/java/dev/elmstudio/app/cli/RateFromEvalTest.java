package dev.elmstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.app.panel.rate.RateViewModel;
import dev.elmstudio.app.task.DirectTaskRunner;
import dev.elmstudio.app.testing.RecordingDialogs;
import dev.elmstudio.storage.RatingItem;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From `elm eval` to a rating session: the Rate panel finds the evaluation's generated texts and shows raters the
 * films' titles from the dataset the evaluated run was trained on.
 */
class RateFromEvalTest {
    @TempDir
    Path folder;

    @Test
    void anEvaluationsOutputsBecomeItemsNamedByTheirFilmsTitles() throws Exception {
        Path workspaceFolder = ElmFixtures.preparedWorkspace(folder);
        ElmFixtures.ok("train", "--dataset", "tiny", "--space", "vectors", "--stage1-steps", "2", "--stage2-steps", "2",
                "--batch", "4", "--width", "32", "--layers", "1", "-w", workspaceFolder.toString());
        long runId;
        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            runId = workspace.runs().list().get(0).id();
        }
        ElmFixtures.ok("eval", Long.toString(runId), "--limit", "4", "--max-tokens", "3", "-w",
                workspaceFolder.toString());

        RecordingDialogs dialogs = new RecordingDialogs();
        RateViewModel model = new RateViewModel(new DirectTaskRunner(), dialogs);
        model.workspaceProperty().set(workspaceFolder);
        assertEquals(1, model.outputs().size(), "one model: the evaluated ELM");
        model.selectedModels().setAll(model.outputs());
        assertEquals(List.of("summary"), model.availableTasks());
        model.selectedTasks().setAll("summary");
        model.sessionNameProperty().set("from eval");
        model.sideBySideProperty().set(false);
        model.itemsPerTaskProperty().set("4");
        model.pinProperty().set("2468");
        model.pinRepeatProperty().set("2468");
        model.createSession();
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors::toString);

        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            List<RatingItem> items = workspace.ratings().items(model.selectedSessionProperty().get().id());
            assertEquals(4, items.size());
            for (RatingItem item : items) {
                assertTrue(item.inputJson().matches(".*\"label\":\"Film \\d \\(199\\d\\)\".*"), item.inputJson());
                // the paper's summary prompt, with the title in the slot
                assertTrue(item.inputJson().contains("the movie «Film "), item.inputJson());
            }
        }
    }
}
