package dev.elmstudio.app.panel.runs;

import dev.elmstudio.app.ui.MetricPoint;
import dev.elmstudio.storage.Checkpoint;
import dev.elmstudio.storage.Metric;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Everything the Runs panel shows, read in one go through a read-only connection (beside a writer
 * in this or another process), on a background thread.
 *
 * @param checkpoints of the first selected run
 * @param configJson of the first selected run, "" when none
 */
record RunsSnapshot(List<Run> runs, List<RunCurves> curves, List<Checkpoint> checkpoints, String configJson) {

    static RunsSnapshot read(Path workspaceFolder, List<Long> selected) {
        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            List<Run> runs = workspace.runs().list();
            Set<Long> present = Set.copyOf(runs.stream().map(Run::id).toList());
            List<RunCurves> curves = new ArrayList<>();
            List<Checkpoint> checkpoints = List.of();
            String config = "";
            for (Long id : selected) {
                if (!present.contains(id)) {
                    continue;
                }
                Run run = runs.stream().filter(r -> r.id() == id).findFirst().orElseThrow();
                curves.add(new RunCurves(id, "run " + id + " " + run.name(), series(workspace, id, "loss"),
                        series(workspace, id, "val_loss"), series(workspace, id, "lr")));
                if (curves.size() == 1) {
                    checkpoints = workspace.checkpoints().list(id);
                    config = run.configJson();
                }
            }
            return new RunsSnapshot(runs, curves, checkpoints, config);
        }
    }

    private static List<MetricPoint> series(Workspace workspace, long runId, String name) {
        List<Metric> values = workspace.metrics().series(runId, name);
        return values.stream().map(m -> new MetricPoint(m.step(), m.value())).toList();
    }
}
