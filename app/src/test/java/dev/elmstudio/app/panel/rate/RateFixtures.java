package dev.elmstudio.app.panel.rate;

import dev.elmstudio.app.task.DirectTaskRunner;
import dev.elmstudio.app.testing.RecordingDialogs;
import dev.elmstudio.storage.EvalResult;
import dev.elmstudio.storage.EvalRun;
import dev.elmstudio.storage.RunStatus;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A workspace with one finished evaluation holding two models' outputs, named {@code elm:<task>} and
 * {@code baseline:<task>}, for tasks summary and pitch over items 1..ITEMS. Evaluation names carry
 * {@link #SECRET}, so a test can look for model identity leaking into rater mode by that word.
 */
public final class RateFixtures {
    public static final int ITEMS = 6;
    public static final String SECRET = "zebra";
    public static final String PIN = "4711";

    private RateFixtures() { }

    public static Path workspaceWithOutputs(Path folder) {
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            EvalRun eval = workspace.evals().create(null, SECRET + " evaluation", "{}");
            List<EvalResult> results = new ArrayList<>();
            for (String model : List.of("elm", "baseline")) {
                for (String task : List.of("summary", "pitch")) {
                    for (int item = 1; item <= ITEMS; item++) {
                        String text = "A " + (model.equals("elm") ? "quiet" : "loud") + " " + task + " text number "
                                + item + ".";
                        // two metrics per item share one output: the catalogue keeps the text once
                        results.add(new EvalResult(model + ":" + task, Integer.toString(item), "target_loss", 1, text));
                        results.add(new EvalResult(model + ":" + task, Integer.toString(item), "exact_match", 0, text));
                    }
                }
            }
            workspace.evals().appendResults(eval.id(), results);
            workspace.evals().updateStatus(eval.id(), RunStatus.FINISHED);
        }
        return folder;
    }

    /** A researcher's view model on {@code folder}, run directly, with both models, both tasks and a PIN filled in. */
    public static RateViewModel filledForm(Path folder, RecordingDialogs dialogs, boolean sideBySide, int perTask,
            long seed) {
        RateViewModel model = new RateViewModel(new DirectTaskRunner(), dialogs);
        model.workspaceProperty().set(folder);
        model.selectedModels().setAll(model.outputs());
        model.selectedTasks().setAll(model.availableTasks());
        model.sessionNameProperty().set("pilot " + seed);
        model.itemsPerTaskProperty().set(Integer.toString(perTask));
        model.sideBySideProperty().set(sideBySide);
        model.seedProperty().set(Long.toString(seed));
        model.pinProperty().set(PIN);
        model.pinRepeatProperty().set(PIN);
        return model;
    }

    /** Creates a session through the researcher's view model and returns its id. */
    public static long createSession(Path folder, boolean sideBySide, int perTask, long seed) {
        RecordingDialogs dialogs = new RecordingDialogs();
        RateViewModel model = filledForm(folder, dialogs, sideBySide, perTask, seed);
        model.createSession();
        if (!dialogs.errors.isEmpty() || model.selectedSessionProperty().get() == null) {
            throw new AssertionError("session not created: " + model.messageProperty().get() + " " + dialogs.errors);
        }
        return model.selectedSessionProperty().get().id();
    }
}
