package dev.elmstudio.app.panel.rate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.storage.RaterPlan;
import dev.elmstudio.storage.Rating;
import dev.elmstudio.storage.RatingItem;
import dev.elmstudio.storage.Workspace;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.value.ObservableValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rater mode without a window, on a real workspace. */
class RaterViewModelTest {
    @TempDir
    Path temp;

    private final AtomicInteger exits = new AtomicInteger();

    @Test
    void eachRaterGetsAStoredOrderAndSidesOfTheirOwn() {
        Path folder = RateFixtures.workspaceWithOutputs(temp.resolve("ws"));
        long session = RateFixtures.createSession(folder, true, RateFixtures.ITEMS, 1);
        List<String> anaShown = new ArrayList<>();
        List<String> benShown = new ArrayList<>();
        rateAll(folder, session, "ana", anaShown);
        rateAll(folder, session, "ben", benShown);
        assertNotEquals(anaShown, benShown, "order or sides differ between raters");
        try (Workspace workspace = Workspace.openReadOnly(folder)) {
            Map<Long, RatingItem> items = workspace.ratings().items(session).stream()
                    .collect(Collectors.toMap(RatingItem::id, Function.identity()));
            RaterPlan ana = workspace.ratings().plan(session, "ana").orElseThrow();
            RaterPlan ben = workspace.ratings().plan(session, "ben").orElseThrow();
            assertNotEquals(ana.steps().stream().map(RaterPlan.Step::itemId).toList(),
                    ben.steps().stream().map(RaterPlan.Step::itemId).toList(), "orders differ");
            assertNotEquals(ana.steps().stream().map(RaterPlan.Step::swapped).toList(),
                    ben.steps().stream().map(RaterPlan.Step::swapped).toList(), "swaps differ");
            assertEquals(RaterPlans.seedFor(1, "ana"), ana.seed());
            // what ana saw as Text A at each step is what the stored plan says
            for (int k = 0; k < ana.steps().size(); k++) {
                RatingItem item = items.get(ana.steps().get(k).itemId());
                String textA = ana.steps().get(k).swapped() ? item.rightText() : item.leftText();
                assertEquals(textA, anaShown.get(k));
            }
            // the export's position column says what the rater saw: A for the text shown as Text A
            List<List<String>> rows = dev.elmstudio.engine.eval.Csv.parse(SessionResults.read(folder, session).csv());
            List<String> header = rows.get(0);
            int rater = header.indexOf("rater");
            int itemColumn = header.indexOf("item");
            int side = header.indexOf("side");
            int position = header.indexOf("position");
            int order = header.indexOf("order");
            int checked = 0;
            for (List<String> row : rows.subList(1, rows.size())) {
                if (row.get(rater).equals("ana")) {
                    RatingItem item = items.get(Long.parseLong(row.get(itemColumn)));
                    String text = row.get(side).equals("left") ? item.leftText() : item.rightText();
                    int k = Integer.parseInt(row.get(order)) - 1;
                    assertEquals(text.equals(anaShown.get(k)) ? "A" : "B", row.get(position));
                    checked++;
                }
            }
            assertEquals(2 * RateFixtures.ITEMS * 2 * 3, checked);
            // and every answer went to the side holding the text the rater scored
            for (Rating rating : workspace.ratings().ratingsBy(session, "ana")) {
                RatingItem item = items.get(rating.itemId());
                String text = rating.side().equals("left") ? item.leftText() : item.rightText();
                int expected = text.contains("quiet") ? 5 : 2;
                assertEquals(expected, rating.score(), "score saved against the wrong side");
            }
        }
    }

