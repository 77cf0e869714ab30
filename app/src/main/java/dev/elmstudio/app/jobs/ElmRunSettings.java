package dev.elmstudio.app.jobs;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import dev.elmstudio.engine.train.ComputeOptions;
import dev.elmstudio.engine.train.Precision;
import java.util.List;
import java.util.Map;

/**
 * Everything an ELM run was started with, kept as the run's {@code config_json}: resuming rebuilds the same model,
 * data and schedule from it, which is what makes the resumed losses equal the uninterrupted ones. The CLI
 * ({@code elm train}) and the Train panel write the same record, so each resumes the other's runs.
 *
 * <p>Fields added after the first release are nullable or zero in older runs' JSON and read with the old meaning:
 * no {@code spaces} = every slot reads {@code space}, no {@code tasks} = every task, no warm-up = the old default
 * (10 updates), no {@code validationFraction} = no held-out examples, no {@code device} = CPU.
 *
 * @param dataset the dataset whose tasks are trained on
 * @param space the embedding space of the first slot (every slot's, when {@code spaces} is null)
 * @param spaces slot name → embedding space; null = every slot reads {@code space}
 * @param tasks task names trained on; null or empty = every task of the dataset
 * @param baseModel a Hugging Face model folder to start from, or null for a fresh tiny GPT with its own tokenizer
 * @param layers layers of the fresh GPT (ignored with a base model)
 * @param width hidden size of the fresh GPT
 * @param context positions of the fresh GPT
 * @param vocab vocabulary of the fresh tokenizer
 * @param adapterHidden hidden width of the adapters E_A
 * @param stage1Steps adapter-only updates (ignored when {@code stage1Epochs} > 0)
 * @param stage2Steps full (or LoRA) updates (ignored when {@code stage2Epochs} > 0)
 * @param stage1Epochs passes over the training examples in stage 1; 0 = use {@code stage1Steps}
 * @param stage2Epochs passes in stage 2; 0 = use {@code stage2Steps}
 * @param stage2Batch examples per stage-2 update; 0 = {@code batch}
 * @param stage1Warmup linear warm-up updates of stage 1; null = min(steps, 10)
 * @param stage2Warmup likewise for stage 2
 * @param loraRank 0 = stage 2 trains every LM weight; otherwise the LoRA rank r
 * @param loraAlpha LoRA scale numerator (update scaled by alpha / r)
 * @param loraTargets projections that get LoRA (weight names ending with {@code <target>.weight})
 * @param validationFraction share of the entities held out for the validation loss (0 = none)
 * @param checkpointInterval updates between resumable checkpoints (0 = none)
 * @param device device name ("cpu", "gpu", "gpu:1", DJL's "gpu0", "auto"); null = CPU
 * @param textOnly the text-only baseline: no adapter, each slot of a prompt replaced by the film's "Title (year)"
 *     (false in runs recorded before it existed)
 * @param precision "fp32" or "fp16"; null (older runs) = fp32
 * @param microBatches parts each batch is split into (gradient accumulation); 0 (older runs) = 1
 * @param checkpointActivations recompute blocks in backward instead of keeping their activations
 */
