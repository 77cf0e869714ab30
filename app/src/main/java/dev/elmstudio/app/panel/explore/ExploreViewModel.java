package dev.elmstudio.app.panel.explore;

import java.util.function.Supplier;
import dev.elmstudio.engine.encode.TextEncoder;
import dev.elmstudio.engine.encode.MiniLmEncoder;
import dev.elmstudio.app.shell.DialogService;
import dev.elmstudio.app.task.Debouncer;
import dev.elmstudio.app.task.TaskRunner;
import dev.elmstudio.engine.explore.ConceptDirection;
import dev.elmstudio.engine.explore.ExploreInput;
import dev.elmstudio.engine.explore.ExploreSession;
import dev.elmstudio.engine.explore.LatestGeneration;
import dev.elmstudio.engine.lm.Generation;
import dev.elmstudio.engine.lm.GenerationConfig;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Explore panel: pick a finished ELM run, an entity and a task, and watch the text the ELM writes for the
 * point as it moves between two entities or along a concept direction. Every change of the input cancels the
 * generation in flight at once (its text is obsolete) and, once the input has been still for {@link #DEBOUNCE},
 * starts one for the new point; tokens stream into {@link #textProperty()}. The point's map position and nearest
 * real entities come with the generation's start, SC once its text is complete.
 *
 * <p>All properties are touched on the UI thread only; generations run on {@link LatestGeneration}'s thread,
 * loading, CAV training, SC and saving on the task runner.
 */
public final class ExploreViewModel {
    /** Quiet time after the last slider move before generating: fast enough to feel live, long enough to skip drags. */
    public static final Duration DEBOUNCE = Duration.ofMillis(120);
    /** How many nearest entities are listed. */
    public static final int NEAREST = 8;
    /** The α slider's range, in standard deviations of the space along the concept. */
    public static final double MAX_ALPHA = 3;

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final LatestGeneration generations = new LatestGeneration();
    private final Debouncer debouncer;
    private final SemanticScorer scorer;

    private final ObjectProperty<Path> workspace = new SimpleObjectProperty<>();
    private final ObservableList<Run> runs = FXCollections.observableArrayList();
    private final ObjectProperty<Run> run = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<LoadedRun> loaded = new ReadOnlyObjectWrapper<>();
    private final StringProperty status = new SimpleStringProperty("Open a workspace with a finished ELM run.");

    private final ObservableList<EntityChoice> entities = FXCollections.observableArrayList();
    private final Map<Integer, EntityChoice> entityById = new HashMap<>();
    private final ObjectProperty<EntityChoice> entity = new SimpleObjectProperty<>();
    private final ObservableList<String> taskNames = FXCollections.observableArrayList();
    private final StringProperty task = new SimpleStringProperty();
    private final StringProperty prompt = new SimpleStringProperty("");
    private final ObjectProperty<EntityChoice> second = new SimpleObjectProperty<>();
    private final DoubleProperty t = new SimpleDoubleProperty(0);
    private final ObservableList<String> concepts = FXCollections.observableArrayList();
    private final StringProperty concept = new SimpleStringProperty();
    private final DoubleProperty alpha = new SimpleDoubleProperty(0);
    private final StringProperty conceptInfo = new SimpleStringProperty("");

    private final DoubleProperty temperature = new SimpleDoubleProperty(0);
    private final DoubleProperty topP = new SimpleDoubleProperty(1);
    private final IntegerProperty maxTokens = new SimpleIntegerProperty(48);
    private final IntegerProperty seed = new SimpleIntegerProperty(0);
    private final BooleanProperty stopAtEnd = new SimpleBooleanProperty(true);

    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty generating = new SimpleBooleanProperty();
    private final StringProperty outputStatus = new SimpleStringProperty("");
    private final StringProperty sc = new SimpleStringProperty("SC —");
    private final DoubleProperty scValue = new SimpleDoubleProperty(Double.NaN);
    private final ObservableList<NearestEntity> nearest = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<float[]> pointVector = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<double[]> mapPoint = new ReadOnlyObjectWrapper<>();
    private final ObservableList<PinnedOutput> pins = FXCollections.observableArrayList();

    private final ReadOnlyIntegerWrapper requested = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper completed = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper cancelled = new ReadOnlyIntegerWrapper();

    /** Id of the newest request (UI thread); events of older ones are ignored. */
    private long currentRequest;
    /** The input changed since the last request was made. */
    private boolean dirty;
    private Request shown;
    private Integer pendingFocus;
    /** A concept asked for by {@link #focusConcept(String)} while a run was loading, chosen once it has loaded. */
    private String pendingConcept;
    /** A run asked for by {@link #focusEntity(long, int)}, chosen when the run list next arrives. */
    private Long preferredRun;
    /** The panel is on screen: only then is a workspace's run loaded (a model costs memory and a few seconds). */
    private boolean active;

    /** What the text on screen was generated from. */
    private record Request(long id, LoadedRun run, String task, ExploreInput input, GenerationConfig config) {}

    /** With its own all-MiniLM-L6-v2 for SC, loaded on first use. */
    public ExploreViewModel(TaskRunner tasks, DialogService dialogs) {
        this(tasks, dialogs, MiniLmEncoder::new);
    }

    /** @param encoders the SC text encoder (the app shares one with Compare), asked for on a background thread */
    public ExploreViewModel(TaskRunner tasks, DialogService dialogs, Supplier<? extends TextEncoder> encoders) {
        this.scorer = new SemanticScorer(encoders);
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.debouncer = new Debouncer(DEBOUNCE, tasks::onUiThread, this::generate);
        workspace.addListener((obs, old, now) -> {
            runs.clear();
            run.set(null);
            if (active || pendingFocus != null) {
                refreshRuns();
            }
        });
        run.addListener((obs, old, now) -> load(now));
        concept.addListener((obs, old, now) -> trainConcept(now));
        task.addListener((obs, old, now) -> prompt.set(loaded.get() == null || now == null ? ""
                : loaded.get().session().prompt(now)));
        // Change listeners, not invalidation listeners: those fire once until someone reads the value again, so a
        // drag would be seen only at its first move.
        for (ObservableValue<?> input : List.<ObservableValue<?>>of(entity, task, second, t, concept, alpha,
                temperature, topP, maxTokens, seed, stopAtEnd)) {
            input.addListener((obs, old, now) -> inputChanged());
        }
    }

    // Properties

    public ObjectProperty<Path> workspaceProperty() { return workspace; }
    /** Finished ELM runs of the workspace, newest first. */
    public ObservableList<Run> runs() { return runs; }
    public ObjectProperty<Run> runProperty() { return run; }
    public ReadOnlyObjectProperty<LoadedRun> loadedProperty() { return loaded.getReadOnlyProperty(); }
    public StringProperty statusProperty() { return status; }
    public ObservableList<EntityChoice> entities() { return entities; }
    public ObjectProperty<EntityChoice> entityProperty() { return entity; }
    public ObservableList<String> taskNames() { return taskNames; }
    public StringProperty taskProperty() { return task; }
    /** The chosen task's prompt template. */
    public StringProperty promptProperty() { return prompt; }
    /** The other end of the interpolation; null when not interpolating. */
    public ObjectProperty<EntityChoice> secondProperty() { return second; }
    /** Interpolation position: 0 is the entity, 1 the second entity. */
    public DoubleProperty tProperty() { return t; }
    public ObservableList<String> concepts() { return concepts; }
    /** The concept to push along ("genre:Horror"), or null. */
    public StringProperty conceptProperty() { return concept; }
    /** How far along the concept, in standard deviations of the space along it, within ±{@link #MAX_ALPHA}. */
    public DoubleProperty alphaProperty() { return alpha; }
    /** The concept's CAV quality once trained. */
    public StringProperty conceptInfoProperty() { return conceptInfo; }
    public DoubleProperty temperatureProperty() { return temperature; }
    public DoubleProperty topPProperty() { return topP; }
    public IntegerProperty maxTokensProperty() { return maxTokens; }
    public IntegerProperty seedProperty() { return seed; }
    /** Stop at the end-of-text token (off: always write max tokens, to see where the model drifts). */
    public BooleanProperty stopAtEndProperty() { return stopAtEnd; }
    public StringProperty textProperty() { return text; }
    public BooleanProperty generatingProperty() { return generating; }
    /** Tokens, time to the first token and to the whole text of the last generation. */
    public StringProperty outputStatusProperty() { return outputStatus; }
    public StringProperty scProperty() { return sc; }
    /** SC of the current text; NaN while unknown. */
    public DoubleProperty scValueProperty() { return scValue; }
    public ObservableList<NearestEntity> nearest() { return nearest; }
    /** The vector the current text was generated from. */
    public ReadOnlyObjectProperty<float[]> pointVectorProperty() { return pointVector.getReadOnlyProperty(); }
    /** That vector on the map: {x, y} on the space's principal plane. */
    public ReadOnlyObjectProperty<double[]> mapPointProperty() { return mapPoint.getReadOnlyProperty(); }
    public ObservableList<PinnedOutput> pins() { return pins; }
    /** Generations started, finished with their whole text, and stopped because the input moved on. */
    public ReadOnlyIntegerProperty requestedProperty() { return requested.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty completedProperty() { return completed.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty cancelledProperty() { return cancelled.getReadOnlyProperty(); }

    // Commands

    /** Re-reads the workspace's finished ELM runs (the panel calls it when shown: a run may have finished since). */
    public void refreshRuns() {
        Path folder = workspace.get();
        if (folder == null) {
            runs.clear();
            run.set(null);
            return;
        }
        tasks.submit(null, context -> ExploreLoader.finishedRuns(folder), found -> {
            if (!Objects.equals(folder, workspace.get())) {
                return;
            }
            Long selected = run.get() == null ? null : run.get().id();
            Long wanted = preferredRun != null && found.stream().anyMatch(r -> r.id() == preferredRun)
                    ? preferredRun : selected;
            preferredRun = null;
            runs.setAll(found);
            Run keep = found.stream().filter(r -> Objects.equals(r.id(), wanted)).findFirst()
                    .orElse(found.isEmpty() ? null : found.get(0));
            if (keep == null || selected == null || keep.id() != selected) {
                run.set(keep);
            }
            if (found.isEmpty()) {
                status.set("No finished ELM run in this workspace: train one first (Train ELM, or 'elm train').");
            }
        }, failure -> status.set("Could not list the workspace's runs: " + failure.getMessage()));
    }

    /** The panel was shown or hidden; showing it loads the workspace's newest finished ELM run. */
    public void setActive(boolean shown) {
        active = shown;
        if (shown) {
            refreshRuns(); // a run may have finished since the panel was last shown
        }
    }

    /** Shows the entity as described by run {@code runId} (the demo's first-run flow names both). */
    public void focusEntity(long runId, int id) {
        if (run.get() != null && run.get().id() == runId) {
            focusEntity(id);
            return;
        }
        preferredRun = runId;
        pendingFocus = id;
        refreshRuns();
    }

    /** Shows the entity (the first-run flow lands here with a film selected); waits for a run still loading. */
    public void focusEntity(int id) {
        EntityChoice choice = entityById.get(id);
        if (choice == null) {
            pendingFocus = id;
            if (run.get() == null) {
                refreshRuns(); // nothing loaded yet: load the newest run, then show the entity
            }
            return;
        }
        pendingFocus = null;
        entity.set(choice);
    }

    /**
     * Pushes along {@code name} ("tag:masterpiece") if the run's concepts include it; asked while a run is loading
     * (the demo's first run), it is chosen when that run has loaded. A concept the run lacks is ignored.
     */
    public void focusConcept(String name) {
        boolean loading = loaded.get() == null || pendingFocus != null || preferredRun != null;
        if (loading) {
            pendingConcept = name;
        } else if (concepts.contains(name)) {
            concept.set(name);
        }
    }

    /**
     * A slider was let go: generate for where it stopped now instead of after the debounce (the user waits for
     * this one), unless a generation for the current input already started.
     */
    public void sliderReleased() {
        if (dirty) {
            debouncer.close();
            generate();
        }
    }

    /** Generates now for the current input, without waiting for the debounce. */
    public void generate() {
        LoadedRun current = loaded.get();
        if (current == null || entity.get() == null || task.get() == null) {
            return;
        }
        ExploreInput input = input();
        GenerationConfig config;
        try {
            // An id no tokenizer has as the only stop token: generation then ignores end-of-text.
            config = new GenerationConfig(maxTokens.get(), temperature.get(), 0, topP.get(), seed.get(), List.of(),
                    stopAtEnd.get() ? List.of() : List.of(-1L));
        } catch (IllegalArgumentException e) {
            outputStatus.set("Decoding settings: " + e.getMessage());
            return;
        }
        Request request = new Request(++currentRequest, current, task.get(), input, config);
        dirty = false;
        generating.set(true);
        requested.set(requested.get() + 1);
        text.set("");
        sc.set("SC …");
        scValue.set(Double.NaN);
        outputStatus.set("Generating…");
        generations.submit(current.session(), new LatestGeneration.Request(request.task(), input, config),
                new Relay(request, System.nanoTime()));
    }

    /** Keeps the current text and its inputs in the pinned list. */
    public void pin() {
        Request request = shown;
        if (request == null || generating.get() || text.get().isEmpty()) {
            return;
        }
        ExploreSession session = request.run().session();
        double strength = request.input().shifts() && session.concepts().isTrained(request.input().concept())
                ? request.input().alpha() * session.concepts().get(request.input().concept()).spread() : 0;
        pins.add(0, new PinnedOutput(request.run().runId(), request.task(),
                InputDescription.words(request.input(), this::label),
                InputDescription.json(request.task(), request.input(), strength, request.config()), text.get(),
                sc.get(), null));
    }

    /** Saves a pinned text to the workspace's generations table. */
    public void save(PinnedOutput pin) {
        Path folder = workspace.get();
        if (folder == null || pin.savedAs() != null) {
            return;
        }
        tasks.submit("Saving a generation", context -> {
            try (Workspace opened = Workspace.open(folder)) {
                return opened.generations().create(pin.runId(), null, pin.inputJson(), pin.text()).id();
            }
        }, id -> {
            int at = pins.indexOf(pin);
            if (at >= 0) {
                pins.set(at, pin.saved(id));
            }
        }, failure -> dialogs.showError("Could not save the text to the workspace's generations: "
                + failure.getMessage(), failure));
    }

    /** Stops generating and closes the loaded model (the window is closing). */
    public void close() {
        debouncer.close();
        generations.close();
        LoadedRun current = loaded.get();
        if (current != null) {
            current.session().close();
        }
    }

    // Inputs

    private ExploreInput input() {
        int id = entity.get().id();
        ExploreInput input = second.get() == null ? ExploreInput.entity(id)
                : ExploreInput.between(id, second.get().id(), t.get());
        return concept.get() == null || concept.get().isEmpty() ? input : input.shifted(concept.get(), alpha.get());
    }

    private void inputChanged() {
        // The text on screen no longer matches the input: stop writing it now, start the new one when still.
        currentRequest++;
        dirty = true;
        generations.cancel();
        generating.set(false);
        if (loaded.get() != null && entity.get() != null && task.get() != null) {
            debouncer.trigger();
        }
    }

    private String label(int id) {
        EntityChoice choice = entityById.get(id);
        return choice == null ? "#" + id : choice.label();
    }

    // Loading

    private void load(Run selected) {
        currentRequest++;
        generations.cancel();
        debouncer.close();
        LoadedRun old = loaded.get();
        loaded.set(null);
        Integer focus = pendingFocus != null ? pendingFocus : entity.get() == null ? null : entity.get().id();
        clearRunState();
        if (old != null) {
            tasks.submit(null, context -> {
                old.session().close(); // waits for a cancelled generation to reach its next token
                return null;
            }, done -> { }, failure -> { });
        }
        Path folder = workspace.get();
        if (selected == null || folder == null) {
            return;
        }
        status.set("Loading run " + selected.id() + "…");
        tasks.submit("Loading ELM run " + selected.id(), context -> ExploreLoader.load(folder, selected.id()),
                result -> {
                    if (run.get() == null || run.get().id() != result.runId()) {
                        tasks.submit(null, context -> {
                            result.session().close();
                            return null;
                        }, done -> { }, failure -> { });
                        return;
                    }
                    show(result, focus);
                }, failure -> {
                    status.set("Could not load run " + selected.id() + ": " + failure.getMessage());
                    dialogs.showError("Could not load ELM run " + selected.id() + ": " + failure.getMessage(), failure);
                });
    }

    private void clearRunState() {
        entities.clear();
        entityById.clear();
        taskNames.clear();
        concepts.clear();
        nearest.clear();
        text.set("");
        sc.set("SC —");
        scValue.set(Double.NaN);
        outputStatus.set("");
        pointVector.set(null);
        mapPoint.set(null);
        shown = null;
    }

    private void show(LoadedRun result, Integer focus) {
        ExploreSession session = result.session();
        result.entities().forEach(choice -> entityById.put(choice.id(), choice));
        entities.setAll(result.entities());
        concepts.setAll(session.concepts().concepts());
        taskNames.setAll(session.tasks());
        loaded.set(result);
        status.set(result.description() + (session.hasSemanticSpace() ? ""
                : " · SC needs a semantic (all-MiniLM-L6-v2) space in the dataset"));
        if (pendingConcept != null && session.concepts().concepts().contains(pendingConcept)
                && !pendingConcept.equals(concept.get())) {
            concept.set(pendingConcept); // trains its CAV through the concept listener
        } else if (concept.get() != null && !session.concepts().concepts().contains(concept.get())) {
            concept.set(null);
        } else if (concept.get() != null) {
            trainConcept(concept.get()); // the same concept in the new run's space: its CAV is a new one
        }
        if (second.get() != null && !entityById.containsKey(second.get().id())) {
            second.set(null);
        }
        task.set(taskNames.contains(task.get()) ? task.get() : taskNames.isEmpty() ? null : taskNames.get(0));
        prompt.set(task.get() == null ? "" : session.prompt(task.get()));
        pendingConcept = null;
        // An entity focused while the run was loading wins over the one shown when the load began.
        Integer wanted = pendingFocus != null ? pendingFocus : focus;
        EntityChoice start = wanted == null ? null : entityById.get(wanted);
        pendingFocus = start == null ? wanted : null;
        if (start == null && !entities.isEmpty()) {
            start = entities.get(0);
        }
        if (Objects.equals(entity.get(), start)) {
            inputChanged(); // same entity in the new run: still generate
        } else {
            entity.set(start);
        }
    }

    private void trainConcept(String name) {
        LoadedRun current = loaded.get();
        conceptInfo.set("");
        if (current == null || name == null || name.isEmpty()) {
            return;
        }
        conceptInfo.set("Training the CAV…");
        tasks.submit("Training CAV " + name, context -> current.session().concepts().get(name), direction -> {
            if (name.equals(concept.get())) {
                conceptInfo.set(describe(direction));
            }
        }, failure -> {
            if (name.equals(concept.get())) {
                conceptInfo.set("No CAV: " + failure.getMessage());
            }
        });
    }

    private static String describe(ConceptDirection direction) {
        return String.format(Locale.ROOT, "CAV held-out balanced accuracy %.2f, p = %.3f; 1σ = %.3f",
                direction.cav().heldOutBalancedAccuracy(), direction.cav().pValue(), direction.spread());
    }

    // Generation events: called on the generation thread, applied on the UI thread if still current

    private final class Relay implements LatestGeneration.Listener {
        private final Request request;
        private final long startNanos;
        private final AtomicReference<String> latestText = new AtomicReference<>();
        private volatile long firstTokenNanos;

        Relay(Request request, long startNanos) {
            this.request = request;
            this.startNanos = startNanos;
        }

        @Override
        public void started(float[] vector) {
            ExploreSession session = request.run().session();
            List<NearestEntity> close = session.nearest(vector, NEAREST).stream()
                    .map(n -> new NearestEntity(request.run().choice(n.id()), n.cosine())).toList();
            double[] xy = request.run().mapPosition(vector);
            onUi(() -> {
                pointVector.set(vector);
                mapPoint.set(xy);
                nearest.setAll(close);
            });
        }

        @Override
        public void token(String textSoFar) {
            if (firstTokenNanos == 0) {
                firstTokenNanos = System.nanoTime();
            }
            // One UI update per frame at most, however fast tokens come: only the newest text matters.
            if (latestText.getAndSet(textSoFar) == null) {
                onUi(() -> text.set(latestText.getAndSet(null)));
            }
        }

        @Override
        public void finished(Generation generation) {
            long end = System.nanoTime();
            float[] semanticTarget = request.run().session().hasSemanticSpace()
                    ? request.run().session().semanticTargetFor(request.input()) : null;
            tasks.onUiThread(() -> {
                completed.set(completed.get() + 1);
                if (request.id() != currentRequest) {
                    return;
                }
                text.set(generation.text());
                generating.set(false);
                shown = request;
                outputStatus.set(String.format(Locale.ROOT, "%d tokens · first token %d ms · whole text %d ms · %s",
                        generation.tokenIds().length, firstTokenNanos == 0 ? 0 : (firstTokenNanos - startNanos) / 1_000_000,
                        (end - startNanos) / 1_000_000, generation.stopReason().name().toLowerCase(Locale.ROOT)));
                scoreSc(request, generation.text(), semanticTarget);
            });
        }

        @Override
        public void cancelled() {
            tasks.onUiThread(() -> cancelled.set(cancelled.get() + 1));
        }

        @Override
        public void failed(Throwable error) {
            tasks.onUiThread(() -> {
                if (request.id() != currentRequest) {
                    return;
                }
                generating.set(false);
                outputStatus.set("Generation failed: " + error.getMessage());
            });
        }

        private void onUi(Runnable action) {
            tasks.onUiThread(() -> {
                if (request.id() == currentRequest) {
                    action.run();
                }
            });
        }
    }

    private void scoreSc(Request request, String output, float[] semanticTarget) {
        if (semanticTarget == null) {
            sc.set("SC — (no semantic space)");
            return;
        }
        if (output.isBlank()) {
            sc.set("SC — (empty text)");
            return;
        }
        tasks.submit(null, context -> scorer.score(output, semanticTarget), value -> {
            if (request.id() == currentRequest) {
                scValue.set(value);
                sc.set(String.format(Locale.ROOT, "SC %.3f", value));
            }
        }, failure -> {
            if (request.id() == currentRequest) {
                sc.set("SC failed: " + failure.getMessage());
            }
        });
    }
}