    @Test
    void aReturningRaterNeedsThePinAndResumesTheSameOrderWhereTheyLeft() {
        Path folder = RateFixtures.workspaceWithOutputs(temp.resolve("ws"));
        long session = RateFixtures.createSession(folder, true, 2, 1);
        List<String> firstTexts;
        try (WorkspaceRaterStore store = WorkspaceRaterStore.open(folder, session)) {
            RaterViewModel model = started(store, "ana");
            firstTexts = List.of(model.cards().get(0).text());
            answerCurrent(model);
            model.next();
            assertEquals(1, model.indexProperty().get());
        }
        try (WorkspaceRaterStore store = WorkspaceRaterStore.open(folder, session)) {
            RaterViewModel model = new RaterViewModel(store, exits::incrementAndGet);
            model.raterIdInputProperty().set("ana");
            model.begin();
            assertEquals(RaterViewModel.Phase.ENTER_ID, model.phaseProperty().get(), "another person could be 'ana'");
            assertEquals(RaterViewModel.PinPurpose.RESUME, model.pinPromptProperty().get());
            model.submitPin("1234".toCharArray());
            assertEquals(RaterViewModel.Phase.ENTER_ID, model.phaseProperty().get());
            model.submitPin(RateFixtures.PIN.toCharArray());
            assertEquals(RaterViewModel.Phase.RATING, model.phaseProperty().get());
            assertEquals(1, model.indexProperty().get(), "resumes at the first open item");
            model.previous();
            assertEquals(firstTexts, List.of(model.cards().get(0).text()), "same order as before");
            assertEquals(5, model.cards().get(0).scoreProperty(0).get(), "earlier answers are shown back");
        }
    }

    @Test
    void nothingTheRaterSeesNamesAModel() throws Exception {
        Path folder = RateFixtures.workspaceWithOutputs(temp.resolve("ws"));
        long session = RateFixtures.createSession(folder, true, RateFixtures.ITEMS, 1);
        for (RecordComponent component : RaterItem.class.getRecordComponents()) {
            assertFalse(component.getName().toLowerCase().contains("model"), component.getName());
        }
        for (RecordComponent component : RaterItem.Text.class.getRecordComponents()) {
            assertFalse(component.getName().toLowerCase().contains("model"), component.getName());
        }
        try (WorkspaceRaterStore store = WorkspaceRaterStore.open(folder, session)) {
            RaterViewModel model = started(store, "ana");
            List<String> seen = new ArrayList<>();
            do {
                seen.addAll(exposedStrings(model));
                for (RaterViewModel.TextCard card : model.cards()) {
                    seen.add(card.name());
                    seen.add(card.text());
                }
                answerCurrent(model);
                model.next();
            } while (model.phaseProperty().get() == RaterViewModel.Phase.RATING);
            seen.addAll(exposedStrings(model));
            assertTrue(seen.size() > 20);
            for (String text : seen) {
                String lower = text.toLowerCase();
                assertFalse(lower.contains(RateFixtures.SECRET) || lower.contains("elm") || lower.contains("baseline")
                        || lower.contains("eval"), "rater mode shows '" + text + "'");
            }
        }
    }

    @Test
    void eachDigitIsSavedAtOnceAndEnterWaitsForEveryStatement() {
        Path folder = RateFixtures.workspaceWithOutputs(temp.resolve("ws"));
        long session = RateFixtures.createSession(folder, true, 1, 1);
        try (WorkspaceRaterStore store = WorkspaceRaterStore.open(folder, session)) {
            RaterViewModel model = started(store, "ana");
            assertEquals("Item 1 of 2", model.progressProperty().get());
            model.score(4);
            assertEquals(1, savedBy(store, folder, session), "saved the moment it was given");
            assertEquals(1, model.focusRowProperty().get(), "focus moves to the next statement");
            model.next();
            assertEquals(0, model.indexProperty().get());
            assertTrue(model.messageProperty().get().contains("statement 2"), model.messageProperty().get());
            model.score(3);
            model.score(2);
            model.score(9); // not on the scale: ignored
            model.focusNext(); // the comment of Text A
            assertEquals(RaterViewModel.COMMENT_ROW, model.focusRowProperty().get());
            model.score(5); // digits in the comment are text, not answers
            model.cards().get(0).commentProperty().set("clear but short");
            model.focusNext(); // leaving the comment saves it
            assertEquals(1, model.focusCardProperty().get());
            try (Workspace reader = Workspace.openReadOnly(folder)) {
                assertEquals("clear but short", reader.ratings().comments(session, "ana").get(0).comment());
                assertEquals(List.of(4, 3, 2), reader.ratings().ratingsBy(session, "ana").stream()
                        .map(Rating::score).toList());
            }
            model.score(1);
            model.score(1);
            model.score(1);
            model.next();
            assertEquals("Item 2 of 2", model.progressProperty().get());
            model.focusOtherText(+1);
            assertEquals(1, model.focusCardProperty().get());
        }
    }

