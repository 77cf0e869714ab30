package dev.elmstudio.app.cli;

import ai.djl.Device;
import com.google.gson.GsonBuilder;
import dev.elmstudio.app.jobs.TrainingFaults;
import dev.elmstudio.engine.checkpoint.LmCheckpoint;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.LmConfig;
import dev.elmstudio.engine.tokenizer.BpeTrainer;
import dev.elmstudio.engine.tokenizer.TextCorpus;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import dev.elmstudio.engine.train.ComputeOptions;
import dev.elmstudio.engine.train.PretrainConfig;
import dev.elmstudio.engine.train.Pretrainer;
import dev.elmstudio.engine.train.TokenBlockDataset;
import dev.elmstudio.engine.train.TrainingControl;
import dev.elmstudio.engine.train.TrainingListener;
import dev.elmstudio.engine.train.TrainingOutOfMemoryException;
import dev.elmstudio.engine.train.TrainingResult;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.RunKind;
import dev.elmstudio.storage.RunStatus;
import dev.elmstudio.storage.TrainingRecorder;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code elm pretrain}: trains a base language model on a text corpus. Trains a BPE tokenizer first unless one is
 * given, writes resumable checkpoints under {@code OUT/checkpoints/}, and finally a Hugging Face-style model
 * folder {@code OUT/model/} (config.json, model.safetensors, tokenizer.json). With {@code --workspace} the run,
 * its metrics and checkpoints are recorded there for the app to show.
 */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = "Pretrain a base language model on UTF-8 text (documents separated by blank lines).")
final class PretrainCommand implements Callable<Integer> {
    private static final String COMMAND = "pretrain";

    @Spec
    private CommandSpec spec;

    @Option(names = "--corpus", required = true, split = ",", paramLabel = "FILE",
            description = "Text files (UTF-8; blank lines separate documents).")
    List<Path> corpus;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--tokenizer", paramLabel = "FILE", description = "Existing tokenizer.json (else one is trained).")
    Path tokenizerFile;

    @Option(names = "--vocab", description = "Vocabulary size of a trained tokenizer (default ${DEFAULT-VALUE}).")
    int vocab = 4096;

    @Option(names = "--arch", description = "gpt2 or llama (default ${DEFAULT-VALUE}).")
    String arch = "gpt2";

    @Option(names = "--layers", description = "Default ${DEFAULT-VALUE}.")
    int layers = 4;

    @Option(names = "--width", description = "Default ${DEFAULT-VALUE}.")
    int width = 256;

    @Option(names = "--heads", description = "Default ${DEFAULT-VALUE}.")
    int heads = 4;

    @Option(names = "--kv-heads", description = "Key/value heads for llama (default: --heads).")
    Integer kvHeads;

    @Option(names = "--context", description = "Tokens per training sequence (default ${DEFAULT-VALUE}).")
    int context = 128;

    @Option(names = "--batch", description = "Default ${DEFAULT-VALUE}.")
    int batch = 8;

    @Option(names = "--steps", description = "Default ${DEFAULT-VALUE}.")
    int steps = 1000;

    @Option(names = "--lr", description = "Peak learning rate (default ${DEFAULT-VALUE}).")
    double learningRate = 1e-3;

    @Option(names = "--warmup", description = "Warm-up steps (default ${DEFAULT-VALUE}).")
    int warmup = 50;

    @Option(names = "--eval-interval", description = "Default ${DEFAULT-VALUE}.")
    int evalInterval = 100;

    @Option(names = "--checkpoint-interval", description = "Default ${DEFAULT-VALUE}.")
    int checkpointInterval = 200;

    @Option(names = "--seed", description = "Default ${DEFAULT-VALUE}.")
    long seed = 0;

    @Option(names = "--resume", description = "Continue from the latest checkpoint in OUT/checkpoints.")
    boolean resume;

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", description = "Record the run in this workspace.")
    Path workspaceFolder;

    @Mixin
    ComputeSettings compute = new ComputeSettings();