public record ElmRunSettings(String dataset, String space, Map<String, String> spaces, List<String> tasks,
        String baseModel, int layers, int width, int heads, int context, int vocab, int adapterHidden,
        int stage1Steps, int stage2Steps, int stage1Epochs, int stage2Epochs, int batch, int stage2Batch,
        double stage1Lr, double stage2Lr, Integer stage1Warmup, Integer stage2Warmup,
        int loraRank, double loraAlpha, List<String> loraTargets, double validationFraction,
        int checkpointInterval, long seed, String device, boolean textOnly, String precision, int microBatches,
        boolean checkpointActivations) {

    private static final Gson GSON = new Gson();

    /** Settings computing in fp32 with whole batches (as before precision and micro-batches existed). */
    public ElmRunSettings(String dataset, String space, Map<String, String> spaces, List<String> tasks,
            String baseModel, int layers, int width, int heads, int context, int vocab, int adapterHidden,
            int stage1Steps, int stage2Steps, int stage1Epochs, int stage2Epochs, int batch, int stage2Batch,
            double stage1Lr, double stage2Lr, Integer stage1Warmup, Integer stage2Warmup,
            int loraRank, double loraAlpha, List<String> loraTargets, double validationFraction,
            int checkpointInterval, long seed, String device) {
        this(dataset, space, spaces, tasks, baseModel, layers, width, heads, context, vocab, adapterHidden,
                stage1Steps, stage2Steps, stage1Epochs, stage2Epochs, batch, stage2Batch, stage1Lr, stage2Lr,
                stage1Warmup, stage2Warmup, loraRank, loraAlpha, loraTargets, validationFraction, checkpointInterval,
                seed, device, false);
    }

    /** Settings computing in fp32 with whole batches; {@code textOnly} as given. */
    public ElmRunSettings(String dataset, String space, Map<String, String> spaces, List<String> tasks,
            String baseModel, int layers, int width, int heads, int context, int vocab, int adapterHidden,
            int stage1Steps, int stage2Steps, int stage1Epochs, int stage2Epochs, int batch, int stage2Batch,
            double stage1Lr, double stage2Lr, Integer stage1Warmup, Integer stage2Warmup,
            int loraRank, double loraAlpha, List<String> loraTargets, double validationFraction,
            int checkpointInterval, long seed, String device, boolean textOnly) {
        this(dataset, space, spaces, tasks, baseModel, layers, width, heads, context, vocab, adapterHidden,
                stage1Steps, stage2Steps, stage1Epochs, stage2Epochs, batch, stage2Batch, stage1Lr, stage2Lr,
                stage1Warmup, stage2Warmup, loraRank, loraAlpha, loraTargets, validationFraction, checkpointInterval,
                seed, device, textOnly, null, 0, false);
    }

    /** How the run computes: precision, micro-batches, activation checkpointing. */
    public ComputeOptions compute() {
        return new ComputeOptions(precision == null ? Precision.FP32 : Precision.parse(precision), microBatches,
                checkpointActivations, 0);
    }

    /** These settings on {@code deviceName} (null keeps the current one) computing as {@code options} say. */
    public ElmRunSettings withCompute(String deviceName, ComputeOptions options) {
        return new ElmRunSettings(dataset, space, spaces, tasks, baseModel, layers, width, heads, context, vocab,
                adapterHidden, stage1Steps, stage2Steps, stage1Epochs, stage2Epochs, batch, stage2Batch, stage1Lr,
                stage2Lr, stage1Warmup, stage2Warmup, loraRank, loraAlpha, loraTargets, validationFraction,
                checkpointInterval, seed, deviceName == null ? device : deviceName, textOnly, options.precision().label(),
                options.microBatches(), options.checkpointActivations());
    }

    /** The settings {@code elm train} had before slots, tasks, warm-up, LoRA, validation and device were added. */
    public static ElmRunSettings basic(String dataset, String space, String baseModel, int layers, int width,
            int heads, int context, int vocab, int adapterHidden, int stage1Steps, int stage2Steps, int batch,
            double stage1Lr, double stage2Lr, int checkpointInterval, long seed) {
        return new ElmRunSettings(dataset, space, null, null, baseModel, layers, width, heads, context, vocab,
                adapterHidden, stage1Steps, stage2Steps, 0, 0, batch, 0, stage1Lr, stage2Lr, null, null, 0, 0, null, 0,
                checkpointInterval, seed, null, false);
    }

    /** The space slot {@code slot} reads. */
    public String spaceFor(String slot) {
        if (spaces != null && spaces.containsKey(slot)) {
            return spaces.get(slot);
        }
        return space;
    }

    /** Whether {@code task} is one this run trains on. */
    public boolean includesTask(String task) {
        return tasks == null || tasks.isEmpty() || tasks.contains(task);
    }

    public boolean usesLora() {
        return loraRank > 0;
    }

    /** Examples per update in stage 2. */
    public int stage2BatchSize() {
        return stage2Batch > 0 ? stage2Batch : batch;
    }

    public String deviceName() {
        return device == null || device.isBlank() ? "cpu" : device;
    }

    public String toJson() {
        return GSON.toJson(this);
    }

    /** Reads a run's settings; fails with a sentence when the run was not started by an ELM training. */
    public static ElmRunSettings fromJson(String json, long runId) {
        try {
            ElmRunSettings settings = GSON.fromJson(json, ElmRunSettings.class);
            if (settings == null || settings.dataset() == null || settings.space() == null) {
                throw new JsonParseException("dataset or space missing");
            }
            return settings;
        } catch (JsonParseException e) {
            throw new ElmRunException("run " + runId + " was not started as an ELM training (its settings cannot"
                    + " be read: " + e.getMessage() + ")", e);
        }
    }
}
