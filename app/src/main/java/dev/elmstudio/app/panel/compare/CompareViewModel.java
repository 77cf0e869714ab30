package dev.elmstudio.app.panel.compare;

import dev.elmstudio.app.compare.Answer;
import dev.elmstudio.app.compare.CompareInput;
import dev.elmstudio.app.compare.CompareSession;
import dev.elmstudio.app.shell.DialogService;
import dev.elmstudio.app.task.TaskContext;
import dev.elmstudio.app.task.TaskHandle;
import dev.elmstudio.app.task.TaskRunner;
import dev.elmstudio.engine.encode.TextEncoder;
import dev.elmstudio.engine.lm.TokenListener;
import dev.elmstudio.storage.EvalRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Compare panel: an ELM run and its text-only baseline (found through the baseline contract) answer the same
 * input, streamed one after the other, each with SC/BC and a line saying exactly what it received; and the run's
 * stored evaluations as a table, ELM against baseline. Loading, generating and scoring run in the background.
 */
public final class CompareViewModel {

    /** What both models are asked about. */
    public enum InputKind {
        ENTITY("Entity"), INTERPOLATION("Interpolation"), CAV("CAV shift");

        private final String label;

        InputKind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Supplier<TextEncoder> encoderFactory;
    private TextEncoder encoder;
    private CompareSession session;
    private TaskHandle comparison;

    private final ObjectProperty<Path> workspace = new SimpleObjectProperty<>();
    private final ObservableList<ElmRunChoice> runs = FXCollections.observableArrayList();
    private final ObjectProperty<ElmRunChoice> run = new SimpleObjectProperty<>();
    private final StringProperty baselineStatus = new SimpleStringProperty("");
    private final ObservableList<CompareSession.Film> films = FXCollections.observableArrayList();
    private final ObservableList<String> taskNames = FXCollections.observableArrayList();
    private final ObservableList<String> genres = FXCollections.observableArrayList();
    private final ObjectProperty<InputKind> kind = new SimpleObjectProperty<>(InputKind.ENTITY);
    private final ObjectProperty<CompareSession.Film> film = new SimpleObjectProperty<>();
    private final ObjectProperty<CompareSession.Film> secondFilm = new SimpleObjectProperty<>();
    private final DoubleProperty t = new SimpleDoubleProperty(0.5);
    private final StringProperty genre = new SimpleStringProperty();
    private final DoubleProperty strength = new SimpleDoubleProperty(2);
    private final StringProperty task = new SimpleStringProperty();
    private final IntegerProperty maxTokens = new SimpleIntegerProperty(48);
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty hasBaseline = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("Choose an ELM run.");
    private final AnswerSide elm = new AnswerSide();
    private final AnswerSide baseline = new AnswerSide();
    private final ReportsViewModel reports;
    private boolean hasUsers;

    /** @param encoderFactory makes the SC/BC text encoder (all-MiniLM-L6-v2 in the app), once, on a background thread */
    public CompareViewModel(TaskRunner tasks, DialogService dialogs, Supplier<TextEncoder> encoderFactory) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.encoderFactory = encoderFactory;
        this.reports = new ReportsViewModel(tasks, workspace, status);
        workspace.addListener((obs, old, now) -> {
            run.set(null);
            runs.clear();
            refreshRuns();
        });
        run.addListener((obs, old, now) -> openRun(now));
    }