    @Override
    public Integer call() throws Exception {
        PrintWriter printer = spec.commandLine().getOut();
        Device device = compute.device(COMMAND); // an absent GPU fails before anything is read or written
        ComputeOptions computeOptions = compute.over(ComputeOptions.DEFAULT, COMMAND);
        TextCorpus text = readCorpus(); // before anything is written: bad input leaves no output folder behind
        PretrainConfig config;
        try {
            config = PretrainConfig.builder().setSteps(steps).setBatchSize(batch)
                    .setContextLength(context).setLearningRate(learningRate).optMinLearningRate(learningRate / 10)
                    .optWarmupSteps(Math.min(warmup, steps)).optEvalInterval(evalInterval).optEvalBatches(4)
                    .optCheckpointInterval(checkpointInterval).optSeed(seed)
                    .optCheckpointDir(out.resolve("checkpoints")).optCompute(computeOptions).build();
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(COMMAND + ": " + e.getMessage(), e);
        }
        Files.createDirectories(out);
        Path tokenizerPath = prepareTokenizer(text, printer);
        try (Tokenizer tokenizer = Tokenizer.load(tokenizerPath)) {
            long[] tokens = text.encode(tokenizer);
            printer.printf("corpus: %d documents, %d tokens%n", text.documents().size(), tokens.length);
            TokenBlockDataset data = new TokenBlockDataset(tokens, context, 0.05, seed);
            try (Workspace workspace = workspaceFolder == null ? null : Workspace.openOrCreate(workspaceFolder);
                    Pretrainer trainer = newTrainer(tokenizer, data, config, workspace, device)) {
                trainer.withFaultInjector(TrainingFaults.injector());
                ComputeOptions used = trainer.config().compute();
                printer.printf("device %s, %s, %d micro-batch%s%s; memory estimate: %s%n", device,
                        used.precision().label(), used.microBatches(), used.microBatches() == 1 ? "" : "es",
                        used.checkpointActivations() ? ", activation checkpointing" : "",
                        trainer.memoryEstimate().summary());
                TrainingRecorder recorder = workspace == null ? null
                        : resume ? continueRun(workspace, config, trainer.completedSteps()) : startRun(workspace, config);
                TrainingListener progress = new ProgressPrinter(printer, System.console() != null);
                TrainingListener listener = recorder == null ? progress : event -> {
                    progress.onEvent(event);
                    recorder.onEvent(event);
                };
                TrainingControl control = new TrainingControl();
                Thread cancelOnInterrupt = new Thread(control::cancel, "pretrain-cancel");
                Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
                TrainingResult result;
                try {
                    result = trainer.run(listener, control);
                } catch (TrainingOutOfMemoryException e) {
                    if (recorder != null) {
                        recorder.interrupted(); // resumable, not failed
                    }
                    throw new CommandFailure(COMMAND + ": " + e.getMessage(), e);
                } catch (RuntimeException | IOException e) {
                    if (recorder != null) {
                        recorder.failed();
                    }
                    throw e;
                } finally {
                    removeHook(cancelOnInterrupt);
                }
                Path modelDir = out.resolve("model");
                LmCheckpoint.save(trainer.model(), modelDir);
                Files.copy(tokenizerPath, modelDir.resolve("tokenizer.json"), StandardCopyOption.REPLACE_EXISTING);
                printer.printf("model: %s%s%n", modelDir, Double.isNaN(result.validationLoss()) ? ""
                        : String.format(java.util.Locale.ROOT, " (validation loss %.4f)", result.validationLoss()));
                return result.cancelled() ? 1 : 0;
            }
        }
    }

    private TextCorpus readCorpus() throws IOException {
        try {
            return TextCorpus.read(corpus);
        } catch (NoSuchFileException e) {
            throw new CommandFailure("pretrain: corpus file not found: " + e.getFile(), e);
        }
    }

