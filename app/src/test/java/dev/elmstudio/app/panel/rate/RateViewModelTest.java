package dev.elmstudio.app.panel.rate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.app.testing.RecordingDialogs;
import dev.elmstudio.engine.eval.Csv;
import dev.elmstudio.storage.Rating;
import dev.elmstudio.storage.RatingItem;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The researcher's side: building sessions from evaluation outputs, results and export. */
class RateViewModelTest {
    @TempDir
    Path temp;

    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Test
    void listsEachModelOfAnEvaluationAndTheTasksTheyShare() {
        Path folder = RateFixtures.workspaceWithOutputs(temp.resolve("ws"));
        RateViewModel model = RateFixtures.filledForm(folder, dialogs, true, 2, 1);
        assertEquals(2, model.outputs().size());
        assertEquals(Set.of("elm", "baseline"), model.outputs().stream().map(ModelOutputs::model)
                .collect(Collectors.toSet()));
        assertEquals(List.of("pitch", "summary"), model.availableTasks());
        assertEquals(RateFixtures.ITEMS, model.outputs().get(0).items("summary").size(), "one text per item");
    }

    @Test
    void sideBySideSessionStoresBothModelsOnRandomisedSidesAndAHashedPin() {
        Path folder = RateFixtures.workspaceWithOutputs(temp.resolve("ws"));
        long session = RateFixtures.createSession(folder, true, 5, 11);
        try (Workspace workspace = Workspace.openReadOnly(folder)) {
            List<RatingItem> items = workspace.ratings().items(session);
            assertEquals(2 * 5, items.size(), "5 items for each of 2 tasks");
            Set<String> labels = Set.of(items.get(0).leftModel(), items.get(0).rightModel());
            for (RatingItem item : items) {
                assertEquals(labels, Set.of(item.leftModel(), item.rightModel()), "both models in every item");
                assertTrue(item.leftText().contains(item.leftModel().startsWith("elm") ? "quiet" : "loud"),
                        "the stored mapping says who wrote the left text");
            }
            long elmLeft = items.stream().filter(i -> i.leftModel().startsWith("elm")).count();
            assertTrue(elmLeft > 0 && elmLeft < items.size(), "sides randomised: ELM left in " + elmLeft + " of 10");
            assertTrue(items.stream().map(RatingItem::task).distinct().count() == 2);
            String stored = workspace.ratings().session(session).orElseThrow().pinHash();
            assertFalse(stored.contains(RateFixtures.PIN));
            assertTrue(PinHash.matches(RateFixtures.PIN.toCharArray(), stored));
            assertFalse(PinHash.matches("0000".toCharArray(), stored));
        }
    }

    @Test
    void anotherSeedGivesAnotherDrawAndArrangementTheSameSeedTheSame() {
        Path folder = RateFixtures.workspaceWithOutputs(temp.resolve("ws"));
        List<String> a = arrangement(folder, RateFixtures.createSession(folder, true, 4, 1));
        List<String> b = arrangement(folder, RateFixtures.createSession(folder, true, 4, 2));
        List<String> again = arrangement(folder, RateFixtures.createSession(folder, true, 4, 1));
        assertNotEquals(a, b);
        assertEquals(a, again);
    }

    @Test
    void singleItemsGiveOneItemPerModelAndText() {
        Path folder = RateFixtures.workspaceWithOutputs(temp.resolve("ws"));
        long session = RateFixtures.createSession(folder, false, 3, 5);
        try (Workspace workspace = Workspace.openReadOnly(folder)) {
            List<RatingItem> items = workspace.ratings().items(session);
            assertEquals(2 * 3 * 2, items.size());
            assertTrue(items.stream().allMatch(i -> i.rightText() == null && i.rightModel() == null));
        }
    }

