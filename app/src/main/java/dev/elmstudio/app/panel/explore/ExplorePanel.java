package dev.elmstudio.app.panel.explore;

import dev.elmstudio.app.ui.Styles;
import dev.elmstudio.app.ui.map.EmbeddingMapCanvas;
import dev.elmstudio.app.ui.map.MapColouring;
import dev.elmstudio.app.ui.map.MapPoints;
import dev.elmstudio.storage.Run;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Explore panel's view: inputs on the left (run, entity, task, interpolation, concept, decoding), the streaming
 * text with SC and pinning in the middle, the map with the moving point and the nearest entities below it, pinned
 * texts at the bottom. Binds to {@link ExploreViewModel} and holds no state of its own.
 */
public final class ExplorePanel extends BorderPane {
    private static final String NO_CONCEPT = "(none)";

    private final ExploreViewModel model;
    private final EmbeddingMapCanvas map = new EmbeddingMapCanvas();

    public ExplorePanel(ExploreViewModel model) {
        this.model = model;
        setId("explore-panel");
        getStyleClass().add(Styles.PANEL);
        setLeft(createInputs());
        setCenter(createOutputs());
        bindMap();
        visibleProperty().addListener((obs, was, visible) -> model.setActive(visible));
    }

    /** The map (tests read the probe marker's position). */
    public EmbeddingMapCanvas map() {
        return map;
    }

    // Inputs

    private Node createInputs() {
        ComboBox<Run> run = new ComboBox<>(model.runs());
        run.setId("explore-run");
        run.setMaxWidth(Double.MAX_VALUE);
        run.setConverter(new StringConverter<>() {
            @Override
            public String toString(Run r) {
                return r == null ? "" : "Run " + r.id() + " · " + r.name();
            }

            @Override
            public Run fromString(String text) {
                return null;
            }
        });
        run.valueProperty().bindBidirectional(model.runProperty());
        run.setPromptText("Finished ELM runs");

        EntityField entity = new EntityField("explore-entity", "Film or user: type a title or id", model::entities,
                model.entityProperty());
        ComboBox<String> task = new ComboBox<>(model.taskNames());
        task.setId("explore-task");
        task.setMaxWidth(Double.MAX_VALUE);
        task.valueProperty().bindBidirectional(model.taskProperty());
        Label prompt = muted("explore-prompt");
        prompt.textProperty().bind(model.promptProperty());

        GridPane what = form();
        what.addRow(0, new Label("ELM run"), run);
        what.addRow(1, new Label("Entity"), entity);
        what.addRow(2, new Label("Task"), task);
        what.add(prompt, 1, 3);

        Label title = new Label("Explore an ELM");
        title.getStyleClass().add(Styles.PANEL_TITLE);
        Label status = muted("explore-status");
        status.textProperty().bind(model.statusProperty());

        VBox inputs = new VBox(10, title, status, what, createInterpolation(), createConcept(), createDecoding());
        inputs.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(inputs);
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(390);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }

    private Node createInterpolation() {
        EntityField second = new EntityField("explore-second", "Second entity (optional)", model::entities,
                model.secondProperty());
        Button clear = new Button("×");
        clear.setId("explore-second-clear");
        clear.setTooltip(new Tooltip("Stop interpolating"));
        clear.setOnAction(event -> model.secondProperty().set(null));
        HBox.setHgrow(second, Priority.ALWAYS);
        Slider t = inputSlider("explore-t", 0, 1, model.tProperty());
        t.disableProperty().bind(model.secondProperty().isNull());
        Label value = valueLabel(model.tProperty(), "t = %.2f");
        VBox box = new VBox(6, new HBox(4, second, clear), new HBox(8, t, value));
        HBox.setHgrow(t, Priority.ALWAYS);
        return titled("Interpolate to a second entity", box);
    }

