package dev.elmstudio.app.panel.rate;

import dev.elmstudio.app.shell.DialogService;
import dev.elmstudio.app.task.TaskRunner;
import dev.elmstudio.engine.io.AtomicFiles;
import dev.elmstudio.storage.RaterSession;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The researcher's side of rating: build a session from evaluation outputs (models, tasks, items per task, single
 * or side-by-side, seed, PIN), start rater mode on it, and read the results (means per task and model, Krippendorff's
 * α) or export every answer as CSV. Rater mode itself is {@link RaterViewModel}, started through the launcher the
 * view passes in, so the researcher's panel is never on screen while a rater rates.
 */
public final class RateViewModel {

    private final TaskRunner tasks;
    private final DialogService dialogs;

    // Properties
    private final ObjectProperty<Path> workspace = new SimpleObjectProperty<>();
    private final ObservableList<ModelOutputs> outputs = FXCollections.observableArrayList();
    private final ObservableList<ModelOutputs> selectedModels = FXCollections.observableArrayList();
    private final ObservableList<String> availableTasks = FXCollections.observableArrayList();
    private final ObservableList<String> selectedTasks = FXCollections.observableArrayList();
    private final StringProperty sessionName = new SimpleStringProperty("");
    private final StringProperty itemsPerTask = new SimpleStringProperty("40"); // the paper's 40 outputs per task
    private final BooleanProperty sideBySide = new SimpleBooleanProperty(true);
    private final StringProperty seed = new SimpleStringProperty("1");
    private final StringProperty pin = new SimpleStringProperty("");
    private final StringProperty pinRepeat = new SimpleStringProperty("");
    private final ObservableList<RaterSession> sessions = FXCollections.observableArrayList();
    private final ObjectProperty<RaterSession> selectedSession = new SimpleObjectProperty<>();
    private final ObjectProperty<SessionResults> results = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public RateViewModel(TaskRunner tasks, DialogService dialogs) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        workspace.addListener((obs, old, now) -> {
            outputs.clear();
            sessions.clear();
            results.set(null);
            refresh();
        });
        selectedModels.addListener((ListChangeListener<ModelOutputs>) change -> updateTasks());
        selectedSession.addListener((obs, old, now) -> loadResults());
    }

    // Properties

    public ObjectProperty<Path> workspaceProperty() { return workspace; }
    /** Every finished evaluation's texts, one entry per model. */
    public ObservableList<ModelOutputs> outputs() { return outputs; }
    /** The view writes the model list's selection here. */
    public ObservableList<ModelOutputs> selectedModels() { return selectedModels; }
    /** Tasks every selected model has texts for. */
    public ObservableList<String> availableTasks() { return availableTasks; }
    public ObservableList<String> selectedTasks() { return selectedTasks; }
    public StringProperty sessionNameProperty() { return sessionName; }
    public StringProperty itemsPerTaskProperty() { return itemsPerTask; }
    public BooleanProperty sideBySideProperty() { return sideBySide; }
    public StringProperty seedProperty() { return seed; }
    public StringProperty pinProperty() { return pin; }
    public StringProperty pinRepeatProperty() { return pinRepeat; }
    public ObservableList<RaterSession> sessions() { return sessions; }
    public ObjectProperty<RaterSession> selectedSessionProperty() { return selectedSession; }
    /** The selected session's results; null while none is loaded. */
    public ObjectProperty<SessionResults> resultsProperty() { return results; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    // Commands

    public void refresh() {
        Path folder = workspace.get();
        if (folder == null) {
            return;
        }
        tasks.submit(null, context -> RateSnapshot.read(folder), snapshot -> {
            if (!folder.equals(workspace.get())) {
                return;
            }
            outputs.setAll(snapshot.outputs());
            selectedModels.retainAll(snapshot.outputs());
            Long selected = selectedSession.get() == null ? null : selectedSession.get().id();
            sessions.setAll(snapshot.sessions());
            sessions.stream().filter(s -> selected != null && s.id() == selected).findFirst()
                    .ifPresentOrElse(selectedSession::set, () -> selectedSession.set(null));
            if (snapshot.outputs().isEmpty()) {
                message.set("No evaluation outputs yet: run 'elm eval' on a trained ELM (and the baseline) first.");
            }
        }, failure -> message.set("Could not read the workspace: " + failure.getMessage()));
    }

    /** Builds the session from the form and stores it; the form's problem, if any, is shown in the message. */
    public void createSession() {
        Path folder = workspace.get();
        SessionBuilder.Settings settings;
        char[] pinChars;
        try {
            settings = settings();
            pinChars = checkedPin();
        } catch (IllegalArgumentException problem) {
            message.set(problem.getMessage());
            return;
        }
        tasks.submit("Creating rater session", context -> {
            String pinHash = PinHash.hash(pinChars);
            try (Workspace writer = Workspace.open(folder)) {
                SessionBuilder.Built built = SessionBuilder.build(settings, ItemNames.read(writer, settings.models()));
                return writer.ratings().createSession(settings.name(), pinHash, built.configJson(), built.items());
            }
        }, id -> {
            pin.set("");
            pinRepeat.set("");
            message.set("Session '" + settings.name() + "' created (id " + id + ").");
            selectedSession.set(null);
            refreshThenSelect(id);
        }, failure -> {
            if (failure instanceof IllegalArgumentException problem) {
                message.set(problem.getMessage());
            } else {
                dialogs.showError("Could not create the rater session in " + folder + ".", failure);
            }
        });
    }

    /**
     * Opens the selected session for rating (the workspace for writing, so each answer is saved at once) and hands
     * it to {@code launcher}, which shows rater mode.
     */
    public void startRaterMode(Consumer<RaterStore> launcher) {
        RaterSession session = selectedSession.get();
        Path folder = workspace.get();
        if (session == null || folder == null) {
            message.set("Choose a session to rate first.");
            return;
        }
        tasks.submit("Starting rater mode", context -> WorkspaceRaterStore.open(folder, session.id()), launcher,
                failure -> dialogs.showError("Could not start rater mode on session '" + session.name()
                        + "'. A training or another window writing to this workspace must finish first.", failure));
    }

    public void loadResults() {
        RaterSession session = selectedSession.get();
        Path folder = workspace.get();
        if (session == null || folder == null) {
            results.set(null);
            return;
        }
        tasks.submit(null, context -> SessionResults.read(folder, session.id()), results::set,
                failure -> message.set("Could not read the results of '" + session.name() + "': "
                        + failure.getMessage()));
    }

    /** Writes every answer of the loaded session, with rater ids and revealed models, to {@code file}. */
    public void exportCsv(Path file) {
        SessionResults loaded = results.get();
        if (loaded == null) {
            message.set("Choose a session first.");
            return;
        }
        tasks.submit("Exporting ratings", context -> {
            AtomicFiles.writeString(file, loaded.csv());
            return file;
        }, written -> message.set(String.format(Locale.ROOT, "Exported %d answers to %s",
                loaded.summary().answers(), written)),
                failure -> dialogs.showError("Could not write " + file + ".", failure));
    }

    SessionBuilder.Settings settings() {
        int perTask;
        long seedValue;
        try {
            perTask = Integer.parseInt(itemsPerTask.get().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Items per task: '" + itemsPerTask.get() + "' is not a whole number");
        }
        try {
            seedValue = Long.parseLong(seed.get().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Seed: '" + seed.get() + "' is not a whole number");
        }
        return new SessionBuilder.Settings(sessionName.get() == null ? "" : sessionName.get().strip(),
                List.copyOf(selectedModels), List.copyOf(selectedTasks), perTask, sideBySide.get(), seedValue);
    }

    private char[] checkedPin() {
        String typed = pin.get() == null ? "" : pin.get();
        if (typed.length() < PinHash.MIN_LENGTH) {
            throw new IllegalArgumentException("PIN: at least " + PinHash.MIN_LENGTH
                    + " characters; raters need it to leave rater mode, so keep it to yourself");
        }
        if (!typed.equals(pinRepeat.get())) {
            throw new IllegalArgumentException("PIN: the two entries differ");
        }
        return typed.toCharArray();
    }

    private void updateTasks() {
        TreeSet<String> common = null;
        for (ModelOutputs model : selectedModels) {
            if (common == null) {
                common = new TreeSet<>(model.tasks());
            } else {
                common.retainAll(model.tasks());
            }
        }
        availableTasks.setAll(common == null ? List.of() : List.copyOf(common));
        selectedTasks.retainAll(availableTasks);
    }

    private void refreshThenSelect(long sessionId) {
        Path folder = workspace.get();
        tasks.submit(null, context -> RateSnapshot.read(folder), snapshot -> {
            sessions.setAll(snapshot.sessions());
            sessions.stream().filter(s -> s.id() == sessionId).findFirst().ifPresent(selectedSession::set);
        }, failure -> message.set("Could not read the workspace: " + failure.getMessage()));
    }
}
