package dev.elmstudio.engine.elm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.elmstudio.engine.elm.experiments.ToyTask;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.GenerationConfig;
import dev.elmstudio.engine.lm.LmConfig;
import dev.elmstudio.engine.lm.Generation;
import dev.elmstudio.engine.lm.NoGradScope;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import dev.elmstudio.engine.train.TrainingControl;
import dev.elmstudio.engine.train.TrainingEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElmCoreTest {
    @TempDir
    static Path folder;
    static Tokenizer tokenizer;

    @BeforeAll
    static void trainTokenizer() throws Exception {
        tokenizer = ToyTask.tokenizer(folder);
    }

    @AfterAll
    static void closeTokenizer() {
        tokenizer.close();
    }

    private static ElmModel model(int ell, long seed) {
        CausalLm lm = new CausalLm(ToyTask.lmConfig(tokenizer), Device.cpu(), seed);
        return new ElmModel(lm, tokenizer, Map.of(ToyTask.SPACE, ToyTask.adapter(lm.config(), ell)), seed);
    }

    @Test
    void templateFindsNamedSlotsInOrderAndBindsThemToSpaces() {
        PromptTemplate t = new PromptTemplate("Compare {movie1} with {movie2} for {user} {{literally}}.",
                Map.of("movie1", "movies", "movie2", "movies", "user", "users"));
        assertEquals(List.of("movie1", "movie2", "user"), t.slots());
        List<PromptTemplate.Part> parts = t.parts();
        assertEquals(new PromptTemplate.Text("Compare "), parts.get(0));
        assertEquals(new PromptTemplate.Slot("movie1", "movies"), parts.get(1));
        assertEquals(new PromptTemplate.Slot("user", "users"), parts.get(5));
        assertEquals(new PromptTemplate.Text(" {literally}."), parts.get(6));
        assertThrows(IllegalArgumentException.class, () -> new PromptTemplate("About {movie}.", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> PromptTemplate.of("{movie} and {movie}", "movies"));
    }

    @Test
    void collatorPadsAndCountsOnlyTargetTokens() {
        try (ElmModel elm = model(4, 1)) {
            List<ElmExample> examples = List.of(
                    new ElmExample("a", ToyTask.PROMPT, Map.of("point", new float[] {1, 0}), " east"),
                    new ElmExample("b", ToyTask.PROMPT, Map.of("point", new float[] {0, 1}), " north north"));
            ElmBatch batch = elm.collator().collate(examples);
            long[] prompt = tokenizer.encode("the point ");
            long[] is = tokenizer.encode(" is");
            long[] east = tokenizer.encode(" east");
            long[] north2 = tokenizer.encode(" north north");
            int promptLength = 1 + prompt.length + 4 + is.length; // bos, text, ℓ = 4 slot positions, text
            assertEquals(promptLength + north2.length, batch.length()); // longest row, minus its last token
            int t = batch.length();
            assertEquals(tokenizer.bosId(), batch.inputIds()[0]);
            for (int j = 0; j < 4; j++) {
                assertEquals(tokenizer.slotId(0), batch.inputIds()[1 + prompt.length + j]);
                assertEquals(1 + prompt.length + j, batch.slots().get(ToyTask.SPACE).positions()[j]);
                assertEquals(t + 1 + prompt.length + j, batch.slots().get(ToyTask.SPACE).positions()[4 + j]);
            }
            // Row a: loss on " east" then eos, i.e. positions promptLength-1 … promptLength-1+east.length.
            for (int i = 0; i < t; i++) {
                boolean target = i >= promptLength - 1 && i < promptLength + east.length;
                assertEquals(target ? 1f : 0f, batch.lossMask()[i], "row a position " + i);
                assertEquals(i < promptLength + east.length ? 1f : 0f, batch.attentionMask()[i]);
            }
            assertEquals(tokenizer.eosId(), batch.targetIds()[promptLength - 1 + east.length]);
            assertEquals(tokenizer.padId(), batch.inputIds()[t - 1]);
            assertArrayEquals(new float[] {1, 0, 0, 1}, batch.slots().get(ToyTask.SPACE).vectors());
        }
    }

    @Test
    void slotPositionsReceiveAdapterOutputAndOthersKeepTokenEmbeddings() {
        try (ElmModel elm = model(4, 2); NDManager step = elm.lm().manager().newSubManager();
                NoGradScope noGrad = NoGradScope.enter()) {
            float[] xy = {0.3f, -0.7f};
            ElmBatch batch = elm.collator().prompt(new ElmExample("x", ToyTask.PROMPT, Map.of("point", xy), ""));
            NDArray embedded = elm.inputEmbeddings(batch, step); // [1, T, D]
            NDArray adapter = elm.adapter(ToyTask.SPACE).forward(step.create(xy, new Shape(1, 2))); // [1, 4, D]
            NDArray tokens = elm.lm().embedTokens(step.create(batch.inputIds(), new Shape(1, batch.length())));
            int first = batch.slots().get(ToyTask.SPACE).positions()[0];
            for (int t = 0; t < batch.length(); t++) {
                boolean slot = t >= first && t < first + 4;
                float[] got = embedded.get(new NDIndex("0, {}, :", t)).toFloatArray();
                float[] expected = slot
                        ? adapter.get(new NDIndex("0, {}, :", t - first)).toFloatArray()
                        : tokens.get(new NDIndex("0, {}, :", t)).toFloatArray();
                assertArrayEquals(expected, got, 1e-7f, "position " + t);
            }
        }
    }

    @Test
    void stage1LeavesLmWeightsBitIdentical() throws Exception {
        try (ElmModel elm = model(1, 3)) {
            Map<String, float[]> before = snapshot(elm.lm().parameters());
            Map<String, float[]> adapterBefore = snapshot(elm.adapterParameters());
            ElmTrainingConfig config = ElmTrainingConfig.of(StageConfig.of(5, 8, 1e-2), StageConfig.skipped().withSteps(0), 1);
            ElmTrainingResult result = new ElmTrainer(elm, ToyTask.points(32, 5), List.of(), config).run();
            assertEquals(5, result.step());
            snapshot(elm.lm().parameters()).forEach((name, values) ->
                    assertArrayEquals(before.get(name), values, 0f, "LM weight " + name + " changed in stage 1"));
            boolean moved = false;
            for (Map.Entry<String, float[]> e : snapshot(elm.adapterParameters()).entrySet()) {
                moved |= !java.util.Arrays.equals(adapterBefore.get(e.getKey()), e.getValue());
            }
            assertTrue(moved, "stage 1 must train the adapter");
        }
    }

    @Test
    void resumedRunMatchesUninterruptedRun(@TempDir Path dir) throws Exception {
        List<ElmExample> train = ToyTask.points(40, 6);
        List<ElmExample> held = ToyTask.points(8, 7);
        ElmTrainingConfig config = ElmTrainingConfig.of(
                        new StageConfig(4, 8, 1e-2, 1e-3, 2, 0.0, 1.0), new StageConfig(6, 8, 1e-3, 1e-4, 2, 0.1, 1.0), 9)
                .withValidation(5).withCheckpoints(3, dir.resolve("ckpt"));
        List<Double> uninterrupted;
        List<Stage> stages = new ArrayList<>();
        try (ElmModel elm = model(2, 11)) {
            uninterrupted = new ElmTrainer(elm, train, held, config)
                    .withListener((stage, event) -> {
                        if (event instanceof TrainingEvent.StepEvent) {
                            stages.add(stage);
                        }
                    }).run().losses();
        }
        assertEquals(10, uninterrupted.size());
        assertEquals(Stage.ADAPTER_ONLY, stages.get(3));
        assertEquals(Stage.FULL, stages.get(4));
        // Step 3 is inside stage 1, step 6 inside stage 2; a model with other initial weights must still follow.
        for (int at : new int[] {3, 6}) {
            Path checkpoint = dir.resolve("ckpt").resolve(String.format("step-%08d", at));
            try (ElmModel other = model(2, 99)) {
                List<Double> resumed = new ElmTrainer(other, train, held, config.withCheckpoints(0, null))
                        .resume(checkpoint).losses();
                assertEquals(10 - at, resumed.size());
                for (int i = 0; i < resumed.size(); i++) {
                    assertEquals(uninterrupted.get(at + i), resumed.get(i), 1e-5, "loss of step " + (at + i + 1)
                            + " after resuming from step " + at);
                }
            }
        }
    }

    @Test
    void cancelStopsBetweenStepsAndWritesAResumableCheckpoint(@TempDir Path dir) throws Exception {
        TrainingControl control = new TrainingControl();
        List<TrainingEvent> events = new ArrayList<>();
        try (ElmModel elm = model(1, 4)) {
            ElmTrainingConfig config = ElmTrainingConfig.of(StageConfig.of(3, 4, 1e-2), StageConfig.of(3, 4, 1e-3), 2)
                    .withCheckpoints(0, dir);
            ElmTrainingResult result = new ElmTrainer(elm, ToyTask.points(16, 1), List.of(), config)
                    .withControl(control)
                    .withListener((stage, event) -> {
                        events.add(event);
                        if (event.step() == 4) {
                            control.cancel();
                        }
                    }).run();
            assertTrue(result.cancelled());
            assertEquals(4, result.step());
            assertTrue(events.get(events.size() - 1) instanceof TrainingEvent.CancelledEvent);
            assertEquals(dir.resolve("step-00000004"), ElmTrainer.latestCheckpoint(dir).orElseThrow());
        }
    }

    @Test
    void generatesFromAnyVectorWithStreaming() {
        try (ElmModel elm = model(1, 5)) {
            List<String> streamed = new ArrayList<>();
            float[] between = {0.5f * 1f + 0.5f * 0f, 0.5f * 0f + 0.5f * 1f}; // an interpolation
            Generation g = elm.generate(ToyTask.PROMPT, Map.of("point", between), GenerationConfig.greedy(3),
                    (id, text) -> streamed.add(text));
            assertEquals(g.tokenIds().length, streamed.size());
            if (!streamed.isEmpty()) {
                assertEquals(g.text(), streamed.get(streamed.size() - 1));
            }
            assertFalse(elm.lm().manager().getManagedArrays().size() > 200, "generation must not leak arrays");
        }
    }

    @Test
    void savedElmLoadsWithSameLogitsAndTemplates(@TempDir Path dir) throws Exception {
        List<ElmExample> examples = ToyTask.points(4, 8);
        float[] before;
        try (ElmModel elm = model(2, 12)) {
            new ElmTrainer(elm, examples, List.of(), ElmTrainingConfig.of(StageConfig.of(2, 4, 1e-2),
                    StageConfig.of(2, 4, 1e-3), 1)).run(); // so the weights differ from any fresh initialisation
            elm.putTemplate("direction", ToyTask.PROMPT);
            before = logits(elm, examples);
            ElmArchive.save(elm, dir.resolve("elm"));
            ElmArchive.save(elm, dir.resolve("elm")); // replacing an ELM in place works too
        }
        try (ElmModel loaded = ElmArchive.load(dir.resolve("elm"), Device.cpu())) {
            assertArrayEquals(before, logits(loaded, examples), 0f);
            assertEquals(ToyTask.PROMPT, loaded.templates().get("direction"));
            assertEquals(2, loaded.spaces().get(ToyTask.SPACE).tokens());
        }
    }

    private static float[] logits(ElmModel elm, List<ElmExample> examples) {
        try (NoGradScope noGrad = NoGradScope.enter(); NDManager step = elm.lm().manager().newSubManager()) {
            return elm.logits(elm.collator().collate(examples), step).toFloatArray();
        }
    }

    @Test
    void severalSlotsOfSeveralSpacesEachGetTheirOwnAdaptersOutput() {
        CausalLm lm = new CausalLm(LmConfig.gpt2(tokenizer.vocabSize(), 32, 2, 4, 64), Device.cpu(), 1);
        Map<String, AdapterConfig> spaces = new LinkedHashMap<>();
        spaces.put("movies", new AdapterConfig(3, 16, 32, 2, AdapterConfig.Activation.RELU, 0.02));
        spaces.put("users", new AdapterConfig(5, 8, 32, 1, AdapterConfig.Activation.TANH, 0.02));
        try (ElmModel elm = new ElmModel(lm, tokenizer, spaces, 3); NDManager step = lm.manager().newSubManager();
                NoGradScope noGrad = NoGradScope.enter()) {
            PromptTemplate t = new PromptTemplate("why does {user} like {movie1} but not {movie2}?",
                    Map.of("movie1", "movies", "movie2", "movies", "user", "users"));
            Map<String, float[]> vectors = Map.of("movie1", new float[] {1, 2, 3}, "movie2", new float[] {-1, 0, 1},
                    "user", new float[] {1, 0, 0, 0, 1});
            ElmBatch batch = elm.collator().prompt(new ElmExample("q", t, vectors, ""));
            NDArray embedded = elm.inputEmbeddings(batch, step);
            int[] moviePositions = batch.slots().get("movies").positions();
            int[] userPositions = batch.slots().get("users").positions();
            assertEquals(4, moviePositions.length);
            assertEquals(1, userPositions.length);
            assertTrue(userPositions[0] < moviePositions[0], "{user} comes first in the prompt");
            assertEquals(tokenizer.slotId(0), batch.inputIds()[userPositions[0]]);
            assertEquals(tokenizer.slotId(2), batch.inputIds()[moviePositions[2]]);
            NDArray movie2 = elm.adapter("movies").forward(step.create(vectors.get("movie2"), new Shape(1, 3)));
            assertArrayEquals(movie2.get(new NDIndex("0, 1, :")).toFloatArray(),
                    embedded.get(new NDIndex("0, {}, :", moviePositions[3])).toFloatArray(), 1e-7f);
            NDArray user = elm.adapter("users").forward(step.create(vectors.get("user"), new Shape(1, 5)));
            assertArrayEquals(user.get(new NDIndex("0, 0, :")).toFloatArray(),
                    embedded.get(new NDIndex("0, {}, :", userPositions[0])).toFloatArray(), 1e-7f);
        }
    }

    @Test
    void memoryStaysFlatAndPauseHoldsTheRunUntilResumed() throws Exception {
        TrainingControl control = new TrainingControl();
        List<Integer> arrays = new ArrayList<>();
        long[] pausedFor = {0};
        try (ElmModel elm = model(1, 6)) {
            ElmTrainingConfig config = ElmTrainingConfig.of(StageConfig.of(15, 8, 1e-2), StageConfig.of(25, 8, 1e-3), 3)
                    .withValidation(10);
            ElmTrainingResult result = new ElmTrainer(elm, ToyTask.points(64, 4), ToyTask.points(16, 5), config)
                    .withControl(control)
                    .withListener((stage, event) -> {
                        if (event instanceof TrainingEvent.StepEvent s) {
                            arrays.add(elm.lm().manager().getManagedArrays().size());
                            if (s.step() == 20) {
                                control.pause();
                                Thread resumer = new Thread(() -> {
                                    try {
                                        Thread.sleep(200);
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                    control.resume();
                                });
                                pausedFor[0] = System.nanoTime();
                                resumer.start();
                            } else if (s.step() == 21) {
                                pausedFor[0] = System.nanoTime() - pausedFor[0];
                            }
                        }
                    }).run();
            assertEquals(40, result.step());
            assertFalse(result.cancelled());
            assertTrue(pausedFor[0] >= 150_000_000L, "the run must wait while paused");
            // Stage 2 adds one optimizer's moments, then nothing grows step over step.
            assertEquals(arrays.get(17), arrays.get(39), "arrays held by the model grew during stage 2: " + arrays);
            assertEquals(arrays.get(2), arrays.get(14), "arrays held by the model grew during stage 1: " + arrays);
        }
    }

    static Map<String, float[]> snapshot(Map<String, NDArray> parameters) {
        Map<String, float[]> copy = new LinkedHashMap<>();
        parameters.forEach((name, array) -> copy.put(name, array.toFloatArray()));
        return copy;
    }
}
