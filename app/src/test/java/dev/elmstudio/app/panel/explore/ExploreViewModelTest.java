package dev.elmstudio.app.panel.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.app.task.FxTaskRunner;
import dev.elmstudio.app.testing.RecordingDialogs;
import dev.elmstudio.app.testing.TinyElmWorkspace;
import dev.elmstudio.engine.explore.ConceptDirection;
import dev.elmstudio.engine.explore.ExploreInput;
import dev.elmstudio.engine.lm.GenerationConfig;
import dev.elmstudio.storage.Generation;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Explore view model on a really trained tiny ELM, with the app's own runner (FX thread, background pool): no
 * window, but real threads, so debouncing and cancellation are what the panel gets.
 */
class ExploreViewModelTest {
    private static final String HORROR = "genre:Horror";

    @TempDir
    static Path temp;

    private static Path workspace;
    /** An independent load of the same run: the reference every on-screen result is compared with. */
    private static LoadedRun reference;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private FxTaskRunner tasks;
    private ExploreViewModel model;

    @BeforeAll
    static void buildWorkspace() throws Exception {
        FxToolkit.registerPrimaryStage();
        workspace = TinyElmWorkspace.build(temp);
        reference = ExploreLoader.load(workspace, 1);
    }

    @AfterAll
    static void closeReference() {
        reference.session().close();
    }

    @BeforeEach
    void openModel() throws Exception {
        tasks = new FxTaskRunner();
        model = fx(() -> new ExploreViewModel(tasks, dialogs));
        fx(() -> {
            model.workspaceProperty().set(workspace);
            model.focusEntity(5);
            return null;
        });
        waitUntil(() -> model.completedProperty().get() >= 1);
    }

    @AfterEach
    void closeModel() throws Exception {
        fx(() -> {
            model.close();
            return null;
        });
        tasks.shutdown();
    }

