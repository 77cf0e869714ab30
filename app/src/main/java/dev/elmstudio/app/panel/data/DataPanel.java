package dev.elmstudio.app.panel.data;

import dev.elmstudio.app.dataimport.DatasetStats;
import dev.elmstudio.app.ui.Styles;
import dev.elmstudio.app.ui.map.EmbeddingMapCanvas;
import dev.elmstudio.app.ui.map.MapPoints;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.EmbeddingSpaceRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Data panel: imports on top (with progress and cancel), the workspace's datasets and embedding spaces on
 * the left, the chosen dataset's movies (searchable table) beside its embedding map. Table and map share one
 * selection through {@link DataViewModel#selectedEntityIdProperty()}. The view only binds and forwards.
 */
public final class DataPanel extends BorderPane {

    private final DataViewModel model;
    private final EmbeddingMapCanvas map = new EmbeddingMapCanvas();
    private final TableView<MovieRow> table = new TableView<>();
    private PathChooser chooser = new FxPathChooser(() -> getScene() == null ? null : getScene().getWindow());
    private boolean syncingSelection;

    public DataPanel(DataViewModel model) {
        this.model = model;
        setId("data-panel");
        getStyleClass().add(Styles.PANEL);
        getStylesheets().add(Objects.requireNonNull(DataPanel.class.getResource("data.css")).toExternalForm());
        setTop(createImportBar());
        setLeft(createDatasetList());
        SplitPane split = new SplitPane(createTable(), createMap());
        split.setDividerPositions(0.48);
        setCenter(split);
        setPadding(new Insets(12));
        bindMap();
        bindSelection();
    }

    /** The map, for panels that show the same space (Explore) and for tests. */
    public EmbeddingMapCanvas map() {
        return map;
    }

    /** Replaces the platform choosers (the GUI test answers with its fixture paths). */
    public void setPathChooser(PathChooser chooser) {
        this.chooser = Objects.requireNonNull(chooser);
    }

    private Node createImportBar() {
        Label title = new Label("Data");
        title.getStyleClass().add(Styles.PANEL_TITLE);
        Button movieLens = button("Import MovieLens…", "data-import-movielens",
                "A MovieLens folder: movies.csv + ratings.csv (ml-latest-small, ml-25m) or u.data + u.item (ml-100k)",
                () -> {
                    Path folder = chooser.chooseFolder("MovieLens folder");
                    if (folder != null) {
                        model.importMovieLens(folder);
                    }
                });
        Button embeddings = button("Import embeddings…", "data-import-embeddings",
                "Vectors for the chosen dataset's movies: .npy (ids in FILE.ids.npy) or .csv (id,x0,x1,…)", () -> {
                    Path file = chooser.chooseFile("Embeddings for the chosen dataset", "Embeddings (.npy, .csv)",
                            List.of("*.npy", "*.csv"));
                    if (file != null) {
                        model.importEmbeddings(file);
                    }
                });
        Button tasks = button("Import tasks…", "data-import-tasks",
                "Task examples for the chosen dataset (JSON Lines: task, slots, prompt, target)", () -> {
                    Path file = chooser.chooseFile("Task examples for the chosen dataset", "Task examples (.jsonl)",
                            List.of("*.jsonl"));
                    if (file != null) {
                        model.importTasks(file);
                    }
                });
        embeddings.disableProperty().bind(model.selectedDatasetProperty().isNull().or(model.importingProperty()));
        tasks.disableProperty().bind(model.selectedDatasetProperty().isNull().or(model.importingProperty()));
        movieLens.disableProperty().bind(model.importingProperty());

        ProgressBar progress = new ProgressBar();
        progress.setId("data-progress");
        progress.progressProperty().bind(model.importProgressProperty());
        progress.visibleProperty().bind(model.importingProperty());
        progress.setPrefWidth(160);
        Button cancel = button("Cancel", "data-cancel", "Stop the import; nothing of it is kept", model::cancelImport);
        cancel.visibleProperty().bind(model.importingProperty());
        Label status = new Label();
        status.setId("data-status");
        status.getStyleClass().add(Styles.MUTED);
        status.textProperty().bind(model.statusProperty());
        status.setMinWidth(0);
        for (Region fixed : List.of(title, movieLens, embeddings, tasks, cancel)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE); // the status line gives way, never the buttons
        }
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox bar = new HBox(8, title, spacer(12), movieLens, embeddings, tasks, spacer(12), progress, cancel, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 10, 0));
        return bar;
    }

    private Node createDatasetList() {
        ListView<Dataset> datasets = new ListView<>(model.datasets());
        datasets.setId("data-datasets");
        datasets.setCellFactory(list -> cell(dataset -> dataset.name() + "\n" + datasetCounts(dataset)));
        datasets.setFixedCellSize(62);
        datasets.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedDatasetProperty().set(now);
            }
        });
        model.selectedDatasetProperty().addListener((obs, old, now) -> datasets.getSelectionModel().select(now));
        datasets.setPlaceholder(new Label("No datasets:\nimport a MovieLens folder"));

        ListView<EmbeddingSpaceRecord> spaces = new ListView<>(model.spaces());
        spaces.setId("data-spaces");
        spaces.setCellFactory(list -> cell(space -> space.name() + "\n" + space.kind() + " · "
                + String.format(Locale.ROOT, "%,d × %d", space.count(), space.dimension())));
        spaces.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedSpaceProperty().set(now);
            }
        });
        model.selectedSpaceProperty().addListener((obs, old, now) -> spaces.getSelectionModel().select(now));
        spaces.setPlaceholder(new Label("No embedding spaces"));
        spaces.setFixedCellSize(44);

        Label datasetsLabel = new Label("Datasets");
        Label spacesLabel = new Label("Embedding spaces");
        datasetsLabel.getStyleClass().add("section-label");
        spacesLabel.getStyleClass().add("section-label");
        VBox.setVgrow(datasets, Priority.ALWAYS);
        VBox.setVgrow(spaces, Priority.ALWAYS);
        VBox box = new VBox(6, datasetsLabel, datasets, spacesLabel, spaces);
        box.setPrefWidth(190);
        box.setPadding(new Insets(0, 10, 0, 0));
        return box;
    }

    private Node createTable() {
        TextField search = new TextField();
        search.setId("data-search");
        search.setPromptText("Search title, year or genre");
        search.textProperty().bindBidirectional(model.searchTextProperty());
        Label count = new Label();
        count.setId("data-count");
        count.getStyleClass().add(Styles.MUTED);
        count.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%,d of %,d movies",
                model.visibleMovies().size(), model.movies().size()), model.visibleMovies(), model.movies()));
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox searchRow = new HBox(8, search, count);
        searchRow.setAlignment(Pos.CENTER_LEFT);

        table.setId("data-table");
        // Header clicks sort a view of the filtered rows; the view model's lists keep catalogue order.
        SortedList<MovieRow> sorted = new SortedList<>(model.visibleMovies());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getColumns().add(column("Title", 230, MovieRow::title));
        table.getColumns().add(column("Year", 50, row -> row.year() > 0 ? String.valueOf(row.year()) : ""));
        table.getColumns().add(column("Genres", 150, MovieRow::genres));
        TableColumn<MovieRow, Number> ratings = new TableColumn<>("Ratings");
        ratings.setPrefWidth(60);
        ratings.setMinWidth(60);
        ratings.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().ratingCount()));
        table.getColumns().add(ratings);
        table.getColumns().add(column("Mean", 50, row -> Double.isNaN(row.meanRating()) ? ""
                : String.format(Locale.ROOT, "%.2f", row.meanRating())));
        table.setPlaceholder(new Label("No movies to show"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        // One row height for all rows: the table need not measure each new row, which makes filling it cheap.
        table.setFixedCellSize(26);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(6, searchRow, table);
        box.setPadding(new Insets(0, 8, 0, 0));
        return box;
    }

    private Node createMap() {
        ComboBox<MapColourOption> colourBy = new ComboBox<>();
        colourBy.setId("data-colour-by");
        colourBy.getItems().setAll(MapColourOption.values());
        colourBy.valueProperty().bindBidirectional(model.colourByProperty());
        Label mapStatus = new Label();
        mapStatus.setId("data-map-status");
        mapStatus.getStyleClass().add(Styles.MUTED);
        mapStatus.textProperty().bind(model.mapStatusProperty());
        mapStatus.setMinWidth(0);
        Label colourLabel = new Label("Colour by");
        colourLabel.setMinWidth(Region.USE_PREF_SIZE);
        colourBy.setMinWidth(Region.USE_PREF_SIZE);
        HBox controls = new HBox(8, colourLabel, colourBy);
        controls.setAlignment(Pos.CENTER_LEFT);
        map.setId("data-map");
        VBox.setVgrow(map, Priority.ALWAYS);
        VBox box = new VBox(6, controls, mapStatus, map);
        box.setPadding(new Insets(0, 0, 0, 8));
        return box;
    }

    private void bindMap() {
        model.projectionProperty().addListener((obs, old, projected) -> {
            if (projected == null) {
                map.setProjector(null);
                map.setPoints(MapPoints.EMPTY);
            } else {
                map.setProjector(projected.pca()::project);
                map.setPoints(projected.points(), model.mapColouringProperty().get());
            }
        });
        model.mapColouringProperty().addListener((obs, old, colouring) -> {
            if (model.projectionProperty().get() != null) {
                map.setColouring(colouring);
            }
        });
        map.setPlaceholderText("No embedding space to show");
    }

    /** One selection for table and map: the view model's id; the table follows it unless filtered out. */
    private void bindSelection() {
        map.selectedIdProperty().bindBidirectional(model.selectedEntityIdProperty());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!syncingSelection && row != null) {
                model.selectedEntityIdProperty().set((long) row.id());
            }
        });
        model.selectedEntityIdProperty().addListener((obs, old, id) -> {
            syncingSelection = true;
            try {
                MovieRow row = id == null ? null : model.movieById(id);
                int index = row == null ? -1 : table.getItems().indexOf(row);
                if (index < 0) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().clearAndSelect(index);
                    table.scrollTo(Math.max(0, index - 3));
                }
            } finally {
                syncingSelection = false;
            }
        });
    }

    private static String datasetCounts(Dataset dataset) {
        long movies = DatasetStats.count(dataset.statsJson(), "movies");
        long ratings = DatasetStats.count(dataset.statsJson(), "ratings");
        long tasks = DatasetStats.count(dataset.statsJson(), "tasks");
        StringBuilder text = new StringBuilder(dataset.kind());
        if (movies >= 0) {
            text.append(String.format(Locale.ROOT, " · %,d movies", movies));
        }
        if (ratings >= 0) {
            text.append(String.format(Locale.ROOT, "\n%,d ratings", ratings));
        }
        if (tasks >= 0) {
            text.append(String.format(Locale.ROOT, " · %,d tasks", tasks));
        }
        return text.toString();
    }

    private static <T> ListCell<T> cell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    private static TableColumn<MovieRow, String> column(String title, double width, Function<MovieRow, String> value) {
        TableColumn<MovieRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 80)); // short columns (year, mean) keep their digits; titles give way
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(event -> action.run());
        return button;
    }

    private static Region spacer(double width) {
        Region spacer = new Region();
        spacer.setMinWidth(width);
        return spacer;
    }
}
