package dev.elmstudio.app.cli;

import ai.djl.Device;
import dev.elmstudio.engine.bench.Stage2Benchmark;
import dev.elmstudio.engine.train.ComputeOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code elm bench stage2}: ELM stage 2 (full and LoRA) on a GPT-2-124M-shaped model: tokens/s, peak memory, MFU.
 * Meant for a GPU ({@code --device gpu --precision fp16}); {@code --shape tiny} checks it on a CPU.
 */
@Command(name = "stage2", mixinStandardHelpOptions = true,
        description = "ELM stage 2 training throughput, peak memory and MFU (full fine-tuning and LoRA).")
final class BenchStage2Command implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    ComputeSettings compute = new ComputeSettings();

    @Option(names = "--shape", description = "gpt2-124m or tiny (default ${DEFAULT-VALUE}).")
    String shape = "gpt2-124m";

    @Option(names = "--mode", description = "full, lora or both (default ${DEFAULT-VALUE}).")
    String mode = "both";

    @Option(names = "--lora-rank", description = "LoRA rank (default ${DEFAULT-VALUE}).")
    int loraRank = 16;

    @Option(names = "--batch", description = "Examples per update (default ${DEFAULT-VALUE}).")
    int batch = 16;

    @Option(names = "--target-words", description = "Target words per example; sets the sequence length"
            + " (default ${DEFAULT-VALUE}).")
    int targetWords = 120;

    @Option(names = "--warmup-steps", description = "Unmeasured updates first (default ${DEFAULT-VALUE}).")
    int warmupSteps = 3;

    @Option(names = "--steps", description = "Measured updates (default ${DEFAULT-VALUE}).")
    int steps = 10;

    @Option(names = "--seed", description = "Default ${DEFAULT-VALUE}.")
    long seed = 0;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Device device = compute.device("bench stage2");
        ComputeOptions options = compute.over(ComputeOptions.DEFAULT, "bench stage2");
        int[] ranks = switch (mode) {
            case "full" -> new int[] {0};
            case "lora" -> new int[] {loraRank};
            case "both" -> new int[] {0, loraRank};
            default -> throw new CommandFailure("bench stage2: --mode '" + mode + "' is not full, lora or both");
        };
        for (int rank : ranks) {
            Stage2Benchmark.Settings settings;
            try {
                settings = new Stage2Benchmark.Settings(shape, device, options, batch, rank, warmupSteps, steps,
                        targetWords, seed);
            } catch (IllegalArgumentException e) {
                throw new CommandFailure("bench stage2: " + e.getMessage(), e);
            }
            Stage2Benchmark.Result result = Stage2Benchmark.run(settings, line -> {
                out.println(line);
                out.flush();
            });
            out.println(result.line());
            out.flush();
        }
        return 0;
    }
}