    @Test
    void theFocusedEntityIsGeneratedWithItsPointNeighboursAndSc() throws Exception {
        assertEquals(5, fx(() -> model.entityProperty().get().id()));
        assertEquals("summary", fx(() -> model.taskProperty().get()));
        assertEquals(reference(ExploreInput.entity(5)), fx(() -> model.textProperty().get()));
        float[] vector = reference.session().vectorFor(ExploreInput.entity(5));
        assertArrayEquals(vector, fx(() -> model.pointVectorProperty().get()));
        assertArrayEquals(reference.mapPosition(vector), fx(() -> model.mapPointProperty().get()), 1e-9);
        NearestEntity first = fx(() -> model.nearest().get(0));
        assertEquals(5, first.entity().id(), "an entity's own vector is nearest to itself");
        assertEquals(1.0, first.cosine(), 1e-5);
        assertEquals(ExploreViewModel.NEAREST, fx(() -> model.nearest().size()));
        waitUntil(() -> !Double.isNaN(model.scValueProperty().get()));
        double sc = fx(() -> model.scValueProperty().get());
        assertTrue(sc > -1 && sc < 1, "SC " + sc);
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors::toString);
    }

    @Test
    void focusingAnEntityOfARunShowsIt() throws Exception {
        int completed = fx(() -> model.completedProperty().get());
        fx(() -> {
            model.focusEntity(1L, 11);
            return null;
        });
        waitUntil(() -> model.completedProperty().get() > completed && !model.generatingProperty().get());
        assertEquals(11, fx(() -> model.entityProperty().get().id()));
        assertEquals(1L, fx(() -> model.runProperty().get().id()));
        assertEquals(reference(ExploreInput.entity(11)), fx(() -> model.textProperty().get()));
    }

    @Test
    void anEntityFocusedWhileTheRunLoadsIsTheOneShown() throws Exception {
        ExploreViewModel fresh = fx(() -> new ExploreViewModel(tasks, dialogs));
        try {
            fx(() -> {
                fresh.workspaceProperty().set(workspace);
                fresh.setActive(true); // the panel is shown: the newest run starts loading
                return null;
            });
            waitUntil(() -> fresh.runProperty().get() != null); // usually still loading here
            fx(() -> {
                fresh.focusEntity(9);
                return null;
            });
            waitUntil(() -> fresh.completedProperty().get() >= 1 && !fresh.generatingProperty().get()
                    && fresh.entityProperty().get() != null && fresh.entityProperty().get().id() == 9);
            assertEquals(reference(ExploreInput.entity(9)), fx(() -> fresh.textProperty().get()));
        } finally {
            fx(() -> {
                fresh.close();
                return null;
            });
        }
    }

    @Test
    void aConceptFocusedWhileTheRunLoadsIsChosenOnceItHasLoaded() throws Exception {
        ExploreViewModel fresh = fx(() -> new ExploreViewModel(tasks, dialogs));
        try {
            fx(() -> {
                fresh.workspaceProperty().set(workspace);
                fresh.focusEntity(1L, 9); // the demo's first run: run, film and concept asked for before anything loaded
                fresh.focusConcept(HORROR);
                return null;
            });
            waitUntil(() -> fresh.completedProperty().get() >= 1 && !fresh.generatingProperty().get()
                    && fresh.conceptInfoProperty().get().startsWith("CAV"));
            assertEquals(HORROR, fx(() -> fresh.conceptProperty().get()));
            assertEquals(9, fx(() -> fresh.entityProperty().get().id()));
            fx(() -> {
                fresh.focusConcept("tag:not-in-this-run");
                return null;
            });
            assertEquals(HORROR, fx(() -> fresh.conceptProperty().get()), "a concept the run lacks is ignored");
        } finally {
            fx(() -> {
                fresh.close();
                return null;
            });
        }
    }

    @Test
    void manySliderMovesGiveOneGenerationForTheLastValue() throws Exception {
        selectConcept(HORROR);
        int requested = fx(() -> model.requestedProperty().get());
        int completed = fx(() -> model.completedProperty().get());
        long longestGap = 0;
        long previous = 0;
        for (int i = 1; i <= 15; i++) {
            double alpha = 0.2 * i;
            long movedAt = fx(() -> {
                model.alphaProperty().set(alpha);
                return System.nanoTime();
            });
            longestGap = i == 1 ? 0 : Math.max(longestGap, (movedAt - previous) / 1_000_000);
            previous = movedAt;
            Thread.sleep(10); // a drag: each move well inside the debounce window
        }
        // On a starved machine the test thread itself may stall past the debounce; then the drag was two drags.
        Assumptions.assumeTrue(longestGap < ExploreViewModel.DEBOUNCE.toMillis() * 3 / 4,
                "the test thread stalled " + longestGap + " ms between two moves");
        waitUntil(() -> model.completedProperty().get() > completed && !model.generatingProperty().get());
        Thread.sleep(2 * ExploreViewModel.DEBOUNCE.toMillis()); // nothing else may start afterwards
        assertEquals(requested + 1, fx(() -> model.requestedProperty().get()), "one request for the whole drag (longest gap "
                + longestGap + " ms, completed " + completed + " → " + fx(() -> model.completedProperty().get()) + ", cancelled "
                + fx(() -> model.cancelledProperty().get()) + ")");
        assertEquals(completed + 1, fx(() -> model.completedProperty().get()));
        ExploreInput last = ExploreInput.entity(5).shifted(HORROR, 3.0);
        assertArrayEquals(reference.session().vectorFor(last), fx(() -> model.pointVectorProperty().get()), 1e-6f);
        assertEquals(reference(last), fx(() -> model.textProperty().get()));
    }

    @Test
    void releasingTheSliderGeneratesAtOnceAndOnlyOnce() throws Exception {
        selectConcept(HORROR);
        int requested = fx(() -> model.requestedProperty().get());
        int completed = fx(() -> model.completedProperty().get());
        int atRelease = fx(() -> {
            model.alphaProperty().set(1.25);
            model.sliderReleased();
            return model.requestedProperty().get();
        });
        assertEquals(requested + 1, atRelease, "the release did not wait for the debounce");
        waitUntil(() -> model.completedProperty().get() > completed && !model.generatingProperty().get());
        Thread.sleep(2 * ExploreViewModel.DEBOUNCE.toMillis());
        assertEquals(requested + 1, fx(() -> model.requestedProperty().get()), "the debounce did not fire again");
        fx(() -> {
            model.sliderReleased(); // a release without a move: nothing new to generate
            return null;
        });
        assertEquals(requested + 1, fx(() -> model.requestedProperty().get()));
        assertEquals(reference(ExploreInput.entity(5).shifted(HORROR, 1.25)), fx(() -> model.textProperty().get()));
    }

    @Test
    void aMoveDuringGenerationCancelsItPromptly() throws Exception {
        fx(() -> {
            model.maxTokensProperty().set(80);
            model.stopAtEndProperty().set(false); // 80 tokens whatever the model says: a generation worth stopping
            return null;
        });
        selectConcept(HORROR);
        int completed = fx(() -> model.completedProperty().get());
        int cancelled = fx(() -> model.cancelledProperty().get());
        // The moment the first tokens of α = −1 are on screen, move again (on the UI thread, as a drag would).
        long[] movedAt = new long[1];
        javafx.beans.value.ChangeListener<String> moveOnFirstTokens = (obs, old, now) -> {
            if (movedAt[0] == 0 && !now.isEmpty() && model.generatingProperty().get()) {
                movedAt[0] = System.nanoTime();
                model.alphaProperty().set(2.0);
            }
        };
        fx(() -> {
            model.textProperty().addListener(moveOnFirstTokens);
            model.alphaProperty().set(-1.0);
            return null;
        });
        waitUntil(() -> model.cancelledProperty().get() > cancelled);
        long stoppedMillis = (System.nanoTime() - movedAt[0]) / 1_000_000;
        fx(() -> {
            model.textProperty().removeListener(moveOnFirstTokens);
            return null;
        });
        assertTrue(stoppedMillis < ExploreViewModel.DEBOUNCE.toMillis(), "the obsolete generation stopped after "
                + stoppedMillis + " ms, before the debounce was even over");
        waitUntil(() -> model.completedProperty().get() > completed && !model.generatingProperty().get());
        assertEquals(completed + 1, fx(() -> model.completedProperty().get()), "only α = 2 ran to its end");
        ExploreInput last = ExploreInput.entity(5).shifted(HORROR, 2.0);
        String text = fx(() -> model.textProperty().get());
        assertEquals(reference(last, new GenerationConfig(80, 0, 0, 1, 0, List.of(), List.of(-1L))), text);
        assertTrue(fx(() -> model.outputStatusProperty().get()).startsWith("80 tokens"),
                fx(() -> model.outputStatusProperty().get()));
    }

    @Test
    void interpolationEndsAreTheEntitiesOwnVectors() throws Exception {
        EntityChoice other = fx(() -> model.entities().stream().filter(e -> e.id() == 9).findFirst().orElseThrow());
        float[] first = reference.session().space().byId().apply(5);
        float[] second = reference.session().space().byId().apply(9);
        assertArrayEquals(first, generateAt(() -> {
            model.secondProperty().set(other);
            model.tProperty().set(0);
        }));
        assertArrayEquals(second, generateAt(() -> model.tProperty().set(1)));
        float[] middle = generateAt(() -> model.tProperty().set(0.5));
        for (int k = 0; k < middle.length; k++) {
            assertEquals((first[k] + second[k]) / 2, middle[k], 1e-6);
        }
        assertEquals(reference(ExploreInput.between(5, 9, 0.5)), fx(() -> model.textProperty().get()));
    }

    @Test
    void aConceptShiftMovesThePointAlongTheCav() throws Exception {
        selectConcept(HORROR);
        float[] start = fx(() -> model.pointVectorProperty().get());
        double[] startOnMap = fx(() -> model.mapPointProperty().get());
        float[] moved = generateAt(() -> model.alphaProperty().set(1.5));
        ConceptDirection direction = reference.session().concepts().get(HORROR);
        float[] unit = direction.cav().direction();
        double along = 0;
        double squared = 0;
        for (int k = 0; k < unit.length; k++) {
            double step = moved[k] - start[k];
            along += step * unit[k];
            squared += step * step;
        }
        assertEquals(1.5 * direction.spread(), along, 1e-4, "moved α·σ along the CAV");
        assertEquals(along * along, squared, 1e-6, "and in no other direction");
        assertTrue(direction.cav().score(moved) > direction.cav().score(start), "the horror score rose");
        assertFalse(java.util.Arrays.equals(startOnMap, fx(() -> model.mapPointProperty().get())), "the map point moved");
        assertTrue(fx(() -> model.conceptInfoProperty().get()).startsWith("CAV held-out balanced accuracy"));
    }

    @Test
    void aPinnedTextIsSavedToTheGenerationsTable() throws Exception {
        selectConcept(HORROR);
        generateAt(() -> model.alphaProperty().set(1.0));
        String text = fx(() -> model.textProperty().get());
        fx(() -> {
            model.pin();
            return null;
        });
        PinnedOutput pin = fx(() -> model.pins().get(0));
        assertEquals(text, pin.text());
        assertTrue(pin.input().contains("genre:Horror +1.00σ"), pin.input());
        fx(() -> {
            model.save(pin);
            return null;
        });
        waitUntil(() -> model.pins().get(0).savedAs() != null);
        try (Workspace opened = Workspace.openReadOnly(workspace)) {
            List<Generation> saved = opened.generations().listForRun(1);
            Generation last = saved.get(saved.size() - 1);
            assertEquals(text, last.text());
            assertTrue(last.inputJson().contains("\"entity\":5") && last.inputJson().contains("\"cav\":\"genre:Horror\""),
                    last.inputJson());
        }
    }

    // Helpers

    private void selectConcept(String name) throws Exception {
        generateAt(() -> model.conceptProperty().set(name));
        waitUntil(() -> model.conceptInfoProperty().get().startsWith("CAV"));
    }

    /** Applies a change, waits for the generation it starts to finish, returns the vector it used. */
    private float[] generateAt(Runnable change) throws Exception {
        int completed = fx(() -> model.completedProperty().get());
        fx(() -> {
            change.run();
            return null;
        });
        waitUntil(() -> model.completedProperty().get() > completed && !model.generatingProperty().get());
        return fx(() -> model.pointVectorProperty().get());
    }

    private static String reference(ExploreInput input) {
        return reference(input, new GenerationConfig(48, 0, 0, 1, 0, List.of(), List.of()));
    }

    private static String reference(ExploreInput input, GenerationConfig config) {
        return reference.session().generate("summary", reference.session().vectorFor(input), config, null).text();
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(condition::getAsBoolean));
    }
}
