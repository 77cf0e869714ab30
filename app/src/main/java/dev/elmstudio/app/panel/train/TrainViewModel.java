package dev.elmstudio.app.panel.train;

import ai.djl.Device;
import dev.elmstudio.app.shell.DialogService;
import dev.elmstudio.app.task.TaskRunner;
import dev.elmstudio.app.ui.MetricPoint;
import dev.elmstudio.engine.train.TrainingControl;
import dev.elmstudio.engine.train.TrainingEvent;
import dev.elmstudio.app.jobs.ElmRunException;
import dev.elmstudio.app.jobs.ElmRunSettings;
import dev.elmstudio.app.jobs.ElmTrainingJob;
import dev.elmstudio.engine.elm.Stage;
import dev.elmstudio.storage.RunKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Train panel: a pretraining form and a two-stage ELM form ({@link ElmFormModel}), each validated as it is
 * typed, and one run at a time with live curves (per ELM stage), progress, pause, resume and cancel. The run works on a background thread; its events come
 * back to the UI thread through the task runner. Finding interrupted runs is {@link ResumeFinder}'s.
 */
public final class TrainViewModel {

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Supplier<Device> device;
    private final PretrainFormValidator validator = new PretrainFormValidator();

    // Properties: the form
    private final ObjectProperty<Path> workspace = new SimpleObjectProperty<>();
    private final StringProperty corpus = new SimpleStringProperty("");
    private final StringProperty vocab = new SimpleStringProperty("512");
    private final StringProperty layers = new SimpleStringProperty("2");
    private final StringProperty width = new SimpleStringProperty("64");
    private final StringProperty heads = new SimpleStringProperty("4");
    private final StringProperty context = new SimpleStringProperty("64");
    private final StringProperty batch = new SimpleStringProperty("8");
    private final StringProperty steps = new SimpleStringProperty("200");
    private final StringProperty learningRate = new SimpleStringProperty("0.001");
    private final StringProperty problems = new SimpleStringProperty("");
    // Properties: the run
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("No run yet.");
    private final StringProperty throughput = new SimpleStringProperty("");
    private final ObjectProperty<Long> runId = new SimpleObjectProperty<>();
    private final ObjectProperty<TrainMode> mode = new SimpleObjectProperty<>(TrainMode.PRETRAIN);
    private final ObjectProperty<TrainMode> runMode = new SimpleObjectProperty<>(TrainMode.PRETRAIN);
    private final ObservableList<MetricPoint> loss = FXCollections.observableArrayList();
    private final ObservableList<MetricPoint> stage2Loss = FXCollections.observableArrayList();
    private final ObservableList<MetricPoint> validationLoss = FXCollections.observableArrayList();
    private final ObservableList<MetricPoint> learningRates = FXCollections.observableArrayList();
    private final ObservableList<MetricPoint> stage2LearningRates = FXCollections.observableArrayList();
    private final ElmFormModel elmForm;
    private final ResumeFinder resumeFinder;
    private final BooleanBinding canLaunch;
    private final Queue<StagedEvent> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private TrainingControl control;

