package dev.elmstudio.engine.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.engine.elm.ElmModel;
import dev.elmstudio.engine.elm.experiments.ToyTask;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.Generation;
import dev.elmstudio.engine.lm.GenerationConfig;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Newest-request-wins generation on a real (untrained) ELM: a request that arrives while another generates stops
 * it at its next token, one still waiting is dropped without running, and the newest runs to its end.
 */
class LatestGenerationTest {
    @TempDir
    static Path folder;
    static Tokenizer tokenizer;
    static ExploreSession session;

    /** Never the end-of-text id: every text runs to its token budget, so timing cannot end one early. */
    private static final GenerationConfig SIX = new GenerationConfig(6, 0, 0, 1, 0, List.of(), List.of(-1L));

    @BeforeAll
    static void openSession() throws Exception {
        tokenizer = ToyTask.tokenizer(folder);
        CausalLm lm = new CausalLm(ToyTask.lmConfig(tokenizer), Device.cpu(), 3);
        ElmModel model = new ElmModel(lm, tokenizer, Map.of(ToyTask.SPACE, ToyTask.adapter(lm.config(), 2)), 3);
        model.putTemplate("where", ToyTask.PROMPT);
        int d = ToyTask.adapter(lm.config(), 2).inputDim();
        float[] vectors = new float[3 * d];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = (float) Math.sin(i + 1.0);
        }
        EmbeddingSpace space = new EmbeddingSpace("points", new int[] {10, 20, 30}, vectors, d);
        session = new ExploreSession(model, space, new ConceptDirections(space, null, 0), null);
    }

    @AfterAll
    static void close() {
        session.close();
        tokenizer.close();
    }

    @Test
    void aNewRequestStopsTheRunningOneAndDropsTheWaitingOne() throws Exception {
        Recorder first = new Recorder(new CountDownLatch(1));
        Recorder second = new Recorder(null);
        Recorder third = new Recorder(null);
        try (LatestGeneration generations = new LatestGeneration()) {
            generations.submit(session, request(0.0), first);
            assertTrue(first.firstToken.await(30, TimeUnit.SECONDS));
            // The first generation is now held inside its first token's callback.
            generations.submit(session, request(0.5), second);
            long newest = generations.submit(session, request(1.0), third);
            assertEquals("cancelled", second.events.poll(30, TimeUnit.SECONDS), "dropped while waiting, never started");
            first.release.countDown();
            assertEquals("cancelled", first.end());
            assertEquals(1, first.tokens.get(), "stopped at the token after the newer request came");
            assertEquals("finished", third.end());
            assertEquals(6, third.tokens.get());
            assertTrue(generations.isCurrent(newest));
            Generation reference = session.generate("where", session.vectorFor(ExploreInput.between(10, 30, 1.0)),
                    SIX, null);
            assertEquals(reference.text(), third.text);
        }
    }

    @Test
    void interpolationEndsAreTheEntitiesAndNearestFindsThem() {
        float[] a = session.space().byId().apply(10);
        float[] c = session.space().byId().apply(30);
        assertArrayEquals(a, session.vectorFor(ExploreInput.between(10, 30, 0)));
        assertArrayEquals(c, session.vectorFor(ExploreInput.between(10, 30, 1)));
        assertArrayEquals(a, session.vectorFor(ExploreInput.entity(10)));
        List<NearestEntities.Neighbour> nearest = session.nearest(c, 3);
        assertEquals(30, nearest.get(0).id());
        assertEquals(1.0, nearest.get(0).cosine(), 1e-6);
        assertTrue(nearest.get(1).cosine() >= nearest.get(2).cosine());
    }

    private static LatestGeneration.Request request(double t) {
        return new LatestGeneration.Request("where", ExploreInput.between(10, 30, t), SIX);
    }

    /** Records one request's events; optionally holds the generation thread in the first token. */
    private static final class Recorder implements LatestGeneration.Listener {
        final CountDownLatch release;
        final CountDownLatch firstToken = new CountDownLatch(1);
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        final AtomicInteger tokens = new AtomicInteger();
        volatile String text = "";

        Recorder(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public void token(String textSoFar) {
            tokens.incrementAndGet();
            firstToken.countDown();
            if (release != null) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void finished(Generation generation) {
            text = generation.text();
            events.add("finished");
        }

        @Override
        public void cancelled() {
            events.add("cancelled");
        }

        @Override
        public void failed(Throwable error) {
            events.add("failed: " + error);
        }

        String end() throws InterruptedException {
            return events.poll(30, TimeUnit.SECONDS);
        }
    }
}
