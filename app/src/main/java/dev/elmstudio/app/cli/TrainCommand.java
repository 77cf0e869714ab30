package dev.elmstudio.app.cli;

import ai.djl.Device;
import dev.elmstudio.app.jobs.ElmRunException;
import dev.elmstudio.app.jobs.ElmRunSettings;
import dev.elmstudio.app.jobs.ElmTrainingJob;
import dev.elmstudio.engine.elm.Stage;
import dev.elmstudio.engine.train.ComputeOptions;
import dev.elmstudio.engine.train.MemoryEstimate;
import dev.elmstudio.engine.train.TrainingControl;
import dev.elmstudio.engine.train.TrainingEvent;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code elm train}: two-stage ELM training on a dataset's tasks (all, or those of {@code --tasks}) and its embedding
 * spaces ({@code --space} for every slot, {@code --slot-space} per slot), recorded in the workspace (run, stage,
 * metrics, checkpoints) by {@link ElmTrainingJob}, the code the Train panel runs too. The run's files live in
 * {@code checkpoints/run-<id>/}: the tokenizer, resumable {@code steps/step-*} checkpoints and, when it finishes,
 * the ELM folder {@code elm/}. {@code --resume RUN} continues an interrupted run from its last checkpoint with the
 * settings it was started with.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train an ELM (stage 1: adapter only, stage 2: everything) on a dataset's tasks.")
final class TrainCommand implements Callable<Integer> {
    static final String COMMAND = "train";
    static final String ELM_FOLDER = ElmTrainingJob.ELM_FOLDER;

    @Spec
    private CommandSpec spec;

    @Mixin
    WorkspaceOption workspaceOption;

    @Option(names = "--dataset", description = "Dataset with imported tasks.")
    String dataset;

    @Option(names = "--space", description = "Embedding space of the dataset the slots read (see --slot-space).")
    String space;

    @Option(names = "--resume", paramLabel = "RUN", description = "Continue run RUN from its last checkpoint.")
    Long resumeRun;

    @Option(names = "--base-model", paramLabel = "DIR", description = "LM folder to start from (default: a fresh tiny GPT).")
    Path baseModel;

    @Option(names = "--layers", description = "Fresh GPT layers (default ${DEFAULT-VALUE}).")
    int layers = 2;

    @Option(names = "--width", description = "Fresh GPT width (default ${DEFAULT-VALUE}).")
    int width = 32;

    @Option(names = "--heads", description = "Fresh GPT heads (default ${DEFAULT-VALUE}).")
    int heads = 4;

    @Option(names = "--context", description = "Fresh GPT positions (default ${DEFAULT-VALUE}).")
    int context = 128;

    @Option(names = "--vocab", description = "Fresh tokenizer vocabulary (default ${DEFAULT-VALUE}).")
    int vocab = 512;

    @Option(names = "--adapter-hidden", description = "Adapter hidden width (default ${DEFAULT-VALUE}).")
    int adapterHidden = 64;

    @Option(names = "--stage1-steps", description = "Adapter-only updates (default ${DEFAULT-VALUE}).")
    int stage1Steps = 20;

    @Option(names = "--stage2-steps", description = "Full updates (default ${DEFAULT-VALUE}).")
    int stage2Steps = 20;

    @Option(names = "--batch", description = "Examples per update (default ${DEFAULT-VALUE}).")
    int batch = 8;

    @Option(names = "--stage1-lr", description = "Default ${DEFAULT-VALUE}.")
    double stage1Lr = 1e-3;

    @Option(names = "--stage2-lr", description = "Default ${DEFAULT-VALUE}.")
    double stage2Lr = 3e-4;

    @Option(names = "--checkpoint-interval", description = "Updates between checkpoints (default ${DEFAULT-VALUE}).")
    int checkpointInterval = 10;

    @Option(names = "--seed", description = "Default ${DEFAULT-VALUE}.")
    long seed = 0;

    @Option(names = "--tasks", split = ",", paramLabel = "TASK", description = "Train only these tasks (default: all).")
    List<String> tasks;

    @Option(names = "--slot-space", paramLabel = "SLOT=SPACE",
            description = "Space a slot reads (default: --space for every slot), e.g. --slot-space user=users.")
    Map<String, String> slotSpaces;

    @Option(names = "--lora-rank", description = "Stage 2 with LoRA of this rank (default 0: full fine-tuning).")
    int loraRank;

    @Option(names = "--lora-alpha", description = "LoRA alpha (default ${DEFAULT-VALUE}).")
    double loraAlpha = 16;

