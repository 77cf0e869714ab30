package dev.elmstudio.app.cli;

import ai.djl.Device;
import dev.elmstudio.engine.elm.ElmArchive;
import dev.elmstudio.engine.elm.ElmExport;
import dev.elmstudio.engine.elm.ElmModel;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.RunKind;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code elm export RUN}: a finished ELM run's language model as a plain Hugging Face folder (config.json,
 * model.safetensors with any LoRA merged, tokenizer.json) that other tools load without ELM Studio; with
 * {@code --with-adapters} the whole ELM folder (adapters and prompt templates too). {@code elm export report}
 * writes an evaluation's results.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a finished ELM run as a Hugging Face-style folder, or an evaluation report.",
        subcommands = ExportReportCommand.class)
final class ExportCommand implements Callable<Integer> {
    private static final String COMMAND = "export";

    @Spec
    private CommandSpec spec;

    // Not the WorkspaceOption mixin and not required: picocli checks a parent's required options even when the
    // line names the 'report' subcommand, so they are checked in call() instead.
    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", description = "Workspace folder of the run.")
    Path workspaceFolder;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN", description = "Id of a finished ELM run.")
    Long runId;

    @Option(names = "--out", paramLabel = "DIR", description = "Destination folder (default: exports/run-RUN).")
    Path out;

    @Option(names = "--with-adapters", description = "Export the whole ELM folder, not only its LM.")
    boolean withAdapters;

    @Option(names = "--base-ref", paramLabel = "PATH", description = "With --with-adapters: leave the LM out and name"
            + " this base model folder (relative to the export folder, e.g. ../base-lm) instead. Refused unless the"
            + " run's LM weights equal that folder's (a LoRA run on that base).")
    String baseRef;

    @Override
    public Integer call() throws IOException {
        if (runId == null || workspaceFolder == null) {
            throw new ParameterException(spec.commandLine(), "Missing RUN or --workspace (elm export RUN -w DIR)");
        }
        if (out != null && Files.exists(out)) {
            throw new CommandFailure(COMMAND + ": " + out + " already exists; choose a new folder");
        }
        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            Run run = workspace.runs().get(runId).orElseThrow(() -> new CommandFailure(COMMAND + ": no run " + runId
                    + " in " + workspace.folder() + " (see 'elm runs')"));
            if (run.kind() != RunKind.ELM) {
                throw new CommandFailure(COMMAND + ": run " + runId + " is a pretraining run; its model folder is"
                        + " already Hugging Face-style (the pretrain --out folder's model/)");
            }
            Path elm = TrainCommand.runFolder(workspace, runId).resolve(TrainCommand.ELM_FOLDER);
            if (!Files.isRegularFile(elm.resolve(ElmArchive.MANIFEST_FILE))) {
                throw new CommandFailure(COMMAND + ": run " + runId + " has no finished model (status "
                        + run.status().dbValue() + "); finish it with 'elm train --resume " + runId + "'");
            }
            Path target = out != null ? out : workspace.exportsFolder().resolve("run-" + runId);
            if (Files.exists(target)) {
                throw new CommandFailure(COMMAND + ": " + target + " already exists; pass --out with a new folder");
            }
            try (ElmModel model = ElmArchive.load(elm, Device.cpu())) {
                if (baseRef != null) {
                    if (!withAdapters) {
                        throw new CommandFailure(COMMAND + ": --base-ref needs --with-adapters");
                    }
                    Path base = target.toAbsolutePath().resolve(baseRef).normalize();
                    if (!Files.isRegularFile(base.resolve("config.json"))) {
                        throw new CommandFailure(COMMAND + ": --base-ref " + baseRef + " is not a model folder seen from "
                                + target + " (no " + base.resolve("config.json") + ")");
                    }
                    if (!ElmArchive.sameWeights(model.lm(), base)) {
                        throw new CommandFailure(COMMAND + ": run " + runId + "'s LM weights differ from " + base
                                + " (only a LoRA run on that base model can refer to it)");
                    }
                    ElmArchive.save(model, target, baseRef);
                } else if (withAdapters) {
                    ElmArchive.save(model, target);
                } else {
                    ElmExport.exportMergedLm(model, target);
                }
            }
            spec.commandLine().getOut().printf("exported run %d to %s%n", runId, target);
        }
        return 0;
    }
}
