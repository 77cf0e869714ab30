package dev.elmstudio.engine.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.GenerationConfig;
import dev.elmstudio.engine.lm.Generator;
import dev.elmstudio.engine.lm.LmConfig;
import dev.elmstudio.engine.train.PretrainConfig;
import dev.elmstudio.engine.train.Pretrainer;
import dev.elmstudio.engine.train.TokenBlockDataset;
import dev.elmstudio.engine.train.TrainingControl;
import dev.elmstudio.engine.train.TrainingEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Measures the language model the way {@code bench/reference_lm.py} measures its PyTorch twin: training through
 * the real {@link Pretrainer} (forward, loss, backward, clipping, AdamW) on random tokens, and greedy decoding
 * with the KV cache at batch 1. The two print lines with the same keys so a script can take their ratio.
 */
public final class LmBenchmark {

    /** What the benchmark measured; medians over the measured steps / runs. */
    public record Result(LmBenchmarkSettings settings, long parameters, double trainMsPerStep,
            double trainTokensPerSecond, double decodeMsPerToken, double decodeTokensPerSecond, double prefillMs,
            double matmulGflops, double firstLoss, double lastLoss) {

        /** Model FLOP utilisation: 6·N·tokens/s against the measured matmul peak. */
        public double mfu() {
            return 6.0 * parameters * trainTokensPerSecond / (matmulGflops * 1e9);
        }

        public String line(String prefix) {
            return String.format(java.util.Locale.ROOT,
                    "%s train_tokens_per_s=%.1f train_ms_per_step=%.2f decode_tokens_per_s=%.2f "
                            + "decode_ms_per_token=%.3f params=%d matmul_gflops=%.1f threads=%d prefill_ms=%.2f mfu=%.4f",
                    prefix, trainTokensPerSecond, trainMsPerStep, decodeTokensPerSecond, decodeMsPerToken, parameters,
                    matmulGflops, settings.threads(), prefillMs, mfu());
        }
    }

    private LmBenchmark() {}

    public static Result run(LmBenchmarkSettings s, java.util.function.Consumer<String> log) throws IOException {
        LmConfig config = LmConfig.gpt2(s.vocab(), s.width(), s.layers(), s.heads(), s.context());
        double gflops = MatmulPeak.measure(2048, 10);
        log.accept(String.format(java.util.Locale.ROOT, "matmul 2048² fp32: %.1f GFLOP/s", gflops));
        try (CausalLm model = new CausalLm(config, Device.cpu(), s.seed())) {
            TrainTimes train = measureTraining(model, s, log);
            double[] decode = measureDecoding(model, s, log);
            return new Result(s, config.parameterCount(), train.msPerStep, s.batch() * s.context() / (train.msPerStep / 1e3),
                    decode[0], 1e3 / decode[0], decode[1], gflops, train.firstLoss, train.lastLoss);
        }
    }

    private record TrainTimes(double msPerStep, double firstLoss, double lastLoss) {}

    private static TrainTimes measureTraining(CausalLm model, LmBenchmarkSettings s, java.util.function.Consumer<String> log)
            throws IOException {
        int totalSteps = s.warmupSteps() + s.steps();
        long[] tokens = new SplittableRandom(s.seed()).longs((long) (totalSteps + 1) * s.batch() * (s.context() + 1), 0,
                s.vocab()).toArray();
        TokenBlockDataset data = new TokenBlockDataset(tokens, s.context(), 0.0, s.seed());
        PretrainConfig config = PretrainConfig.builder().setSteps(totalSteps).setBatchSize(s.batch())
                .setContextLength(s.context()).setLearningRate(3e-4).optMinLearningRate(3e-5).optWarmupSteps(0)
                .optWeightDecay(0.1).optBetas(0.9, 0.95).optMaxGradNorm(1.0).optEvalInterval(0).optSeed(s.seed())
                .build();
        List<Double> stepMs = new ArrayList<>();
        double[] losses = {Double.NaN, Double.NaN};
        long[] last = {System.nanoTime()};
        try (Pretrainer trainer = new Pretrainer(model, data, config)) {
            trainer.run(event -> {
                if (event instanceof TrainingEvent.StepEvent step) {
                    long now = System.nanoTime();
                    if (step.step() > s.warmupSteps()) {
                        stepMs.add((now - last[0]) / 1e6);
                    }
                    last[0] = now;
                    losses[Double.isNaN(losses[0]) ? 0 : 1] = step.loss();
                }
            }, new TrainingControl());
        }
        double median = Stats.median(stepMs);
        log.accept(String.format(java.util.Locale.ROOT,
                "train: %d measured steps, median %.1f ms/step (min %.1f), loss %.4f -> %.4f", stepMs.size(), median,
                stepMs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN), losses[0], losses[1]));
        return new TrainTimes(median, losses[0], losses[1]);
    }

    /** @return {median ms per generated token, median prefill ms} */
    private static double[] measureDecoding(CausalLm model, LmBenchmarkSettings s, java.util.function.Consumer<String> log) {
        model.setTrainable(name -> false);
        System.gc(); // training's garbage should not be collected inside the decode timings
        long[] prompt = new SplittableRandom(s.seed() + 1).longs(s.promptLength(), 0, s.vocab()).toArray();
        Generator generator = new Generator(model, null);
        GenerationConfig greedy = GenerationConfig.greedy(s.decodeTokens());
        // The JIT needs a few runs to compile DJL's wrappers around each op (the app is long-lived; the Python
        // reference has no JIT to warm up), so three unmeasured runs, then the median of five.
        for (int run = 0; run < 3; run++) {
            generator.generate(prompt, greedy, null);
        }
        List<Double> perToken = new ArrayList<>();
        List<Double> prefill = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            long[] firstTokenAt = {0};
            generator.generate(prompt, greedy, (id, text) -> {
                if (firstTokenAt[0] == 0) {
                    firstTokenAt[0] = System.nanoTime();
                }
                return true;
            });
            long end = System.nanoTime();
            prefill.add((firstTokenAt[0] - start) / 1e6);
            perToken.add((end - firstTokenAt[0]) / 1e6 / (s.decodeTokens() - 1));
        }
        double ms = Stats.median(perToken);
        log.accept(String.format(java.util.Locale.ROOT,
                "decode: batch 1, prompt %d, %d new tokens greedy with KV cache: %.2f ms/token (%.1f tokens/s), "
                        + "prefill %.1f ms", s.promptLength(), s.decodeTokens(), ms, 1e3 / ms, Stats.median(prefill)));
        return new double[] {ms, Stats.median(prefill)};
    }
}