    public TrainViewModel(TaskRunner tasks, DialogService dialogs, Supplier<Device> device) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.device = device;
        this.resumeFinder = new ResumeFinder(tasks);
        this.elmForm = new ElmFormModel(tasks);
        for (StringProperty field : new StringProperty[] {corpus, vocab, layers, width, heads, context, batch, steps,
                learningRate}) {
            field.addListener((obs, old, now) -> validate());
        }
        validate();
        // Datasets may have been imported since the form last looked: look again when the ELM form is shown.
        mode.addListener((obs, old, now) -> {
            if (now == TrainMode.ELM && workspace.get() != null) {
                elmForm.reload();
            }
        });
        workspace.addListener((obs, old, now) -> {
            resumeFinder.look(now);
            elmForm.load(now);
        });
        canLaunch = Bindings.createBooleanBinding(() -> !running.get() && workspace.get() != null
                && (mode.get() == TrainMode.ELM ? elmForm.settingsProperty().get() != null : problems.get().isEmpty()),
                problems, running, workspace, mode, elmForm.settingsProperty());
    }

    // Properties

    public ObjectProperty<Path> workspaceProperty() { return workspace; }
    public StringProperty corpusProperty() { return corpus; }
    public StringProperty vocabProperty() { return vocab; }
    public StringProperty layersProperty() { return layers; }
    public StringProperty widthProperty() { return width; }
    public StringProperty headsProperty() { return heads; }
    public StringProperty contextProperty() { return context; }
    public StringProperty batchProperty() { return batch; }
    public StringProperty stepsProperty() { return steps; }
    public StringProperty learningRateProperty() { return learningRate; }
    /** One line per invalid field; empty when the form may launch. */
    public StringProperty problemsProperty() { return problems; }
    public BooleanBinding canLaunchProperty() { return canLaunch; }
    public BooleanProperty runningProperty() { return running; }
    public BooleanProperty pausedProperty() { return paused; }
    /** Fraction of the steps done, in [0, 1]. */
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty statusProperty() { return status; }
    /** Tokens per second and time left. */
    public StringProperty throughputProperty() { return throughput; }
    public ObjectProperty<Long> runIdProperty() { return runId; }
    /** Which form is shown. */
    public ObjectProperty<TrainMode> modeProperty() { return mode; }
    /** What the run on the charts trains (its curves are named after it). */
    public ObjectProperty<TrainMode> runModeProperty() { return runMode; }
    public ElmFormModel elmForm() { return elmForm; }
    /** Training loss of a pretraining run, or of an ELM run's stage 1. */
    public ObservableList<MetricPoint> loss() { return loss; }
    /** Training loss of an ELM run's stage 2. */
    public ObservableList<MetricPoint> stage2Loss() { return stage2Loss; }
    public ObservableList<MetricPoint> validationLoss() { return validationLoss; }
    /** Learning rate of a pretraining run, or of an ELM run's stage 1. */
    public ObservableList<MetricPoint> learningRates() { return learningRates; }
    public ObservableList<MetricPoint> stage2LearningRates() { return stage2LearningRates; }
    /** An interrupted or cancelled run of this workspace that has a checkpoint, offered for resuming. */
    public ResumeFinder resumeFinder() { return resumeFinder; }

    // Commands

    /** Launches the form's run; a second launch while one trains is refused with a message. */
    public void launch() {
        if (running.get()) {
            status.set("Run " + (runId.get() == null ? "" : runId.get() + " ") + "is still training: only one training"
                    + " runs at a time. Wait for it to finish or cancel it, then launch again.");
            return;
        }
        if (mode.get() == TrainMode.ELM) {
            launchElm();
            return;
        }
        PretrainSettings settings = validate();
        if (settings == null || !canLaunch.get()) {
            return;
        }
        Path folder = workspace.get();
        begin(TrainMode.PRETRAIN, "Preparing: reading the corpus and training the tokenizer…");
        TrainingControl runControl = control;
        tasks.submit("Pretraining", context -> RunEnd.of(runId.get() == null ? 0 : runId.get(),
                PretrainJob.start(folder, settings, device.get(), event -> post(null, event), runControl,
                        id -> tasks.onUiThread(() -> runId.set(id)))), this::ended, this::failed);
    }

    private void launchElm() {
        ElmRunSettings settings = elmForm.settingsProperty().get();
        if (settings == null || !canLaunch.get()) {
            return;
        }
        Path folder = workspace.get();
        begin(TrainMode.ELM, "Preparing: reading the dataset" + (settings.baseModel() == null
                ? " and training the tokenizer…" : " and loading the base model…"));
        TrainingControl runControl = control;
        tasks.submit("ELM training", context -> ElmJob.start(folder, settings, elmObserver(), runControl),
                this::ended, this::failed);
    }

    /** Continues the run {@link ResumeFinder} offers. */
    public void resumeInterrupted() {
        Long id = resumeFinder.resumableRunProperty().get() == null ? null
                : resumeFinder.resumableRunProperty().get().id();
        if (id == null || running.get() || workspace.get() == null) {
            return;
        }
        Path folder = workspace.get();
        boolean elm = resumeFinder.resumableRunProperty().get().kind() == RunKind.ELM;
        resumeFinder.clear();
        begin(elm ? TrainMode.ELM : TrainMode.PRETRAIN, "Resuming run " + id + " from its latest checkpoint…");
        runId.set(id);
        TrainingControl runControl = control;
        if (elm) {
            tasks.submit("Resuming run " + id, context -> ElmJob.resume(folder, id, elmObserver(), runControl),
                    this::ended, this::failed);
        } else {
            tasks.submit("Resuming run " + id, context -> RunEnd.of(id, PretrainJob.resume(folder, id, device.get(),
                    event -> post(null, event), runControl)), this::ended, this::failed);
        }
    }

    public void pause() {
        if (control != null && running.get()) {
            control.pause();
            paused.set(true);
            status.set("Paused at step " + lastStep() + ". Resume to continue.");
        }
    }

    public void resume() {
        if (control != null && paused.get()) {
            control.resume();
            paused.set(false);
            status.set("Training…");
        }
    }

    public void cancel() {
        if (control != null && running.get()) {
            control.cancel();
            paused.set(false);
            status.set("Cancelling after the current step…");
        }
    }

    private PretrainSettings validate() {
        PretrainSettings settings = validator.validate(corpus.get(), vocab.get(), layers.get(), width.get(),
                heads.get(), context.get(), batch.get(), steps.get(), learningRate.get());
        problems.set(String.join("\n", validator.problems()));
        return settings;
    }

    /** Reports the ELM job's events to this view model (called on the training thread). */
    private ElmTrainingJob.Observer elmObserver() {
        return new ElmTrainingJob.Observer() {
            @Override
            public void runStarted(long id, int resumedAtStep) {
                tasks.onUiThread(() -> runId.set(id));
            }

            @Override
            public void examplesReady(int train, int validation, int dropped) {
                tasks.onUiThread(() -> status.set(String.format(Locale.ROOT,
                        "Training on %d examples, %d held out for validation%s…", train, validation,
                        dropped == 0 ? "" : " (" + dropped + " longer than the context dropped)")));
            }

            @Override
            public void onEvent(Stage stage, TrainingEvent event) {
                post(stage, event);
            }
        };
    }

    private void begin(TrainMode kind, String message) {
        control = new TrainingControl();
        runId.set(null);
        runMode.set(kind);
        loss.clear();
        stage2Loss.clear();
        validationLoss.clear();
        learningRates.clear();
        stage2LearningRates.clear();
        progress.set(0);
        throughput.set("");
        running.set(true);
        paused.set(false);
        status.set(message);
    }

    /**
     * Called on the training thread: queues the event and returns at once. One drain at a time is
     * scheduled on the UI thread, so a fast run (tiny model, GPU) sends one batch per frame instead
     * of one UI task per step, and the charts take each batch in a single change.
     */
    private void post(Stage stage, TrainingEvent event) {
        inbox.add(new StagedEvent(stage, event));
        if (drainScheduled.compareAndSet(false, true)) {
            tasks.onUiThread(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false); // before polling: an event arriving meanwhile schedules the next drain
        List<MetricPoint> newLoss = new ArrayList<>();
        List<MetricPoint> newRates = new ArrayList<>();
        List<MetricPoint> newLoss2 = new ArrayList<>();
        List<MetricPoint> newRates2 = new ArrayList<>();
        List<MetricPoint> newValidation = new ArrayList<>();
        StagedEvent lastStep = null;
        for (StagedEvent staged = inbox.poll(); staged != null; staged = inbox.poll()) {
            switch (staged.event()) {
                case TrainingEvent.StepEvent step -> {
                    boolean second = staged.stage() == Stage.FULL;
                    (second ? newLoss2 : newLoss).add(new MetricPoint(step.step(), step.loss()));
                    (second ? newRates2 : newRates).add(new MetricPoint(step.step(), step.learningRate()));
                    lastStep = staged;
                }
                case TrainingEvent.ValidationEvent validation ->
                        newValidation.add(new MetricPoint(validation.step(), validation.loss()));
                case TrainingEvent.FinishedEvent finished -> progress.set(1);
                case TrainingEvent.CheckpointEvent checkpoint -> { }
                case TrainingEvent.CancelledEvent cancelled -> { }
            }
        }
        loss.addAll(newLoss);
        learningRates.addAll(newRates);
        stage2Loss.addAll(newLoss2);
        stage2LearningRates.addAll(newRates2);
        validationLoss.addAll(newValidation);
        if (lastStep != null) {
            showStep(lastStep.stage(), (TrainingEvent.StepEvent) lastStep.event());
        }
    }

    private void showStep(Stage stage, TrainingEvent.StepEvent step) {
        progress.set(step.step() / (double) step.totalSteps());
        throughput.set(String.format(Locale.ROOT, "%,.0f tokens/s · ETA %s", step.tokensPerSecond(),
                formatDuration(step.eta())));
        if (!paused.get()) {
            String what = stage == null ? "Training" : stage == Stage.ADAPTER_ONLY ? "Stage 1 (adapters only)"
                    : "Stage 2 (adapters and LM)";
            status.set(String.format(Locale.ROOT, "%s: step %d of %d, loss %.4f", what, step.step(),
                    step.totalSteps(), step.loss()));
        }
    }

    private void ended(RunEnd result) {
        running.set(false);
        paused.set(false);
        status.set(result.cancelled()
                ? "Run " + runId.get() + " cancelled at step " + result.steps() + "; it can be resumed."
                : String.format(Locale.ROOT, "Run %d finished: %d steps, loss %.4f, validation loss %.4f.",
                        runId.get(), result.steps(), result.loss(), result.validationLoss()));
        resumeFinder.look(workspace.get());
        elmForm.reload(); // a finished pretraining is now a base model to offer
    }

    private void failed(Throwable failure) {
        running.set(false);
        paused.set(false);
        status.set("The run failed.");
        dialogs.showError(failure instanceof ElmRunException ? sentence(failure.getMessage())
                : "Training stopped with an error" + (runId.get() == null ? "" : " (run " + runId.get() + ")")
                + ". Check the " + (runMode.get() == TrainMode.ELM ? "dataset" : "corpus")
                + " and settings, then launch again.", failure);
        resumeFinder.look(workspace.get());
    }

    /** An ELM job's message ("no dataset 'x' in …") as a sentence for the dialog. */
    static String sentence(String message) {
        String text = message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }

    private long lastStep() {
        return loss.isEmpty() ? 0 : loss.get(loss.size() - 1).step();
    }

    /** A trainer event with its ELM stage (null for pretraining). */
    private record StagedEvent(Stage stage, TrainingEvent event) {}

    static String formatDuration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds >= 3600 ? String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds / 60 % 60)
                : String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
    }
}
