package dev.elmstudio.engine.bench;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import ai.djl.util.cuda.CudaUtils;
import dev.elmstudio.engine.elm.ElmExample;
import dev.elmstudio.engine.elm.ElmModel;
import dev.elmstudio.engine.elm.ElmTrainer;
import dev.elmstudio.engine.elm.ElmTrainingConfig;
import dev.elmstudio.engine.elm.LoraConfig;
import dev.elmstudio.engine.elm.Stage;
import dev.elmstudio.engine.elm.StageConfig;
import dev.elmstudio.engine.elm.experiments.ToyTask;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.LmConfig;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import dev.elmstudio.engine.train.ComputeOptions;
import dev.elmstudio.engine.train.MemoryEstimate;
import dev.elmstudio.engine.train.TrainingEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * ELM stage 2 throughput and memory: the real {@link ElmTrainer} (adapter + LM, full fine-tuning or LoRA) on a
 * GPT-2-124M-shaped model with random weights, or a tiny one to check the program itself on a CPU.
 *
 * <p>Reports training tokens/s (padded tokens of the collated batches over the measured steps), peak memory and
 * the model FLOP utilisation. Peak memory on a GPU is the device memory in use after the measured steps as CUDA
 * reports it (total − free): PyTorch's caching allocator keeps the blocks it reserved at the step's peak, so this is
 * the reserved peak plus the CUDA context (DJL exposes no allocator statistics). On the CPU it is the process's
 * peak resident set (VmHWM). MFU counts model FLOPs per token — 6·N + 12·L·T·D for full training, 4·N + 12·L·T·D
 * with LoRA (no weight gradients for frozen matrices; recomputation for checkpointing is not model FLOPs), N the
 * matrix parameters including the head — against the fastest square matmul of the same device and precision.
 */
public final class Stage2Benchmark {

    /**
     * @param shape "gpt2-124m" (vocab 50257, width 768, 12 layers, 12 heads, 1024 positions) or "tiny"
     * @param lora rank of LoRA on c_attn, c_proj, c_fc (0 = full fine-tuning)
     * @param targetWords words of each example's target text (sets the sequence length)
     */
    public record Settings(String shape, Device device, ComputeOptions compute, int batch, int lora, int warmupSteps,
            int steps, int targetWords, long seed) {
        public Settings {
            if (!shape.equals("gpt2-124m") && !shape.equals("tiny")) {
                throw new IllegalArgumentException("shape '" + shape + "' is not gpt2-124m or tiny");
            }
            if (batch <= 0 || warmupSteps < 0 || steps <= 0 || targetWords <= 0 || lora < 0) {
                throw new IllegalArgumentException("need batch > 0, steps > 0, target words > 0, warm-up >= 0,"
                        + " LoRA rank >= 0");
            }
        }
    }

    /** What one configuration measured. */
    public record Result(Settings settings, long parameters, int sequenceLength, double msPerStep,
            double tokensPerSecond, long peakMemoryBytes, String memoryKind, double peakGflops, double flopsPerToken,
            MemoryEstimate estimate, double firstLoss, double lastLoss) {

        public double mfu() {
            return flopsPerToken * tokensPerSecond / (peakGflops * 1e9);
        }

        public String line() {
            Settings s = settings;
            return String.format(Locale.ROOT, "STAGE2 mode=%s shape=%s device=%s precision=%s batch=%d"
                    + " micro_batches=%d checkpoint_activations=%b seq=%d params=%d tokens_per_s=%.1f ms_per_step=%.1f"
                    + " peak_mem_mib=%.1f mem=%s estimate_mib=%.1f peak_gflops=%.1f mfu=%.4f loss=%.3f->%.3f",
                    s.lora() == 0 ? "full" : "lora" + s.lora(), s.shape(), s.device(),
                    s.compute().precision().label(), s.batch(), s.compute().microBatches(),
                    s.compute().checkpointActivations(), sequenceLength, parameters, tokensPerSecond, msPerStep,
                    peakMemoryBytes / 1048576.0, memoryKind, estimate.totalBytes() / 1048576.0, peakGflops, mfu(),
                    firstLoss, lastLoss);
        }
    }

    private Stage2Benchmark() {}