    public ObjectProperty<Path> workspaceProperty() { return workspace; }
    public ObservableList<ElmRunChoice> runs() { return runs; }
    public ObjectProperty<ElmRunChoice> runProperty() { return run; }
    public StringProperty baselineStatusProperty() { return baselineStatus; }
    public ObservableList<CompareSession.Film> films() { return films; }
    public ObservableList<String> taskNames() { return taskNames; }
    public ObservableList<String> genres() { return genres; }
    public ObjectProperty<InputKind> kindProperty() { return kind; }
    public ObjectProperty<CompareSession.Film> filmProperty() { return film; }
    public ObjectProperty<CompareSession.Film> secondFilmProperty() { return secondFilm; }
    /** Interpolation position: 0 is the first film, 1 the second. */
    public DoubleProperty tProperty() { return t; }
    public StringProperty genreProperty() { return genre; }
    /** CAV step along the genre's unit direction; negative moves away from the genre. */
    public DoubleProperty strengthProperty() { return strength; }
    public StringProperty taskProperty() { return task; }
    public IntegerProperty maxTokensProperty() { return maxTokens; }
    public BooleanProperty loadingProperty() { return loading; }
    public BooleanProperty runningProperty() { return running; }
    public BooleanProperty hasBaselineProperty() { return hasBaseline; }
    public StringProperty statusProperty() { return status; }
    public AnswerSide elm() { return elm; }
    public AnswerSide baseline() { return baseline; }
    /** The second tab: the chosen run's stored evaluations. */
    public ReportsViewModel reports() { return reports; }

    // Commands

    /** Re-reads the workspace's finished ELM runs and which of them have a baseline. */
    public void refreshRuns() {
        Path folder = workspace.get();
        if (folder == null) {
            return;
        }
        tasks.submit(null, context -> ElmRunChoice.list(folder), list -> {
            if (folder.equals(workspace.get())) {
                Long selected = run.get() == null ? null : run.get().id();
                runs.setAll(list);
                if (selected != null) {
                    list.stream().filter(c -> c.id() == selected).findFirst().ifPresent(run::set);
                }
            }
        }, failure -> status.set("Could not read the workspace's runs: " + failure.getMessage()));
    }

    /** Both models answer the current input, the ELM first; each text streams in as it is written. */
    public void compare() {
        CompareSession current = session;
        if (current == null || running.get() || loading.get()) {
            return;
        }
        CompareInput input;
        try {
            input = input();
        } catch (IllegalStateException incomplete) {
            status.set(incomplete.getMessage());
            return;
        }
        elm.clear();
        baseline.clear();
        running.set(true);
        status.set("Generating with the ELM…");
        int tokens = maxTokens.get();
        comparison = tasks.submit("Comparing ELM and baseline", context -> {
            Answer elmAnswer = current.elm(input, tokens, streamTo(elm, context));
            tasks.onUiThread(() -> {
                elm.show(elmAnswer, hasUsers);
                status.set(hasBaseline.get() ? "Generating with the text-only baseline…" : status.get());
            });
            Optional<Answer> baselineAnswer = context.isCancelled() ? Optional.empty()
                    : current.baseline(input, tokens, streamTo(baseline, context));
            return new Answers(elmAnswer, baselineAnswer);
        }, answers -> {
            running.set(false);
            closeIfReplaced(current);
            answers.baseline().ifPresent(a -> baseline.show(a, hasUsers));
            status.set(comparison != null && comparison.isCancelled() ? "Stopped."
                    : answers.baseline().isPresent() ? "Done: both models answered the same input."
                    : "Done: the ELM answered; this run has no text-only baseline (build one with 'elm baseline --elm "
                            + current.run().runId() + "').");
        }, failure -> {
            running.set(false);
            closeIfReplaced(current);
            status.set("Comparison failed: " + failure.getMessage());
            dialogs.showError("Could not compare the ELM and its baseline.", failure);
        });
    }

    public void cancel() {
        if (comparison != null) {
            comparison.cancel();
        }
    }

    /** Closes the loaded models (when the window closes). */
    public void close() {
        cancel();
        CompareSession old = session;
        session = null;
        if (old != null && !running.get()) {
            old.close();
        }
    }

    private record Answers(Answer elm, Optional<Answer> baseline) {}

    private TokenListener streamTo(AnswerSide side, TaskContext context) {
        return (id, textSoFar) -> {
            tasks.onUiThread(() -> side.textProperty().set(textSoFar));
            return !context.isCancelled();
        };
    }

