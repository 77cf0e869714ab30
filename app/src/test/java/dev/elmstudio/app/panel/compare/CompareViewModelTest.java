package dev.elmstudio.app.panel.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.app.cli.ComparisonFixture;
import dev.elmstudio.app.compare.RunReport;
import dev.elmstudio.app.task.DirectTaskRunner;
import dev.elmstudio.app.testing.RecordingDialogs;
import dev.elmstudio.engine.encode.MiniLmEncoder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The panel's logic without a window: choose the run, compare, read the report (direct runner, real models). */
class CompareViewModelTest {
    @TempDir
    Path folder;

    @Test
    void choosingARunFindsItsBaselineComparesAndReadsTheReport() throws Exception {
        Path workspace = ComparisonFixture.workspaceWithBaseline(folder);
        RecordingDialogs dialogs = new RecordingDialogs();
        CompareViewModel model = new CompareViewModel(new DirectTaskRunner(), dialogs, MiniLmEncoder::new);
        model.workspaceProperty().set(workspace);
        assertEquals(1, model.runs().size());
        assertTrue(model.runs().get(0).hasBaseline());

        model.runProperty().set(model.runs().get(0));
        assertTrue(model.hasBaselineProperty().get());
        assertTrue(model.baselineStatusProperty().get().startsWith("Baseline: text-only baseline of run 1"),
                model.baselineStatusProperty()::get);
        assertEquals(8, model.films().size());
        assertEquals("summary", model.taskProperty().get());

        model.compare(); // an entity: the first film, through "summary"
        assertEquals(dialogs.errors.toString(), "[]");
        assertFalse(model.runningProperty().get());
        assertFalse(model.elm().textProperty().get().isBlank());
        assertFalse(model.baseline().textProperty().get().isBlank());
        assertTrue(model.elm().scoresProperty().get().startsWith("SC "), model.elm().scoresProperty()::get);
        assertTrue(model.baseline().scoresProperty().get().contains("BC NDCG"), model.baseline().scoresProperty()::get);
        assertTrue(model.statusProperty().get().startsWith("Done: both models"), model.statusProperty()::get);

        model.kindProperty().set(CompareViewModel.InputKind.INTERPOLATION);
        model.tProperty().set(0.3);
        model.compare();
        assertTrue(model.elm().receivedProperty().get().contains("t = 0.30"), model.elm().receivedProperty()::get);
        assertTrue(model.baseline().noteProperty().get().startsWith("t reaches only the ELM"));

        assertEquals(1, model.reports().evaluations().size());
        RunReport.Row sc = model.reports().rows().stream().filter(r -> r.task().equals("summary") && r.metric().equals("sc"))
                .findFirst().orElseThrow();
        assertNotNull(sc.elm());
        assertNotNull(sc.baseline());
        assertEquals(4, sc.elm().items());
        assertTrue(sc.baseline().lower() <= sc.baseline().mean() && sc.baseline().mean() <= sc.baseline().upper());
        model.close();
    }

    @Test
    void withoutAWorkspaceOrInputNothingRunsAndTheStatusSaysWhy() {
        CompareViewModel model = new CompareViewModel(new DirectTaskRunner(), new RecordingDialogs(), MiniLmEncoder::new);
        model.compare();
        assertFalse(model.runningProperty().get());
        assertEquals("Choose an ELM run.", model.statusProperty().get());
    }
}
