package dev.elmstudio.app.panel.train;

import dev.elmstudio.app.ui.Styles;
import java.io.File;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * The ELM form: base model, dataset, tasks, the embedding space of each slot, stage 1 and stage 2 settings (full or
 * LoRA), held-out share, seed and device. Each field has its message from {@link ElmFormValidator} beside it.
 */
final class ElmFormView extends VBox {

    private final ElmFormModel model;
    private final VBox slotRows = new VBox(4);
    private boolean syncingTasks;

    ElmFormView(ElmFormModel model) {
        super(10);
        this.model = model;
        setId("elm-form");
        getChildren().addAll(section("Model and data"), modelAndData(), section("Stage 1: adapters only"),
                stage(1, model.stage1(), null), section("Stage 2: adapters and the LM"), stage2(),
                section("Run"), runFields());
    }

    private Node modelAndData() {
        GridPane grid = grid();
        ComboBox<BaseModelChoice> base = new ComboBox<>(model.baseModels());
        base.setId("elm-base-model");
        base.valueProperty().bindBidirectional(model.baseModelProperty());
        base.setMaxWidth(Double.MAX_VALUE);
        TextField folder = new TextField();
        folder.setId("elm-base-folder");
        folder.setPromptText("model folder (config.json, weights, tokenizer.json)");
        folder.textProperty().bindBidirectional(model.baseFolderProperty());
        Button browse = new Button("Browse…");
        browse.setOnAction(event -> chooseFolder());
        HBox folderRow = new HBox(4, folder, browse);
        HBox.setHgrow(folder, Priority.ALWAYS);
        folderRow.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.baseModelProperty().get() != null
                && model.baseModelProperty().get().kind() == BaseModelChoice.Kind.FOLDER, model.baseModelProperty()));
        folderRow.managedProperty().bind(folderRow.visibleProperty());
        int row = 0;
        grid.addRow(row++, new Label("Base model"), withMessage(new VBox(4, base, folderRow), ElmFormValidator.BASE_MODEL));

        ComboBox<String> dataset = new ComboBox<>(model.datasets());
        dataset.setId("elm-dataset");
        dataset.valueProperty().bindBidirectional(model.datasetProperty());
        dataset.setMaxWidth(Double.MAX_VALUE);
        grid.addRow(row++, new Label("Dataset"), withMessage(dataset, ElmFormValidator.DATASET));

        grid.addRow(row++, new Label("Tasks"), withMessage(tasks(), ElmFormValidator.TASKS));
        model.slots().addListener((ListChangeListener<ElmFormModel.SlotChoice>) change -> rebuildSlots());
        rebuildSlots();
        grid.addRow(row, new Label("Spaces"), slotRows);
        return grid;
    }

    /** A list of the dataset's task types with a check box each, kept equal to the model's chosen tasks both ways. */
    private Node tasks() {
        ListView<String> list = new ListView<>(model.taskNames());
        list.setId("elm-tasks");
        list.setPrefHeight(84);
        list.setPlaceholder(new Label("The dataset has no tasks."));
        Map<String, BooleanProperty> checks = new HashMap<>();
        list.setCellFactory(CheckBoxListCell.forListView(task -> checks.computeIfAbsent(task, name -> {
            BooleanProperty checked = new SimpleBooleanProperty(model.chosenTasks().contains(name));
            checked.addListener((obs, was, now) -> {
                if (!syncingTasks && now && !model.chosenTasks().contains(name)) {
                    model.chosenTasks().add(name);
                } else if (!syncingTasks && !now) {
                    model.chosenTasks().remove(name);
                }
            });
            return checked;
        })));
        model.chosenTasks().addListener((ListChangeListener<String>) change -> {
            syncingTasks = true;
            checks.forEach((name, checked) -> checked.set(model.chosenTasks().contains(name)));
            syncingTasks = false;
        });
        return list;
    }

    private void rebuildSlots() {
        slotRows.getChildren().clear();
        if (model.slots().isEmpty()) {
            Label none = new Label("Choose tasks to see their slots.");
            none.getStyleClass().add(Styles.MUTED);
            slotRows.getChildren().add(none);
        }
        for (ElmFormModel.SlotChoice slot : model.slots()) {
            ComboBox<String> space = new ComboBox<>(model.spaces());
            space.setId("elm-slot-" + slot.slot());
            space.valueProperty().bindBidirectional(slot.space());
            space.setMaxWidth(Double.MAX_VALUE);
            Label name = new Label("{" + slot.slot() + "}");
            name.setMinWidth(70);
            HBox row = new HBox(6, name, space);
            HBox.setHgrow(space, Priority.ALWAYS);
            slotRows.getChildren().add(withMessage(row, ElmFormValidator.SLOT_PREFIX + slot.slot()));
        }
    }

    private Node stage(int number, ElmFormModel.StageFields stage, Node extra) {
        GridPane grid = grid();
        ComboBox<String> unit = new ComboBox<>();
        unit.getItems().setAll("steps", "epochs");
        unit.setId("elm-stage" + number + "-unit");
        unit.setValue(stage.epochsProperty().get() ? "epochs" : "steps");
        unit.valueProperty().addListener((obs, old, now) -> stage.epochsProperty().set("epochs".equals(now)));
        stage.epochsProperty().addListener((obs, old, now) -> unit.setValue(now ? "epochs" : "steps"));
        TextField amount = field("elm-stage" + number + "-amount", stage.amountProperty());
        HBox amountRow = new HBox(4, amount, unit);
        int row = 0;
        grid.addRow(row++, new Label("Length"), withMessage(amountRow, ElmFormValidator.stageField(number, "amount")));
        grid.addRow(row++, new Label("Batch"), withMessage(field("elm-stage" + number + "-batch", stage.batchProperty()),
                ElmFormValidator.stageField(number, "batch")));
        grid.addRow(row++, new Label("Learning rate"), withMessage(field("elm-stage" + number + "-lr",
                stage.learningRateProperty()), ElmFormValidator.stageField(number, "lr")));
        grid.addRow(row++, new Label("Warm-up steps"), withMessage(field("elm-stage" + number + "-warmup",
                stage.warmupProperty()), ElmFormValidator.stageField(number, "warmup")));
        if (extra != null) {
            grid.add(extra, 0, row, 2, 1);
        }
        return grid;
    }

    private Node stage2() {
        ToggleGroup group = new ToggleGroup();
        RadioButton full = new RadioButton("Full fine-tuning");
        full.setId("elm-stage2-full");
        RadioButton lora = new RadioButton("LoRA");
        lora.setId("elm-stage2-lora");
        full.setToggleGroup(group);
        lora.setToggleGroup(group);
        BooleanProperty useLora = model.loraProperty();
        (useLora.get() ? lora : full).setSelected(true);
        group.selectedToggleProperty().addListener((obs, old, now) -> useLora.set(now == lora));
        useLora.addListener((obs, old, now) -> (now ? lora : full).setSelected(true));

        GridPane loraGrid = grid();
        loraGrid.addRow(0, new Label("Rank"), withMessage(field("elm-lora-rank", model.loraRankProperty()),
                ElmFormValidator.LORA_RANK));
        loraGrid.addRow(1, new Label("Alpha"), withMessage(field("elm-lora-alpha", model.loraAlphaProperty()),
                ElmFormValidator.LORA_ALPHA));
        TextField targets = field("elm-lora-targets", model.loraTargetsProperty());
        targets.setPrefColumnCount(16);
        loraGrid.addRow(2, new Label("Projections"), withMessage(targets, ElmFormValidator.LORA_TARGETS));
        loraGrid.visibleProperty().bind(useLora);
        loraGrid.managedProperty().bind(useLora);
        return new VBox(6, new HBox(12, full, lora), loraGrid, stage(2, model.stage2(), null));
    }

    private Node runFields() {
        GridPane grid = grid();
        grid.addRow(0, new Label("Validation %"), withMessage(field("elm-validation", model.validationPercentProperty()),
                ElmFormValidator.VALIDATION));
        grid.addRow(1, new Label("Seed"), withMessage(field("elm-seed", model.seedProperty()), ElmFormValidator.SEED));
        ComboBox<String> device = new ComboBox<>(model.devices());
        device.setId("elm-device");
        device.valueProperty().bindBidirectional(model.deviceProperty());
        grid.addRow(2, new Label("Device"), withMessage(device, ElmFormValidator.DEVICE));
        return grid;
    }

    /** The control with its field's message below it, shown only while there is one. */
    private Node withMessage(Node control, String fieldId) {
        Label message = new Label();
        message.setId("elm-error-" + fieldId);
        message.getStyleClass().add(Styles.PROBLEMS);
        message.setWrapText(true);
        message.textProperty().bind(Bindings.valueAt(model.errors(), fieldId));
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return new VBox(2, control, message);
    }

    private static Label section(String title) {
        Label label = new Label(title);
        label.getStyleClass().add("section-title");
        label.setPadding(new Insets(4, 0, 0, 0));
        return label;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add(Styles.FORM);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(100);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        return grid;
    }

    private static TextField field(String id, StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        field.setPrefColumnCount(8);
        return field;
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Base model folder (config.json, weights, tokenizer.json)");
        File folder = chooser.showDialog(getScene().getWindow());
        if (folder != null) {
            model.baseFolderProperty().set(folder.getAbsolutePath());
        }
    }
}
