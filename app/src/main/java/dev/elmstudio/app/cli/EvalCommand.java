package dev.elmstudio.app.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import dev.elmstudio.app.jobs.ElmRunException;
import dev.elmstudio.app.jobs.ElmRunInputs;
import dev.elmstudio.app.jobs.ElmRunModel;
import dev.elmstudio.app.jobs.ElmRunSettings;
import dev.elmstudio.engine.data.MalformedDataException;
import dev.elmstudio.engine.data.task.TaskExample;
import dev.elmstudio.engine.data.task.TaskJsonl;
import dev.elmstudio.engine.elm.ElmArchive;
import dev.elmstudio.engine.elm.ElmExample;
import dev.elmstudio.engine.elm.ElmModel;
import dev.elmstudio.engine.lm.GenerationConfig;
import dev.elmstudio.engine.lm.NoGradScope;
import dev.elmstudio.storage.EvalResult;
import dev.elmstudio.storage.EvalRun;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.RunKind;
import dev.elmstudio.storage.RunStatus;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code elm eval RUN}: scores a finished ELM run item by item and records the scores as an evaluation
 * ({@code elm export report ID} writes them out). Per item: {@code target_loss} (mean cross-entropy of the target
 * tokens under teacher forcing) and {@code exact_match} (1 when greedy decoding reproduces the target), with the
 * greedy output kept beside them. Without {@code --tasks} the run's own training tasks are scored, which measures
 * fit, not generalisation; pass held-out tasks for that. Semantic and behavioral consistency need the text encoder
 * and are left to the app.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score a finished ELM run item by item (target loss, exact match) and record the evaluation.")
final class EvalCommand implements Callable<Integer> {
    private static final String COMMAND = "eval";

    @Spec
    private CommandSpec spec;

    @Mixin
    WorkspaceOption workspaceOption;

    @Parameters(index = "0", paramLabel = "RUN", description = "Id of a finished ELM run.")
    long runId;

    @Option(names = "--tasks", paramLabel = "FILE", description = "Task examples to score (default: the run's dataset tasks).")
    Path tasksFile;

    @Option(names = "--limit", description = "Score at most this many items (default ${DEFAULT-VALUE}).")
    int limit = 50;

    @Option(names = "--max-tokens", description = "Greedy output length (default ${DEFAULT-VALUE}).")
    int maxTokens = 32;