    private Node createConcept() {
        ComboBox<String> concept = new ComboBox<>();
        concept.setId("explore-concept");
        concept.setMaxWidth(Double.MAX_VALUE);
        model.concepts().addListener((javafx.collections.ListChangeListener<String>) change -> {
            concept.getItems().setAll(NO_CONCEPT);
            concept.getItems().addAll(model.concepts());
        });
        concept.getItems().setAll(NO_CONCEPT);
        concept.valueProperty().addListener((obs, old, now) ->
                model.conceptProperty().set(now == null || NO_CONCEPT.equals(now) ? null : now));
        model.conceptProperty().addListener((obs, old, now) -> concept.setValue(now == null ? NO_CONCEPT : now));
        concept.setValue(NO_CONCEPT);
        Slider alpha = inputSlider("explore-alpha", -ExploreViewModel.MAX_ALPHA, ExploreViewModel.MAX_ALPHA,
                model.alphaProperty());
        alpha.setMajorTickUnit(1);
        alpha.setShowTickMarks(true);
        alpha.setShowTickLabels(true);
        alpha.disableProperty().bind(model.conceptProperty().isNull());
        alpha.setTooltip(new Tooltip("How far along the concept, in standard deviations of the space along it"));
        Label value = valueLabel(model.alphaProperty(), "α = %+.2fσ");
        HBox.setHgrow(alpha, Priority.ALWAYS);
        Label info = muted("explore-concept-info");
        info.textProperty().bind(model.conceptInfoProperty());
        return titled("Push along a concept (CAV)", new VBox(6, concept, new HBox(8, alpha, value), info));
    }