    /** The given tokenizer, or one trained on the corpus and saved as OUT/tokenizer.json. */
    private Path prepareTokenizer(TextCorpus text, PrintWriter printer) throws IOException {
        if (tokenizerFile != null) {
            if (!Files.isRegularFile(tokenizerFile)) {
                throw new CommandFailure("pretrain: tokenizer file not found: " + tokenizerFile);
            }
            return tokenizerFile;
        }
        Path trained = out.resolve("tokenizer.json");
        if (resume && Files.exists(trained)) {
            return trained;
        }
        BpeTrainer.builder().setVocabSize(vocab).build().train(text.documents()).writeTokenizerJson(trained);
        printer.printf("tokenizer: trained %s%n", trained);
        return trained;
    }

    private Pretrainer newTrainer(Tokenizer tokenizer, TokenBlockDataset data, PretrainConfig config,
            Workspace workspace, Device device) throws IOException {
        if (resume) {
            Optional<Path> latest = Pretrainer.latestCheckpoint(config.checkpointDir());
            if (latest.isEmpty()) {
                throw new CommandFailure("pretrain --resume: no checkpoint in " + config.checkpointDir());
            }
            if (workspace != null) {
                for (Run run : workspace.runs().list()) {
                    // A damaged checkpoint is refused before it is loaded, for whichever run recorded it.
                    workspace.checkpoints().verifyRecordedFilesIn(run.id(), latest.get());
                }
            }
            ComputeOptions saved = Pretrainer.savedConfig(latest.get()).compute();
            return Pretrainer.resume(latest.get(), data, device, compute.over(saved, COMMAND));
        }
        LmConfig lm = switch (arch) {
            case "gpt2" -> LmConfig.gpt2(tokenizer.vocabSize(), width, layers, heads, context);
            case "llama" -> LmConfig.llama(tokenizer.vocabSize(), width, layers, heads,
                    kvHeads == null ? heads : kvHeads, width * 8 / 3, context);
            default -> throw new CommandFailure("pretrain: --arch '" + arch + "' not supported (expected gpt2, llama)");
        };
        return Pretrainer.owning(new CausalLm(lm, device, seed), data, config);
    }

    private TrainingRecorder startRun(Workspace workspace, PretrainConfig config) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("corpus", corpus.toString());
        settings.put("out", out.toAbsolutePath().toString());
        settings.put("arch", arch);
        settings.put("layers", layers);
        settings.put("width", width);
        settings.put("heads", heads);
        settings.put("train", config);
        String json = new GsonBuilder().serializeSpecialFloatingPointValues()
                .registerTypeHierarchyAdapter(Path.class, (com.google.gson.JsonSerializer<Path>)
                        (p, t, c) -> new com.google.gson.JsonPrimitive(p.toString()))
                .create().toJson(settings);
        long runId = workspace.runs().create(RunKind.PRETRAIN, "pretrain " + out.getFileName(), json, null).id();
        spec.commandLine().getOut().printf("run %d recorded in %s%n", runId, workspace.folder());
        return new TrainingRecorder(workspace, runId, null);
    }

    /**
     * A resumed run keeps its record: the latest unfinished pretrain run that wrote to this output folder continues,
     * without the values it logged after the checkpoint it resumes from. Without one, a new run is recorded.
     */
    private TrainingRecorder continueRun(Workspace workspace, PretrainConfig config, int checkpointStep) {
        String outPath = out.toAbsolutePath().toString();
        for (Run run : workspace.runs().list()) { // newest first
            if (run.kind() == RunKind.PRETRAIN && run.status() != RunStatus.FINISHED
                    && outPath.equals(configuredOut(run.configJson()))) {
                workspace.metrics().deleteAfter(run.id(), checkpointStep);
                workspace.runs().updateStatus(run.id(), RunStatus.RUNNING);
                spec.commandLine().getOut().printf("run %d resumed at step %d%n", run.id(), checkpointStep);
                return new TrainingRecorder(workspace, run.id(), null);
            }
        }
        return startRun(workspace, config);
    }

    private static String configuredOut(String configJson) {
        try {
            com.google.gson.JsonElement value = com.google.gson.JsonParser.parseString(configJson)
                    .getAsJsonObject().get("out");
            return value == null ? null : value.getAsString();
        } catch (RuntimeException notOurs) {
            return null; // a run recorded by another tool: not the one to continue
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting (Ctrl-C): the hook has run and cancelled the loop.
        }
    }
}
