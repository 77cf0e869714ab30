package dev.elmstudio.app.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import dev.elmstudio.storage.Checkpoint;
import dev.elmstudio.storage.Metric;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code elm runs}: the runs of a workspace as a table, or one run in detail. Opens the workspace
 * read-only, so it can watch a training that another process is writing.
 */
@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        description = "List the runs of a workspace, or show one run.")
final class RunsCommand implements Callable<Integer> {

    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @Spec
    private CommandSpec spec;

    @Mixin
    private WorkspaceOption workspaceOption;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    private boolean json;

    @Option(names = "--series", description = "With RUN_ID and --json: every logged value of every metric too.")
    private boolean series;

    @Parameters(arity = "0..1", paramLabel = "RUN_ID", description = "Show this run: latest metrics and checkpoints.")
    private Long runId;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace workspace = workspaceOption.openReadOnly()) {
            if (runId == null) {
                printList(out, workspace.runs().list());
            } else {
                printDetail(out, workspace);
            }
        }
        out.flush();
        return 0;
    }

    private void printList(PrintWriter out, List<Run> runs) {
        if (json) {
            JsonArray array = new JsonArray();
            runs.forEach(run -> array.add(RunJson.summary(run)));
            out.println(pretty(array));
            return;
        }
        if (runs.isEmpty()) {
            out.println("No runs yet in " + workspaceOption.folder() + ".");
            return;
        }
        TextTable table = new TextTable("ID", "KIND", "NAME", "STATUS", "STAGE", "CREATED", "UPDATED");
        for (Run run : runs) {
            table.addRow(String.valueOf(run.id()), run.kind().dbValue(), run.name(), run.status().dbValue(),
                    stage(run.stage()), local(run.createdAt()), local(run.updatedAt()));
        }
        out.print(table.render());
    }

    private void printDetail(PrintWriter out, Workspace workspace) {
        Path folder = workspaceOption.folder();
        Run run = workspace.runs().get(runId).orElseThrow(() -> new CommandFailure("Run " + runId
                + " not found in workspace " + folder + ". List its runs with: elm runs --workspace " + folder));
        List<Metric> latest = workspace.metrics().latestValues(run.id());
        List<Checkpoint> checkpoints = workspace.checkpoints().list(run.id());
        if (json) {
            com.google.gson.JsonObject detail = RunJson.detail(run, latest, checkpoints);
            if (series) {
                detail.add("series", RunJson.series(workspace, run.id(), latest));
            }
            out.println(pretty(detail));
            return;
        }
        out.printf("Run %d: %s (%s), %s%s%n", run.id(), run.name(), run.kind().dbValue(), run.status().dbValue(),
                run.stage() == null ? "" : ", stage " + run.stage());
        out.printf("Created %s, updated %s%n", local(run.createdAt()), local(run.updatedAt()));
        out.println("Config  " + run.configJson());
        out.println();
        TextTable metrics = new TextTable("METRIC", "STEP", "LAST VALUE");
        latest.forEach(m -> metrics.addRow(m.name(), String.valueOf(m.step()), String.valueOf(m.value())));
        out.print(latest.isEmpty() ? "No metrics recorded." + System.lineSeparator() : metrics.render());
        out.println();
        TextTable files = new TextTable("STAGE", "STEP", "SIZE", "SHA-256", "PATH");
        for (Checkpoint c : checkpoints) {
            files.addRow(stage(c.stage()), String.valueOf(c.step()),
                    c.sizeBytes() + " B", c.sha256().substring(0, 12), c.path().toString());
        }
        out.print(checkpoints.isEmpty() ? "No checkpoints recorded." + System.lineSeparator() : files.render());
    }

    private static String stage(Integer stage) {
        return stage == null ? "-" : String.valueOf(stage);
    }

    private static String local(Instant instant) {
        return LOCAL_TIME.format(instant);
    }

    private static String pretty(JsonElement json) {
        return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(json);
    }
}