    public static Result run(Settings s, Consumer<String> log) throws IOException {
        Path scratch = Files.createTempDirectory("elm-stage2-bench");
        try (Tokenizer tokenizer = ToyTask.tokenizer(scratch)) {
            LmConfig config = s.shape().equals("gpt2-124m")
                    ? LmConfig.gpt2(50257, 768, 12, 12, 1024)
                    : LmConfig.gpt2(Math.max(512, tokenizer.vocabSize()), 64, 2, 4, 256);
            DataType type = s.compute().precision().computeType();
            // Best of 20: on a shared CPU a single product can be slowed many times over by other processes.
            double peak = MatmulPeak.measure(s.shape().equals("tiny") ? 1024 : 4096, 20, s.device(), type);
            log.accept(String.format(Locale.ROOT, "matmul peak on %s in %s: %.1f GFLOP/s", s.device(), type, peak));
            CausalLm lm = new CausalLm(config, s.device(), s.seed());
            try (ElmModel elm = new ElmModel(lm, tokenizer, Map.of(ToyTask.SPACE, ToyTask.adapter(config, 2)),
                    s.seed())) {
                if (s.lora() > 0) {
                    elm.enableLora(new LoraConfig(s.lora(), 2.0 * s.lora(),
                            List.of("attn.c_attn", "attn.c_proj", "mlp.c_fc", "mlp.c_proj")), s.seed());
                }
                List<ElmExample> examples = examples(s, 4 * s.batch());
                int sequence = elm.collator().collate(examples.subList(0, s.batch())).length();
                int total = s.warmupSteps() + s.steps();
                ElmTrainingConfig training = ElmTrainingConfig.of(StageConfig.skipped(),
                        StageConfig.of(total, s.batch(), 1e-4), s.seed()).withCompute(s.compute());
                List<Long> stepEnds = new ArrayList<>();
                List<Double> losses = new ArrayList<>();
                ElmTrainer trainer = new ElmTrainer(elm, examples, List.of(), training)
                        .withListener((stage, event) -> {
                            if (event instanceof TrainingEvent.StepEvent step) {
                                stepEnds.add(System.nanoTime());
                                losses.add(step.loss());
                            }
                        });
                MemoryEstimate estimate = trainer.memoryEstimate(Stage.FULL);
                log.accept("memory estimate: " + estimate.summary());
                trainer.run();
                double seconds = (stepEnds.get(total - 1) - stepEnds.get(s.warmupSteps() == 0 ? 0
                        : s.warmupSteps() - 1)) / 1e9;
                int measured = s.warmupSteps() == 0 ? total - 1 : s.steps();
                double msPerStep = 1e3 * seconds / Math.max(1, measured);
                double tokensPerSecond = (double) s.batch() * sequence / (msPerStep / 1e3);
                long matrixParameters = config.parameterCount() - (long) config.maxPositions() * config.hiddenSize();
                double attention = 12.0 * config.numLayers() * sequence * config.hiddenSize();
                double flops = (s.lora() > 0 ? 4.0 : 6.0) * matrixParameters + attention;
                boolean gpu = s.device().isGpu();
                long peakMemory = gpu ? CudaUtils.getGpuMemory(s.device()).getCommitted() : peakResidentBytes();
                return new Result(s, config.parameterCount(), sequence, msPerStep, tokensPerSecond, peakMemory,
                        gpu ? "cuda_used_after_steps" : "cpu_peak_rss", peak, flops, estimate, losses.get(0),
                        losses.get(losses.size() - 1));
            }
        } finally {
            try (var files = Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** ToyTask prompts with a random point and a target of {@code targetWords} random task words. */
    private static List<ElmExample> examples(Settings s, int count) {
        SplittableRandom random = new SplittableRandom(s.seed());
        List<ElmExample> examples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder target = new StringBuilder();
            for (int w = 0; w < s.targetWords(); w++) {
                target.append(' ').append(ToyTask.WORDS.get(random.nextInt(ToyTask.WORDS.size())));
            }
            float[] xy = {(float) random.nextDouble(-1, 1), (float) random.nextDouble(-1, 1)};
            examples.add(new ElmExample("b" + i, ToyTask.PROMPT, Map.of("point", xy), target.toString()));
        }
        return examples;
    }

    /** VmHWM: the most resident memory the process has had. */
    private static long peakResidentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return 1024 * Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