    private Node createDecoding() {
        Slider temperature = slider("explore-temperature", 0, 2, model.temperatureProperty());
        Slider topP = slider("explore-top-p", 0.05, 1, model.topPProperty());
        Spinner<Integer> maxTokens = new Spinner<>(1, 512, model.maxTokensProperty().get(), 8);
        maxTokens.setId("explore-max-tokens");
        maxTokens.setEditable(true);
        maxTokens.valueProperty().addListener((obs, old, now) -> model.maxTokensProperty().set(now));
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, model.seedProperty().get());
        seed.setId("explore-seed");
        seed.setEditable(true);
        seed.valueProperty().addListener((obs, old, now) -> model.seedProperty().set(now));
        javafx.scene.control.CheckBox stopAtEnd = new javafx.scene.control.CheckBox("Stop at end of text");
        stopAtEnd.setId("explore-stop-at-end");
        stopAtEnd.selectedProperty().bindBidirectional(model.stopAtEndProperty());
        GridPane grid = form();
        grid.addRow(0, new Label("Temperature"), temperature, valueLabel(model.temperatureProperty(), "%.2f"));
        grid.addRow(1, new Label("Top-p"), topP, valueLabel(model.topPProperty(), "%.2f"));
        grid.addRow(2, new Label("Max tokens"), maxTokens);
        grid.addRow(3, new Label("Seed"), seed);
        grid.add(stopAtEnd, 1, 4, 2, 1);
        Label hint = muted(null);
        hint.setText("Temperature 0 is greedy: the same input always gives the same text.");
        return titled("Decoding", new VBox(6, grid, hint));
    }

    // Outputs

    private Node createOutputs() {
        TextArea text = new TextArea();
        text.setId("explore-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(6);
        text.textProperty().bind(model.textProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.generatingProperty());
        Label sc = new Label();
        sc.setId("explore-sc");
        sc.textProperty().bind(model.scProperty());
        sc.setTooltip(new Tooltip("Semantic consistency: cosine of the text's all-MiniLM-L6-v2 embedding with the"
                + " input's semantic embedding"));
        Label timing = muted("explore-output-status");
        timing.textProperty().bind(model.outputStatusProperty());
        Button pin = new Button("Pin");
        pin.setId("explore-pin");
        pin.setTooltip(new Tooltip("Keep this text and its inputs below, to compare"));
        pin.disableProperty().bind(model.generatingProperty().or(model.textProperty().isEmpty()));
        pin.setOnAction(event -> model.pin());
        sc.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        pin.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        timing.setWrapText(false);
        HBox outputBar = new HBox(10, busy, sc, timing, spacer(), pin);
        outputBar.setAlignment(Pos.CENTER_LEFT);
        VBox output = new VBox(6, text, outputBar);
        VBox.setVgrow(text, Priority.ALWAYS);
        output.setPadding(new Insets(12, 12, 6, 12));

        ListView<NearestEntity> nearest = new ListView<>(model.nearest());
        nearest.setId("explore-nearest");
        nearest.setPrefWidth(260);
        nearest.setOnMouseClicked(event -> {
            NearestEntity picked = nearest.getSelectionModel().getSelectedItem();
            if (event.getClickCount() == 2 && picked != null) {
                model.focusEntity(picked.entity().id());
            }
        });
        nearest.setTooltip(new Tooltip("Real entities nearest to the point (cosine); double-click to explore one"));
        map.setId("explore-map");
        map.setPlaceholderText("Choose a run: its embedding space is drawn here.");
        VBox nearestBox = new VBox(4, header("Nearest entities"), nearest);
        VBox.setVgrow(nearest, Priority.ALWAYS);
        SplitPane mapRow = new SplitPane(map, nearestBox);
        mapRow.setDividerPositions(0.72);

        SplitPane column = new SplitPane(output, mapRow, createPins());
        column.setOrientation(Orientation.VERTICAL);
        column.setDividerPositions(0.3, 0.78);
        return column;
    }

    private Node createPins() {
        ListView<PinnedOutput> pins = new ListView<>(model.pins());
        pins.setId("explore-pins");
        pins.setCellFactory(list -> new ListCell<>() {
            private final Label input = new Label();
            private final Label text = new Label();
            private final Button save = new Button("Save");

            {
                text.setWrapText(true);
                input.getStyleClass().add(Styles.MUTED);
                save.setOnAction(event -> model.save(getItem()));
            }

            @Override
            protected void updateItem(PinnedOutput pin, boolean empty) {
                super.updateItem(pin, empty);
                if (empty || pin == null) {
                    setGraphic(null);
                    return;
                }
                input.setText(pin.task() + " · " + pin.input() + " · " + pin.sc());
                text.setText(pin.text());
                text.maxWidthProperty().bind(getListView().widthProperty().subtract(120));
                save.setDisable(pin.savedAs() != null);
                save.setText(pin.savedAs() == null ? "Save" : "Saved #" + pin.savedAs());
                setGraphic(new HBox(10, new VBox(2, input, text), spacer(), save));
            }
        });
        pins.setPlaceholder(new Label("Pinned texts appear here, with their inputs, to compare."));
        VBox box = new VBox(4, header("Pinned"), pins);
        VBox.setVgrow(pins, Priority.ALWAYS);
        box.setPadding(new Insets(6, 12, 12, 12));
        return box;
    }

    // Map

    private void bindMap() {
        model.loadedProperty().addListener((obs, old, run) -> {
            map.clearProbe();
            if (run == null) {
                map.setPoints(MapPoints.EMPTY);
                return;
            }
            long[] ids = new long[run.entities().size()];
            String[] labels = new String[ids.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = run.entities().get(i).id();
                labels[i] = run.entities().get(i).label();
            }
            map.setProjector(run::mapPosition);
            map.setPoints(new MapPoints(ids, run.mapX(), run.mapY(), labels),
                    new MapColouring.Categorical("first genre", run.genres()));
        });
        model.mapPointProperty().addListener((obs, old, point) -> {
            if (point == null) {
                map.clearProbe();
            } else {
                map.showProbe(point[0], point[1], "point");
            }
        });
        model.entityProperty().addListener((obs, old, entity) -> map.select(entity == null ? null : (long) entity.id()));
        model.nearest().addListener((javafx.collections.ListChangeListener<NearestEntity>) change ->
                map.setHighlighted(model.nearest().stream().map(n -> (long) n.entity().id()).toList()));
        map.selectedIdProperty().addListener((obs, old, id) -> {
            if (id != null && (model.entityProperty().get() == null || model.entityProperty().get().id() != id)) {
                model.focusEntity(id.intValue()); // a click on the map explores that entity
            }
        });
    }

    // Small builders

    private static Slider slider(String id, double min, double max, DoubleProperty value) {
        Slider slider = new Slider(min, max, value.get());
        slider.setId(id);
        slider.valueProperty().bindBidirectional(value);
        slider.setMaxWidth(Double.MAX_VALUE);
        return slider;
    }

    /** A slider whose release generates at once (during the drag the view model debounces). */
    private Slider inputSlider(String id, double min, double max, DoubleProperty value) {
        Slider slider = slider(id, min, max, value);
        slider.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing) {
                model.sliderReleased();
            }
        });
        return slider;
    }

    private static Label valueLabel(DoubleProperty value, String format) {
        Label label = new Label();
        label.setMinWidth(70);
        label.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, format, value.get()), value));
        return label;
    }

    private static GridPane form() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add(Styles.FORM);
        grid.setHgap(8);
        grid.setVgap(6);
        // Labels keep their width (a narrow pane squeezes the fields, never "Temperat…"); fields take the rest.
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    private static TitledPane titled(String title, Node content) {
        TitledPane pane = new TitledPane(title, content);
        pane.setCollapsible(false);
        return pane;
    }

    private static Label muted(String id) {
        Label label = new Label();
        if (id != null) {
            label.setId(id);
        }
        label.getStyleClass().add(Styles.MUTED);
        label.setWrapText(true);
        return label;
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-weight: bold;");
        return label;
    }

    private static javafx.scene.layout.Region spacer() {
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }
}
