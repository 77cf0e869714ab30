package dev.elmstudio.app.panel.compare;

import dev.elmstudio.app.compare.RunReport;
import dev.elmstudio.app.task.TaskRunner;
import dev.elmstudio.storage.EvalRun;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Compare panel's report tab: the chosen run's evaluations (newest first) and the chosen one's table rows,
 * ELM against baseline ({@link RunReport}), read in the background.
 */
public final class ReportsViewModel {
    private final TaskRunner tasks;
    private final ReadOnlyObjectProperty<Path> workspace;
    private final StringProperty status;
    private final ObservableList<EvalRun> evaluations = FXCollections.observableArrayList();
    private final ObjectProperty<EvalRun> evaluation = new SimpleObjectProperty<>();
    private final ObservableList<RunReport.Row> rows = FXCollections.observableArrayList();

    ReportsViewModel(TaskRunner tasks, ReadOnlyObjectProperty<Path> workspace, StringProperty status) {
        this.tasks = tasks;
        this.workspace = workspace;
        this.status = status;
        evaluation.addListener((obs, old, now) -> load(now));
    }

    public ObservableList<EvalRun> evaluations() { return evaluations; }
    public ObjectProperty<EvalRun> evaluationProperty() { return evaluation; }
    public ObservableList<RunReport.Row> rows() { return rows; }

    void clear() {
        evaluation.set(null);
        evaluations.clear();
        rows.clear();
    }

    /** Lists a run's evaluations and opens the newest. */
    void show(List<EvalRun> runEvaluations) {
        evaluations.setAll(runEvaluations);
        evaluation.set(evaluations.isEmpty() ? null : evaluations.get(0));
    }

    private void load(EvalRun eval) {
        rows.clear();
        Path folder = workspace.get();
        if (eval == null || folder == null) {
            return;
        }
        tasks.submit("Reading evaluation " + eval.id(), context -> RunReport.rows(ElmRunChoice.results(folder, eval.id())),
                loaded -> {
                    if (eval == evaluation.get()) {
                        rows.setAll(loaded);
                    }
                }, failure -> status.set("Could not read evaluation " + eval.id() + ": " + failure.getMessage()));
    }
}
