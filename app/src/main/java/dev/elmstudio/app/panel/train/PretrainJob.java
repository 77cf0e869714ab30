package dev.elmstudio.app.panel.train;

import ai.djl.Device;
import dev.elmstudio.app.jobs.TrainingGate;
import dev.elmstudio.engine.checkpoint.LmCheckpoint;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.LmConfig;
import dev.elmstudio.engine.tokenizer.BpeTrainer;
import dev.elmstudio.engine.tokenizer.TextCorpus;
import dev.elmstudio.engine.tokenizer.Tokenizer;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A pretraining run as the app does it, on the calling (background) thread: the same steps as
 * {@code elm pretrain -w}. The thread opens the workspace for writing and is its single writer for
 * the run's length; the UI reads through read-only connections meanwhile.
 */
final class PretrainJob {

    private static final double VALIDATION_FRACTION = 0.05;

    private PretrainJob() {}

    /** Starts a new run; {@code started} gets its id as soon as it is recorded. */
    static TrainingResult start(Path workspaceFolder, PretrainSettings settings, Device device,
            TrainingListener ui, TrainingControl control, LongConsumer started) throws IOException {
        try (TrainingGate.Lease gate = TrainingGate.enter("pretraining on " + settings.corpus().getFileName());
                Workspace workspace = Workspace.openOrCreate(workspaceFolder)) {
            TextCorpus text = TextCorpus.read(List.of(settings.corpus()));
            String name = "pretrain-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path out = workspace.checkpointsFolder().resolve(name);
            Files.createDirectories(out);
            Path tokenizerPath = out.resolve("tokenizer.json");
            BpeTrainer.builder().setVocabSize(settings.vocab()).build().train(text.documents())
                    .writeTokenizerJson(tokenizerPath);
            try (Tokenizer tokenizer = Tokenizer.load(tokenizerPath)) {
                TokenBlockDataset data = new TokenBlockDataset(text.encode(tokenizer), settings.context(),
                        VALIDATION_FRACTION, settings.seed());
                PretrainConfig config = PretrainConfig.builder().setSteps(settings.steps())
                        .setBatchSize(settings.batch()).setContextLength(settings.context())
                        .setLearningRate(settings.learningRate()).optMinLearningRate(settings.learningRate() / 10)
                        .optWarmupSteps(settings.warmupSteps()).optEvalInterval(settings.evalInterval())
                        .optEvalBatches(2).optCheckpointInterval(settings.checkpointInterval())
                        .optSeed(settings.seed()).optCheckpointDir(out.resolve("checkpoints")).build();
                LmConfig lm = LmConfig.gpt2(tokenizer.vocabSize(), settings.width(), settings.layers(),
                        settings.heads(), settings.context());
                long runId = workspace.runs().create(RunKind.PRETRAIN, name,
                        PretrainRunConfig.toJson(settings, out, config), null).id();
                started.accept(runId);
                try (Pretrainer trainer = Pretrainer.owning(new CausalLm(lm, device, settings.seed()), data, config)) {
                    return train(workspace, runId, trainer, out, tokenizerPath, ui, control);
                }
            }
        }
    }

    /** Continues an interrupted or cancelled run from its newest checkpoint, in the same record. */
    static TrainingResult resume(Path workspaceFolder, long runId, Device device, TrainingListener ui,
            TrainingControl control) throws IOException {
        try (TrainingGate.Lease gate = TrainingGate.enter("pretraining run " + runId);
                Workspace workspace = Workspace.openOrCreate(workspaceFolder)) {
            Run run = workspace.runs().get(runId).orElseThrow(
                    () -> new IllegalArgumentException("run " + runId + " is no longer in this workspace"));
            PretrainRunConfig recorded = PretrainRunConfig.parse(run.configJson());
            Path checkpoint = Pretrainer.latestCheckpoint(recorded.checkpointDir()).orElseThrow(
                    () -> new IllegalArgumentException("run " + runId + " has no checkpoint in "
                            + recorded.checkpointDir() + " to resume from"));
            Path tokenizerPath = recorded.out().resolve("tokenizer.json");
            TextCorpus text = TextCorpus.read(recorded.corpus());
            try (Tokenizer tokenizer = Tokenizer.load(tokenizerPath)) {
                TokenBlockDataset data = new TokenBlockDataset(text.encode(tokenizer), recorded.contextLength(),
                        VALIDATION_FRACTION, recorded.seed());
                try (Pretrainer trainer = Pretrainer.resume(checkpoint, data, device)) {
                    // The values logged after the checkpoint are recomputed; the old ones must not stay beside them.
                    workspace.metrics().deleteAfter(runId, trainer.completedSteps());
                    workspace.runs().updateStatus(runId, RunStatus.RUNNING);
                    return train(workspace, runId, trainer, recorded.out(), tokenizerPath, ui, control);
                }
            }
        }
    }

    private static TrainingResult train(Workspace workspace, long runId, Pretrainer trainer, Path out,
            Path tokenizerPath, TrainingListener ui, TrainingControl control) throws IOException {
        TrainingRecorder recorder = new TrainingRecorder(workspace, runId, null);
        TrainingResult result;
        try {
            result = trainer.run(event -> {
                recorder.onEvent(event);
                ui.onEvent(event);
            }, control);
        } catch (TrainingOutOfMemoryException e) {
            recorder.interrupted(); // resumable from its checkpoint; the message says what to change
            throw e;
        } catch (IOException | RuntimeException e) {
            recorder.failed();
            throw e;
        }
        if (!result.cancelled()) {
            Path modelDir = out.resolve("model");
            LmCheckpoint.save(trainer.model(), modelDir);
            Files.copy(tokenizerPath, modelDir.resolve("tokenizer.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        return result;
    }
}
