package dev.elmstudio.app.cli;

import com.google.gson.GsonBuilder;
import dev.elmstudio.storage.EvalResult;
import dev.elmstudio.storage.EvalRun;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code elm export report EVAL_ID --csv|--json}: an evaluation's per-item results, to stdout or {@code --out}. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Write an evaluation's results as CSV or JSON.")
final class ExportReportCommand implements Callable<Integer> {
    private static final String COMMAND = "export report";

    @Spec
    private CommandSpec spec;

    @Mixin
    WorkspaceOption workspaceOption;

    @Parameters(index = "0", paramLabel = "EVAL_ID", description = "Evaluation id.")
    long evalId;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Format format;

    static final class Format {
        @Option(names = "--csv", required = true, description = "CSV: task,item,metric,value,output")
        boolean csv;

        @Option(names = "--json", required = true, description = "JSON: the evaluation and its results.")
        boolean json;
    }

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout.")
    Path out;

    @Override
    public Integer call() throws IOException {
        String text;
        try (Workspace workspace = workspaceOption.openReadOnly()) {
            EvalRun eval = workspace.evals().get(evalId).orElseThrow(() -> new CommandFailure(COMMAND
                    + ": no evaluation " + evalId + " in " + workspace.folder()));
            List<EvalResult> results = workspace.evals().results(evalId);
            text = format.csv ? csv(results) : new GsonBuilder().setPrettyPrinting().serializeNulls().create()
                    .toJson(java.util.Map.of("evaluation", eval.name(), "id", eval.id(), "results", results));
        }
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(out, text, StandardCharsets.UTF_8);
        }
        return 0;
    }

    static String csv(List<EvalResult> results) {
        StringWriter text = new StringWriter();
        PrintWriter csv = new PrintWriter(text);
        csv.print("task,item,metric,value,output\n");
        for (EvalResult r : results) {
            csv.print(quote(r.task()) + "," + quote(r.item()) + "," + quote(r.metric()) + "," + r.value() + ","
                    + (r.outputText() == null ? "" : quote(r.outputText())) + "\n");
        }
        csv.flush();
        return text.toString();
    }

    /** RFC 4180: quote every text field, doubling quotes, so commas and newlines in outputs survive. */
    private static String quote(String field) {
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }
}