    private CompareInput input() {
        String chosenTask = task.get();
        if (chosenTask == null) {
            throw new IllegalStateException("Choose a task.");
        }
        if (film.get() == null) {
            throw new IllegalStateException("Choose a film.");
        }
        return switch (kind.get()) {
            case ENTITY -> new CompareInput.Entity(film.get().id(), chosenTask);
            case INTERPOLATION -> {
                if (secondFilm.get() == null) {
                    throw new IllegalStateException("Choose the second film to interpolate towards.");
                }
                yield new CompareInput.Interpolation(film.get().id(), secondFilm.get().id(), t.get(), chosenTask);
            }
            case CAV -> {
                if (genre.get() == null) {
                    throw new IllegalStateException("Choose a genre for the CAV.");
                }
                yield new CompareInput.CavShift(film.get().id(), genre.get(), strength.get(), chosenTask);
            }
        };
    }

    private void openRun(ElmRunChoice choice) {
        cancel();
        // A comparison still generating uses the old models: it closes them itself when it ends (closeIfReplaced).
        CompareSession old = running.get() ? null : session;
        session = null;
        films.clear();
        taskNames.clear();
        genres.clear();
        reports.clear();
        elm.clear();
        baseline.clear();
        hasBaseline.set(false);
        baselineStatus.set("");
        Path folder = workspace.get();
        if (choice == null || folder == null) {
            closeInBackground(old);
            return;
        }
        loading.set(true);
        status.set("Loading run " + choice.id() + " and its baseline…");
        tasks.submit("Loading run " + choice.id() + " for comparison", context -> {
            if (old != null) {
                old.close();
            }
            CompareSession opened = CompareSession.open(folder, choice.id(), encoder());
            try {
                context.message("Fitting the behavioral scorer (ALS, text → behavior map)");
                opened.prepareScoring();
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            List<EvalRun> evals = ElmRunChoice.evaluations(folder, choice.id());
            return new Opened(opened, evals);
        }, opened -> {
            loading.set(false);
            if (choice != run.get()) { // another run was chosen meanwhile
                closeInBackground(opened.session());
                return;
            }
            show(opened);
        }, failure -> {
            loading.set(false);
            status.set("Could not load run " + choice.id() + ": " + failure.getMessage());
            dialogs.showError("Could not load run " + choice.id() + " for comparison.", failure);
        });
    }

    private record Opened(CompareSession session, List<EvalRun> evaluations) {}

    private void show(Opened opened) {
        session = opened.session();
        hasUsers = session.hasUsers();
        films.setAll(session.films());
        taskNames.setAll(session.entityTasks());
        genres.setAll(session.genres());
        film.set(films.isEmpty() ? null : films.get(0));
        secondFilm.set(films.size() < 2 ? null : films.get(films.size() - 1));
        task.set(taskNames.isEmpty() ? null : taskNames.get(0));
        genre.set(genres.isEmpty() ? null : genres.get(0));
        hasBaseline.set(session.baselineModel().isPresent());
        baselineStatus.set(session.baselineModel().map(m -> "Baseline: " + m.name() + " (base model " + m.id() + ")")
                .orElse("No text-only baseline for this run: build one with 'elm baseline --elm " + session.run().runId() + "'."));
        reports.show(opened.evaluations());
        status.set("Ready: choose an input and Compare.");
    }

    /** Closes the models a comparison used once they are no longer the panel's (another run was chosen meanwhile). */
    private void closeIfReplaced(CompareSession used) {
        if (used != session) {
            closeInBackground(used);
        }
    }

    private void closeInBackground(CompareSession old) {
        if (old != null) {
            tasks.submit(null, context -> {
                old.close();
                return null;
            }, done -> { }, failure -> { });
        }
    }

    private synchronized TextEncoder encoder() {
        if (encoder == null) {
            encoder = encoderFactory.get();
        }
        return encoder;
    }
}