    @Override
    public Integer call() throws IOException {
        if (limit < 1) {
            throw new CommandFailure(COMMAND + ": --limit must be at least 1, got " + limit);
        }
        List<TaskExample> explicitTasks = tasksFile == null ? null : readTasks();
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace workspace = Workspace.open(workspaceOption.folder())) {
            Run run = workspace.runs().get(runId).orElseThrow(() -> new CommandFailure(COMMAND + ": no run " + runId
                    + " in " + workspace.folder() + " (see 'elm runs')"));
            if (run.kind() != RunKind.ELM) {
                throw new CommandFailure(COMMAND + ": run " + runId + " is a pretraining run, not an ELM");
            }
            Path elm = TrainCommand.runFolder(workspace, runId).resolve(TrainCommand.ELM_FOLDER);
            if (!Files.isRegularFile(elm.resolve(ElmArchive.MANIFEST_FILE))) {
                throw new CommandFailure(COMMAND + ": run " + runId + " has no finished model (status "
                        + run.status().dbValue() + ")");
            }
            ElmRunSettings settings;
            ElmRunInputs inputs;
            try {
                settings = ElmRunSettings.fromJson(run.configJson(), runId);
                ElmRunInputs read = ElmRunInputs.read(workspace, settings);
                inputs = new ElmRunInputs(explicitTasks != null ? explicitTasks : read.tasks(), read.spaces());
            } catch (ElmRunException e) {
                throw new CommandFailure(COMMAND + ": " + e.getMessage(), e);
            }
            List<TaskExample> scoredTasks = ElmRunModel.withVectors(settings, inputs); // same order as examples
            List<ElmExample> examples;
            if (settings.textOnly()) { // the baseline reads titles: keep the tasks whose films all have one
                java.util.function.IntFunction<String> titles = ElmRunModel.titles(workspace, settings);
                scoredTasks = scoredTasks.stream()
                        .filter(t -> ElmRunModel.slotsAsText(t.prompt(), t.slots(), titles) != null).toList();
                examples = ElmRunModel.textOnlyExamples(settings, new ElmRunInputs(scoredTasks, inputs.spaces()), titles);
            } else {
                examples = ElmRunModel.examples(settings, inputs);
            }
            if (examples.isEmpty()) {
                throw new CommandFailure(COMMAND + ": no task example has all its ids in space '" + settings.space() + "'");
            }
            try (ElmModel model = ElmArchive.load(elm, Device.cpu())) {
                int count = Math.min(limit, examples.size());
                EvalRun eval = workspace.evals().create(runId, "eval run " + runId, config(count));
                try {
                    List<EvalResult> results = new ArrayList<>();
                    double lossSum = 0;
                    int matches = 0;
                    int tooLong = 0;
                    for (int i = 0; i < count; i++) {
                        ElmExample example = examples.get(i);
                        String task = scoredTasks.get(i).task();
                        if (!fits(model, example)) { // longer than the LM's context (titled prompts can be): not scored
                            tooLong++;
                            continue;
                        }
                        double loss = targetLoss(model, example);
                        String output = model.generate(example.template(), example.vectors(),
                                GenerationConfig.greedy(maxTokens), null).text();
                        double match = output.strip().equals(example.target().strip()) ? 1 : 0;
                        results.add(new EvalResult(task, example.entityId(), "target_loss", loss, output));
                        results.add(new EvalResult(task, example.entityId(), "exact_match", match, output));
                        lossSum += loss;
                        matches += (int) match;
                    }
                    workspace.evals().appendResults(eval.id(), results);
                    workspace.evals().updateStatus(eval.id(), RunStatus.FINISHED);
                    int scored = count - tooLong;
                    out.printf(Locale.ROOT, "evaluation %d: %d items, mean target loss %.4f, exact match %d/%d%s%n",
                            eval.id(), scored, lossSum / scored, matches, scored,
                            tooLong == 0 ? "" : " (" + tooLong + " longer than the context skipped)");
                } catch (RuntimeException e) {
                    workspace.evals().updateStatus(eval.id(), RunStatus.FAILED);
                    throw e;
                }
            }
        }
        return 0;
    }

    private static boolean fits(ElmModel model, ElmExample example) {
        try {
            model.collator().collate(List.of(example));
            return true;
        } catch (IllegalArgumentException tooLong) {
            return false;
        }
    }

    private static double targetLoss(ElmModel model, ElmExample example) {
        try (NoGradScope noGrad = NoGradScope.enter(); NDManager scope = model.lm().manager().newSubManager()) {
            return model.loss(model.collator().collate(List.of(example)), scope).getFloat();
        }
    }

    private String config(int count) {
        JsonObject config = new JsonObject();
        config.addProperty("tasks", tasksFile == null ? "training tasks" : tasksFile.toAbsolutePath().toString());
        config.addProperty("items", count);
        config.addProperty("max_tokens", maxTokens);
        config.addProperty("decoding", "greedy");
        return config.toString();
    }

    private List<TaskExample> readTasks() {
        if (!Files.isRegularFile(tasksFile)) {
            throw new CommandFailure(COMMAND + ": file not found: " + tasksFile);
        }
        try {
            return TaskJsonl.read(tasksFile);
        } catch (MalformedDataException e) {
            throw new CommandFailure(COMMAND + ": " + e.getMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandFailure(COMMAND + ": " + tasksFile + ": " + e.getMessage(), e);
        }
    }
}