    @Test
    void leavingNeedsTheResearchersPinAndAWrongOneKeepsRaterMode() {
        Path folder = RateFixtures.workspaceWithOutputs(temp.resolve("ws"));
        long session = RateFixtures.createSession(folder, false, 1, 1);
        WorkspaceRaterStore store = WorkspaceRaterStore.open(folder, session);
        RaterViewModel model = started(store, "ana");
        model.requestExit();
        assertEquals(RaterViewModel.PinPurpose.EXIT, model.pinPromptProperty().get());
        model.submitPin("0000".toCharArray());
        assertEquals(0, exits.get());
        assertTrue(model.pinMessageProperty().get().startsWith("Wrong PIN"));
        model.cancelPin();
        assertNull(model.pinPromptProperty().get());
        model.score(2);
        model.requestExit();
        model.submitPin(RateFixtures.PIN.toCharArray());
        assertEquals(1, exits.get());
        try (Workspace writer = Workspace.open(folder)) { // the store gave the workspace back on exit
            assertEquals(1, writer.ratings().ratingsBy(session, "ana").size());
        }
    }

    private RaterViewModel started(RaterStore store, String rater) {
        RaterViewModel model = new RaterViewModel(store, exits::incrementAndGet);
        model.raterIdInputProperty().set(rater);
        model.begin();
        assertEquals(RaterViewModel.Phase.RATING, model.phaseProperty().get(), model.messageProperty().get());
        return model;
    }

    /** Rates every item as a keyboard would: ELM-like "quiet" texts 5, others 2; records Text A of each step. */
    private void rateAll(Path folder, long session, String rater, List<String> textAs) {
        try (WorkspaceRaterStore store = WorkspaceRaterStore.open(folder, session)) {
            RaterViewModel model = started(store, rater);
            while (model.phaseProperty().get() == RaterViewModel.Phase.RATING) {
                textAs.add(model.cards().get(0).text());
                answerCurrent(model);
                model.next();
            }
            assertEquals(RaterViewModel.Phase.DONE, model.phaseProperty().get());
        }
    }

    private static void answerCurrent(RaterViewModel model) {
        for (int card = 0; card < model.cards().size(); card++) {
            int score = model.cards().get(card).text().contains("quiet") ? 5 : 2;
            for (int row = 0; row < 3; row++) {
                model.score(score);
            }
            model.focusNext(); // past the comment
            model.focusNext();
        }
    }

    private static int savedBy(RaterStore store, Path folder, long session) {
        try (Workspace reader = Workspace.openReadOnly(folder)) {
            return reader.ratings().ratingsBy(session, "ana").size();
        }
    }

    /** Every string the view model's public properties and lists hold now. */
    private static List<String> exposedStrings(RaterViewModel model) throws Exception {
        List<String> strings = new ArrayList<>();
        for (Method method : RaterViewModel.class.getMethods()) {
            Class<?> type = method.getReturnType();
            boolean getter = ObservableValue.class.isAssignableFrom(type) || List.class.isAssignableFrom(type)
                    || type == String.class;
            if (method.getParameterCount() != 0 || method.getDeclaringClass() != RaterViewModel.class || !getter) {
                continue; // commands (next, previous, ...) would move the rater
            }
            Object value = method.invoke(model);
            if (value instanceof ObservableValue<?> observable && observable.getValue() != null) {
                strings.add(observable.getValue().toString());
            } else if (value instanceof List<?> list) {
                list.stream().filter(String.class::isInstance).forEach(e -> strings.add((String) e)); // cards: above
            } else if (value instanceof String text) {
                strings.add(text);
            }
        }
        return strings;
    }
}