    @Test
    void formProblemsAreNamedAndNothingIsStored() {
        Path folder = RateFixtures.workspaceWithOutputs(temp.resolve("ws"));
        RateViewModel model = RateFixtures.filledForm(folder, dialogs, true, 3, 1);
        model.pinRepeatProperty().set("4712");
        model.createSession();
        assertTrue(model.messageProperty().get().startsWith("PIN"), model.messageProperty().get());
        model.pinRepeatProperty().set(RateFixtures.PIN);
        model.selectedModels().setAll(model.outputs().get(0));
        model.createSession();
        assertTrue(model.messageProperty().get().contains("exactly two models"), model.messageProperty().get());
        model.selectedModels().setAll(model.outputs());
        model.selectedTasks().setAll("pitch");
        model.itemsPerTaskProperty().set("many");
        model.createSession();
        assertTrue(model.messageProperty().get().startsWith("Items per task"), model.messageProperty().get());
        assertTrue(model.sessions().isEmpty());
        assertTrue(dialogs.errors.isEmpty());
    }

    @Test
    void resultsShowMeansPerTaskAndModelAgreementAndExportEveryAnswerWithRaterIds() throws Exception {
        Path folder = RateFixtures.workspaceWithOutputs(temp.resolve("ws"));
        RateViewModel model = RateFixtures.filledForm(folder, dialogs, true, 2, 3);
        model.createSession();
        long session = model.selectedSessionProperty().get().id();
        try (Workspace workspace = Workspace.open(folder)) {
            for (RatingItem item : workspace.ratings().items(session)) {
                for (String rater : List.of("ana", "ben")) {
                    for (int s = 1; s <= 3; s++) {
                        // ELM texts get 4 or 5, baseline texts 2: raters agree up to one point
                        int elm = rater.equals("ana") ? 5 : 4;
                        workspace.ratings().record(new Rating(item.id(), rater, "left", s,
                                item.leftModel().startsWith("elm") ? elm : 2, null, Instant.now()));
                        workspace.ratings().record(new Rating(item.id(), rater, "right", s,
                                item.rightModel().startsWith("elm") ? elm : 2, null, Instant.now()));
                    }
                }
            }
        }
        model.loadResults();
        RatingResults.Summary summary = model.resultsProperty().get().summary();
        assertEquals(2, summary.raters());
        assertEquals(4 * 2 * 2 * 3, summary.answers());
        RatingResults.ModelRow elmSummary = summary.models().stream()
                .filter(r -> r.task().equals("summary") && r.model().startsWith("elm")).findFirst().orElseThrow();
        assertEquals(4.5, elmSummary.mean()[0], 1e-12);
        assertEquals(4, elmSummary.n()[0], "2 items x 2 raters");
        RatingResults.AgreementRow all = summary.agreement().stream()
                .filter(r -> r.task().equals(RatingResults.ALL_TASKS) && r.statement() == 2).findFirst().orElseThrow();
        assertEquals(8, all.units());
        assertTrue(all.intervalAlpha() > 0.8 && all.intervalAlpha() < 1, "near agreement: " + all.intervalAlpha());

        Path file = temp.resolve("ratings.csv");
        model.exportCsv(file);
        List<List<String>> rows = Csv.parse(Files.readString(file));
        assertEquals(List.of(RatingsCsv.HEADER.split(",")), rows.get(0));
        assertEquals(1 + summary.answers(), rows.size());
        assertEquals(Set.of("ana", "ben"), rows.subList(1, rows.size()).stream().map(r -> r.get(1))
                .collect(Collectors.toSet()));
        assertTrue(rows.get(1).get(4).contains(RateFixtures.SECRET), "the researcher's export reveals the model");
    }

    /** Each stored item's task, item id (from its input) and which model is on the left. */
    private static List<String> arrangement(Path folder, long session) {
        try (Workspace workspace = Workspace.openReadOnly(folder)) {
            return workspace.ratings().items(session).stream()
                    .map(i -> i.task() + "/" + i.inputJson() + "/" + i.leftModel()).toList();
        }
    }
}
