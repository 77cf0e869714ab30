package dev.elmstudio.app.panel.train;

import dev.elmstudio.app.jobs.ElmRunSettings;
import dev.elmstudio.app.task.TaskRunner;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The ELM form's state: choices offered by the workspace ({@link ElmFormOptions}, read in the background), what
 * the user picked and typed, and the messages of {@link ElmFormValidator} per field, re-checked on every change.
 * {@link #settingsProperty()} holds the run's settings whenever the form is valid.
 */
public final class ElmFormModel {

    /** A slot of the chosen tasks' prompts and the embedding space it reads. */
    public record SlotChoice(String slot, ObjectProperty<String> space) {}

    /** One stage's fields. */
    public static final class StageFields {
        private final BooleanProperty epochs = new SimpleBooleanProperty(false);
        private final StringProperty amount;
        private final StringProperty batch = new SimpleStringProperty("8");
        private final StringProperty learningRate;
        private final StringProperty warmup = new SimpleStringProperty("5");

        StageFields(String steps, String learningRate) {
            this.amount = new SimpleStringProperty(steps);
            this.learningRate = new SimpleStringProperty(learningRate);
        }

        /** True: the amount counts epochs; false: updates. */
        public BooleanProperty epochsProperty() { return epochs; }
        public StringProperty amountProperty() { return amount; }
        public StringProperty batchProperty() { return batch; }
        public StringProperty learningRateProperty() { return learningRate; }
        public StringProperty warmupProperty() { return warmup; }

        ElmForm.Stage value() {
            return new ElmForm.Stage(epochs.get(), amount.get(), batch.get(), learningRate.get(), warmup.get());
        }

        Observable[] observables() {
            return new Observable[] {epochs, amount, batch, learningRate, warmup};
        }
    }

    private final TaskRunner tasks;
    private final ElmFormValidator validator = new ElmFormValidator();
    private final ObjectProperty<ElmFormOptions> options = new SimpleObjectProperty<>(ElmFormOptions.EMPTY);
    private final ObservableList<BaseModelChoice> baseModels = FXCollections.observableArrayList(ElmFormOptions.EMPTY.baseModels());
    private final ObservableList<String> datasets = FXCollections.observableArrayList();
    private final ObservableList<String> taskNames = FXCollections.observableArrayList();
    private final ObservableList<String> spaces = FXCollections.observableArrayList();
    private final ObservableList<String> devices = FXCollections.observableArrayList("cpu");
    private final ObservableList<SlotChoice> slots = FXCollections.observableArrayList();
    private final ObjectProperty<BaseModelChoice> baseModel = new SimpleObjectProperty<>(BaseModelChoice.FRESH);
    private final StringProperty baseFolder = new SimpleStringProperty("");
    private final ObjectProperty<String> dataset = new SimpleObjectProperty<>();
    private final ObservableList<String> chosenTasks = FXCollections.observableArrayList();
    private final StageFields stage1 = new StageFields("100", "0.001");
    private final StageFields stage2 = new StageFields("100", "0.0003");
    private final BooleanProperty lora = new SimpleBooleanProperty(false);
    private final StringProperty loraRank = new SimpleStringProperty("8");
    private final StringProperty loraAlpha = new SimpleStringProperty("16");
    private final StringProperty loraTargets = new SimpleStringProperty("attn.c_attn, attn.c_proj");
    private final StringProperty validationPercent = new SimpleStringProperty("10");
    private final StringProperty seed = new SimpleStringProperty("0");
    private final ObjectProperty<String> device = new SimpleObjectProperty<>("cpu");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ReadOnlyObjectWrapper<ElmRunSettings> settings = new ReadOnlyObjectWrapper<>();
    private Path loadedFor;

    ElmFormModel(TaskRunner tasks) {
        this.tasks = tasks;
        for (Observable field : new Observable[] {baseModel, baseFolder, chosenTasks, lora, loraRank, loraAlpha,
                loraTargets, validationPercent, seed, device, options}) {
            field.addListener(o -> validate());
        }
        for (StageFields stage : List.of(stage1, stage2)) {
            for (Observable field : stage.observables()) {
                field.addListener(o -> validate());
            }
        }
        dataset.addListener((obs, old, now) -> datasetChanged());
        chosenTasks.addListener((ListChangeListener<String>) change -> updateSlots());
        validate();
    }

    // Properties: what the workspace offers
    public ObservableList<BaseModelChoice> baseModels() { return baseModels; }
    public ObservableList<String> datasets() { return datasets; }
    /** Task types of the chosen dataset. */
    public ObservableList<String> taskNames() { return taskNames; }
    /** Embedding spaces of the chosen dataset. */
    public ObservableList<String> spaces() { return spaces; }
    public ObservableList<String> devices() { return devices; }
    // Properties: the form
    public ObjectProperty<BaseModelChoice> baseModelProperty() { return baseModel; }
    public StringProperty baseFolderProperty() { return baseFolder; }
    public ObjectProperty<String> datasetProperty() { return dataset; }
    /** The chosen tasks; the view's multi-select writes here. */
    public ObservableList<String> chosenTasks() { return chosenTasks; }
    /** One entry per slot of the chosen tasks' prompts. */
    public ObservableList<SlotChoice> slots() { return slots; }
    public StageFields stage1() { return stage1; }
    public StageFields stage2() { return stage2; }
    public BooleanProperty loraProperty() { return lora; }
    public StringProperty loraRankProperty() { return loraRank; }
    public StringProperty loraAlphaProperty() { return loraAlpha; }
    public StringProperty loraTargetsProperty() { return loraTargets; }
    public StringProperty validationPercentProperty() { return validationPercent; }
    public StringProperty seedProperty() { return seed; }
    public ObjectProperty<String> deviceProperty() { return device; }
    /** Field id ({@link ElmFormValidator}'s constants) → message; empty when the form is valid. */
    public ObservableMap<String, String> errors() { return errors; }
    /** The run's settings when the form is valid, else null. */
    public ReadOnlyObjectProperty<ElmRunSettings> settingsProperty() { return settings.getReadOnlyProperty(); }

    // Commands

    /** Reads what the workspace offers, in the background; keeps the user's choices that are still offered. */
    public void load(Path workspaceFolder) {
        loadedFor = workspaceFolder;
        tasks.submit(null, context -> ElmFormOptions.read(workspaceFolder), read -> {
            if (java.util.Objects.equals(workspaceFolder, loadedFor)) {
                apply(read);
            }
        }, failure -> apply(ElmFormOptions.EMPTY)); // a workspace we cannot read offers nothing; launching says why
    }

    /** Re-reads the workspace last loaded (after an import or a finished pretraining). */
    public void reload() {
        load(loadedFor);
    }

    private void apply(ElmFormOptions read) {
        if (read.equals(options.get())) {
            return; // nothing new: keep the form (and the FX thread) as it is
        }
        BaseModelChoice chosenModel = baseModel.get();
        baseModels.setAll(read.baseModels());
        baseModel.set(read.baseModels().stream().filter(m -> m.equals(chosenModel)).findFirst()
                .orElse(BaseModelChoice.FRESH));
        String chosenDevice = device.get();
        devices.setAll(read.devices());
        device.set(read.devices().contains(chosenDevice) ? chosenDevice
                : read.devices().size() > 1 ? read.devices().get(1) : "cpu");
        options.set(read);
        String chosenDataset = dataset.get();
        datasets.setAll(read.datasets().stream().map(ElmFormOptions.DatasetOption::name).toList());
        String next = datasets.contains(chosenDataset) ? chosenDataset : datasets.isEmpty() ? null : datasets.get(0);
        if (java.util.Objects.equals(next, dataset.get())) {
            datasetChanged(); // same name, maybe new tasks or spaces
        } else {
            dataset.set(next);
        }
    }

    private void datasetChanged() {
        ElmFormOptions.DatasetOption option = currentDataset();
        taskNames.setAll(option == null ? List.of() : List.copyOf(option.taskSlots().keySet()));
        spaces.setAll(option == null ? List.of() : option.spaces());
        chosenTasks.setAll(taskNames); // every task by default; the user narrows it down
        updateSlots();
    }

    /** One slot row per slot of the chosen tasks, keeping earlier choices; a new slot gets the space its name suggests. */
    private void updateSlots() {
        ElmFormOptions.DatasetOption option = currentDataset();
        Map<String, String> previous = new LinkedHashMap<>();
        slots.forEach(s -> previous.put(s.slot(), s.space().get()));
        List<String> names = option == null ? List.of() : ElmFormValidator.slotsOf(option, List.copyOf(chosenTasks));
        slots.setAll(names.stream().map(name -> {
            String kept = previous.get(name);
            ObjectProperty<String> space = new SimpleObjectProperty<>(kept != null && spaces.contains(kept) ? kept
                    : suggestedSpace(name, spaces));
            space.addListener(o -> validate());
            return new SlotChoice(name, space);
        }).toList());
        validate();
    }

    /** A space whose name holds the slot's entity ("movie1" → "movies-behavioral"), else the first one. */
    static String suggestedSpace(String slot, List<String> spaces) {
        String entity = slot.replaceAll("\\d+$", "").toLowerCase(Locale.ROOT);
        return spaces.stream().filter(s -> s.toLowerCase(Locale.ROOT).contains(entity)).findFirst()
                .orElse(spaces.isEmpty() ? null : spaces.get(0));
    }

    private ElmFormOptions.DatasetOption currentDataset() {
        return options.get().datasets().stream().filter(d -> d.name().equals(dataset.get())).findFirst().orElse(null);
    }

    private void validate() {
        Map<String, String> slotSpaces = new LinkedHashMap<>();
        slots.forEach(s -> slotSpaces.put(s.slot(), s.space().get()));
        ElmFormValidator.Result result = validator.validate(new ElmForm(baseModel.get(), baseFolder.get(),
                dataset.get(), List.copyOf(chosenTasks), slotSpaces, stage1.value(), stage2.value(), lora.get(),
                loraRank.get(), loraAlpha.get(), loraTargets.get(), validationPercent.get(), seed.get(), device.get()),
                options.get());
        if (!errors.equals(result.errors())) {
            errors.keySet().retainAll(result.errors().keySet());
            errors.putAll(result.errors());
        }
        settings.set(result.settings());
    }
}
