package dev.elmstudio.engine.bench;

import dev.elmstudio.engine.explore.ExploreInput;
import dev.elmstudio.engine.explore.ExploreSession;
import dev.elmstudio.engine.explore.LatestGeneration;
import dev.elmstudio.engine.lm.Generation;
import dev.elmstudio.engine.lm.GenerationConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;

/**
 * Explore's slider latency: what the user waits for after letting a slider go. Each release submits the new point
 * through {@link LatestGeneration}, exactly as the panel does on release, including the work the panel does when a
 * generation starts ({@code onStart}: nearest entities, map position); the clock runs from the submit call to the
 * first token's callback and to the last token. Greedy decoding with the end-of-text token ignored, so every text
 * has the same number of tokens whatever the model would say. Releases alternate between slider positions, so no
 * two consecutive requests are for the same vector.
 */
public final class SliderLatency {

    /** Milliseconds per measured release. */
    public record Result(List<Double> firstTokenMs, List<Double> fullMs, int tokens) {
        public double firstTokenMedian() { return Stats.median(firstTokenMs); }
        public double firstTokenP90() { return Stats.quantile(firstTokenMs, 0.9); }
        public double fullMedian() { return Stats.median(fullMs); }
        public double fullP90() { return Stats.quantile(fullMs, 0.9); }
    }

    private SliderLatency() {}

    /**
     * @param inputAt the input for a slider position
     * @param positions slider positions visited in turn
     */
    public static Result run(ExploreSession session, String task, DoubleFunction<ExploreInput> inputAt,
            double[] positions, int tokens, int warmup, int repeats, Consumer<float[]> onStart,
            Consumer<String> log) throws InterruptedException {
        // A stop id no tokenizer has: the text always runs to `tokens` (unless the context fills first).
        GenerationConfig config = new GenerationConfig(tokens, 0, 0, 1, 0, List.of(), List.of(-1L));
        List<Double> first = new ArrayList<>();
        List<Double> full = new ArrayList<>();
        int generated = tokens;
        try (LatestGeneration generations = new LatestGeneration()) {
            for (int i = 0; i < warmup + repeats; i++) {
                ExploreInput input = inputAt.apply(positions[i % positions.length]);
                Timing timing = release(generations, session, new LatestGeneration.Request(task, input, config),
                        onStart);
                generated = Math.min(generated, timing.tokens());
                if (i < warmup) {
                    log.accept(String.format(Locale.ROOT, "warm-up %d: first token %.1f ms, %d tokens %.1f ms",
                            i + 1, timing.firstMs(), timing.tokens(), timing.fullMs()));
                    continue;
                }
                first.add(timing.firstMs());
                full.add(timing.fullMs());
                log.accept(String.format(Locale.ROOT, "release %d (%s): first token %.1f ms, %d tokens %.1f ms",
                        i - warmup + 1, describe(input), timing.firstMs(), timing.tokens(), timing.fullMs()));
            }
        }
        return new Result(first, full, generated);
    }

    private record Timing(double firstMs, double fullMs, int tokens) {}

    private static Timing release(LatestGeneration generations, ExploreSession session,
            LatestGeneration.Request request, Consumer<float[]> onStart) throws InterruptedException {
        AtomicLong firstToken = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicReference<Object> outcome = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(1);
        long released = System.nanoTime();
        generations.submit(session, request, new LatestGeneration.Listener() {
            @Override
            public void started(float[] vector) {
                onStart.accept(vector);
            }

            @Override
            public void token(String textSoFar) {
                firstToken.compareAndSet(0, System.nanoTime());
            }

            @Override
            public void finished(Generation generation) {
                done.set(System.nanoTime());
                outcome.set(generation);
                finished.countDown();
            }

            @Override
            public void cancelled() {
                outcome.set("cancelled");
                finished.countDown();
            }

            @Override
            public void failed(Throwable error) {
                outcome.set(error);
                finished.countDown();
            }
        });
        if (!finished.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("a generation did not finish within 10 minutes");
        }
        if (!(outcome.get() instanceof Generation generation)) {
            throw new IllegalStateException("generation did not complete: " + outcome.get(),
                    outcome.get() instanceof Throwable t ? t : null);
        }
        return new Timing((firstToken.get() - released) / 1e6, (done.get() - released) / 1e6,
                generation.tokenIds().length);
    }

    private static String describe(ExploreInput input) {
        return input.shifts() ? String.format(Locale.ROOT, "%s %+.2fσ", input.concept(), input.alpha())
                : input.interpolates() ? String.format(Locale.ROOT, "t = %.2f", input.t()) : "entity";
    }
}
