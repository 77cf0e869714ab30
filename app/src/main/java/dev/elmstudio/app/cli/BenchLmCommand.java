package dev.elmstudio.app.cli;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import dev.elmstudio.engine.bench.LmBenchmark;
import dev.elmstudio.engine.bench.LmBenchmarkSettings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code elm bench lm}: training and decoding throughput of the language model, with the flags and output keys
 * of {@code bench/reference_lm.py} so {@code bench/run-lm-bench.sh} can print their ratio.
 */
@Command(name = "lm", mixinStandardHelpOptions = true,
        description = "Training tokens/s and KV-cache decoding tokens/s of a GPT-2-style model on random tokens.")
final class BenchLmCommand implements Callable<Integer> {
    private static final LmBenchmarkSettings DEFAULTS = LmBenchmarkSettings.documented();

    @Spec
    private CommandSpec spec;

    @Option(names = "--layers", description = "Transformer blocks (default ${DEFAULT-VALUE}).")
    int layers = DEFAULTS.layers();

    @Option(names = "--width", description = "Model width (default ${DEFAULT-VALUE}).")
    int width = DEFAULTS.width();

    @Option(names = "--heads", description = "Attention heads (default ${DEFAULT-VALUE}).")
    int heads = DEFAULTS.heads();

    @Option(names = "--context", description = "Training sequence length (default ${DEFAULT-VALUE}).")
    int context = DEFAULTS.context();

    @Option(names = "--vocab", description = "Vocabulary size (default ${DEFAULT-VALUE}).")
    int vocab = DEFAULTS.vocab();

    @Option(names = "--batch", description = "Sequences per training step (default ${DEFAULT-VALUE}).")
    int batch = DEFAULTS.batch();

    @Option(names = "--threads", description = "PyTorch intra-op threads (default ${DEFAULT-VALUE}).")
    int threads = DEFAULTS.threads();

    @Option(names = "--warmup-steps", description = "Unmeasured training steps first (default ${DEFAULT-VALUE}).")
    int warmupSteps = DEFAULTS.warmupSteps();

    @Option(names = "--steps", description = "Measured training steps (default ${DEFAULT-VALUE}).")
    int steps = DEFAULTS.steps();

    @Option(names = "--decode-tokens", description = "Tokens generated per decoding run (default ${DEFAULT-VALUE}).")
    int decodeTokens = DEFAULTS.decodeTokens();

    @Option(names = "--prompt-len", description = "Prompt tokens before decoding (default ${DEFAULT-VALUE}).")
    int promptLength = DEFAULTS.promptLength();

    @Option(names = "--seed", description = "Seed of weights and data (default ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        LmBenchmarkSettings settings;
        try {
            settings = new LmBenchmarkSettings(layers, width, heads, context, vocab, batch, threads, warmupSteps,
                    steps, decodeTokens, promptLength, seed);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("bench lm: " + e.getMessage(), e);
        }
        // Same intra-op thread count as the reference script: before the engine loads through the property DJL
        // reads, and afterwards directly, in case something loaded it already.
        System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads));
        Engine.getInstance();
        JniUtils.setNumThreads(threads);
        LmBenchmark.Result result = LmBenchmark.run(settings, line -> {
            out.println(line);
            out.flush();
        });
        out.println(result.line("OURS"));
        out.flush();
        return 0;
    }
}