    @Option(names = "--lora-targets", split = ",", description = "LoRA projections (default ${DEFAULT-VALUE}).")
    List<String> loraTargets = List.of("attn.c_attn", "attn.c_proj");

    @Option(names = "--validation", description = "Share of the entities held out for the validation loss"
            + " (default ${DEFAULT-VALUE}).")
    double validationFraction = 0;

    @Mixin
    ComputeSettings compute = new ComputeSettings();

    @Option(names = "--text-only", description = "Train the text-only baseline instead of an ELM: no adapter, each"
            + " slot of a prompt replaced by the film's \"Title (year)\"; the same examples as an ELM on --space."
            + " Needs --stage1-steps 0 (give stage 2 the ELM's total updates for a fair baseline).")
    boolean textOnly;

    @Override
    public Integer call() throws IOException {
        if (resumeRun == null && (dataset == null || space == null)) {
            throw new CommandFailure(COMMAND + ": give --dataset and --space, or --resume RUN");
        }
        if (resumeRun != null && (dataset != null || space != null)) {
            throw new CommandFailure(COMMAND + ": --resume continues a run with its own dataset and space; drop --dataset and --space");
        }
        String command = resumeRun == null ? COMMAND : COMMAND + " --resume";
        try {
            ElmRunSettings settings = resumeRun != null ? null : new ElmRunSettings(dataset, space,
                    slotSpaces == null ? null : new TreeMap<>(slotSpaces), tasks,
                    baseModel == null ? null : baseModel.toAbsolutePath().toString(), layers, width, heads, context,
                    vocab, adapterHidden, stage1Steps, stage2Steps, 0, 0, batch, 0, stage1Lr, stage2Lr, null, null,
                    loraRank, loraAlpha, loraRank > 0 ? loraTargets : null, validationFraction, checkpointInterval,
                    seed, compute.device == null ? "cpu" : compute.device, textOnly)
                    .withCompute(null, compute.over(ComputeOptions.DEFAULT, command));
            if (settings != null) {
                ElmTrainingJob.check(settings); // before the workspace is opened: a refusal changes nothing
            }
            try (Workspace workspace = Workspace.open(workspaceOption.folder())) {
                PrintWriter out = spec.commandLine().getOut();
                Printer printer = new Printer(out, workspace, new ProgressPrinter(out, System.console() != null));
                ElmTrainingJob.Outcome outcome = settings != null
                        ? ElmTrainingJob.start(workspace, (textOnly ? "text-only baseline " : "elm ") + dataset + "/"
                                + space, settings, printer,
                                new TrainingControl())
                        : ElmTrainingJob.resume(workspace, resumeRun, recorded -> recorded.withCompute(compute.device,
                                compute.over(recorded.compute(), command)), printer, new TrainingControl());
                if (outcome.modelFolder() == null) {
                    return 1;
                }
                out.printf("model: %s%n", outcome.modelFolder());
                return 0;
            }
        } catch (ElmRunException e) {
            throw new CommandFailure(command + ": " + e.getMessage(), e);
        }
    }

    static Path runFolder(Workspace workspace, long runId) {
        return ElmTrainingJob.runFolder(workspace, runId);
    }

    /** Prints what the job reports, as the command always has. */
    private record Printer(PrintWriter out, Workspace workspace, ProgressPrinter progress)
            implements ElmTrainingJob.Observer {
        @Override
        public void runStarted(long runId, int resumedAtStep) {
            if (resumedAtStep == 0) {
                out.printf("run %d recorded in %s%n", runId, workspace.folder());
            } else {
                out.printf("run %d resumed at step %d%n", runId, resumedAtStep);
            }
        }

        @Override
        public void examplesReady(int train, int validation, int dropped) {
            out.printf("%d training examples%s%s%n", train, validation == 0 ? "" : ", " + validation + " held out",
                    dropped == 0 ? "" : " (" + dropped + " longer than the context dropped)");
        }

        @Override
        public void planReady(Device device, ComputeOptions options, Stage stage, MemoryEstimate estimate) {
            out.printf("device %s, %s, %d micro-batch%s%s; memory estimate (%s): %s%n", device,
                    options.precision().label(), options.microBatches(), options.microBatches() == 1 ? "" : "es",
                    options.checkpointActivations() ? ", activation checkpointing" : "",
                    stage == Stage.FULL ? "stage 2" : "stage 1", estimate.summary());
        }

        @Override
        public void onEvent(Stage stage, TrainingEvent event) {
            progress.onEvent(event);
        }
    }
}
