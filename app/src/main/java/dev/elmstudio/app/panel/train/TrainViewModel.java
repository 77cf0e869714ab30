package dev.elmstudio.app.panel.train;

import ai.djl.Device;
import dev.elmstudio.app.shell.DialogService;
import dev.elmstudio.app.task.TaskRunner;
import dev.elmstudio.app.ui.MetricPoint;
import dev.elmstudio.engine.train.TrainingControl;
import dev.elmstudio.engine.train.TrainingEvent;
import dev.elmstudio.engine.train.TrainingResult;
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
 * The Train panel: a pretraining form validated as it is typed, and one run at a time with live
 * curves, progress, pause, resume and cancel. The run works on a background thread; its events come
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
    private final ObservableList<MetricPoint> loss = FXCollections.observableArrayList();
    private final ObservableList<MetricPoint> validationLoss = FXCollections.observableArrayList();
    private final ObservableList<MetricPoint> learningRates = FXCollections.observableArrayList();
    private final ResumeFinder resumeFinder;
    private final BooleanBinding canLaunch;
    private final Queue<TrainingEvent> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private TrainingControl control;

    public TrainViewModel(TaskRunner tasks, DialogService dialogs, Supplier<Device> device) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.device = device;
        this.resumeFinder = new ResumeFinder(tasks);
        for (StringProperty field : new StringProperty[] {corpus, vocab, layers, width, heads, context, batch, steps,
                learningRate}) {
            field.addListener((obs, old, now) -> validate());
        }
        validate();
        workspace.addListener((obs, old, now) -> resumeFinder.look(now));
        canLaunch = Bindings.createBooleanBinding(() -> problems.get().isEmpty() && !running.get()
                && workspace.get() != null, problems, running, workspace);
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
    public ObservableList<MetricPoint> loss() { return loss; }
    public ObservableList<MetricPoint> validationLoss() { return validationLoss; }
    public ObservableList<MetricPoint> learningRates() { return learningRates; }
    /** An interrupted or cancelled run of this workspace that has a checkpoint, offered for resuming. */
    public ResumeFinder resumeFinder() { return resumeFinder; }

    // Commands

    public void launch() {
        PretrainSettings settings = validate();
        if (settings == null || !canLaunch.get()) {
            return;
        }
        Path folder = workspace.get();
        begin("Preparing: reading the corpus and training the tokenizer…");
        TrainingControl runControl = control;
        tasks.submit("Pretraining", context -> PretrainJob.start(folder, settings, device.get(), this::post,
                runControl, id -> tasks.onUiThread(() -> runId.set(id))), this::ended, this::failed);
    }

    /** Continues the run {@link ResumeFinder} offers. */
    public void resumeInterrupted() {
        Long id = resumeFinder.resumableRunProperty().get() == null ? null
                : resumeFinder.resumableRunProperty().get().id();
        if (id == null || running.get() || workspace.get() == null) {
            return;
        }
        Path folder = workspace.get();
        resumeFinder.clear();
        begin("Resuming run " + id + " from its latest checkpoint…");
        runId.set(id);
        TrainingControl runControl = control;
        tasks.submit("Resuming run " + id, context -> PretrainJob.resume(folder, id, device.get(), this::post,
                runControl), this::ended, this::failed);
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

    private void begin(String message) {
        control = new TrainingControl();
        loss.clear();
        validationLoss.clear();
        learningRates.clear();
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
    private void post(TrainingEvent event) {
        inbox.add(event);
        if (drainScheduled.compareAndSet(false, true)) {
            tasks.onUiThread(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false); // before polling: an event arriving meanwhile schedules the next drain
        List<MetricPoint> newLoss = new ArrayList<>();
        List<MetricPoint> newRates = new ArrayList<>();
        List<MetricPoint> newValidation = new ArrayList<>();
        TrainingEvent.StepEvent lastStep = null;
        for (TrainingEvent event = inbox.poll(); event != null; event = inbox.poll()) {
            switch (event) {
                case TrainingEvent.StepEvent step -> {
                    newLoss.add(new MetricPoint(step.step(), step.loss()));
                    newRates.add(new MetricPoint(step.step(), step.learningRate()));
                    lastStep = step;
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
        validationLoss.addAll(newValidation);
        if (lastStep != null) {
            showStep(lastStep);
        }
    }

    private void showStep(TrainingEvent.StepEvent step) {
        progress.set(step.step() / (double) step.totalSteps());
        throughput.set(String.format(Locale.ROOT, "%,.0f tokens/s · ETA %s", step.tokensPerSecond(),
                formatDuration(step.eta())));
        if (!paused.get()) {
            status.set(String.format(Locale.ROOT, "Training: step %d of %d, loss %.4f", step.step(),
                    step.totalSteps(), step.loss()));
        }
    }

    private void ended(TrainingResult result) {
        running.set(false);
        paused.set(false);
        status.set(result.cancelled()
                ? "Run " + runId.get() + " cancelled at step " + result.completedSteps() + "; it can be resumed."
                : String.format(Locale.ROOT, "Run %d finished: %d steps, loss %.4f, validation loss %.4f.",
                        runId.get(), result.completedSteps(), result.loss(), result.validationLoss()));
        resumeFinder.look(workspace.get());
    }

    private void failed(Throwable failure) {
        running.set(false);
        paused.set(false);
        status.set("The run failed.");
        dialogs.showError("Training stopped with an error" + (runId.get() == null ? "" : " (run " + runId.get() + ")")
                + ". Check the corpus and settings, then launch again.", failure);
        resumeFinder.look(workspace.get());
    }

    private long lastStep() {
        return loss.isEmpty() ? 0 : loss.get(loss.size() - 1).step();
    }

    static String formatDuration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds >= 3600 ? String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds / 60 % 60)
                : String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
    }
}
