package dev.elmstudio.app.panel.data;

import dev.elmstudio.app.dataimport.DatasetFolder;
import dev.elmstudio.app.dataimport.DatasetNames;
import dev.elmstudio.app.dataimport.EmbeddingsImport;
import dev.elmstudio.app.dataimport.MovieLensImport;
import dev.elmstudio.app.dataimport.TasksImport;
import dev.elmstudio.app.shell.DialogService;
import dev.elmstudio.app.task.BackgroundWork;
import dev.elmstudio.app.task.TaskContext;
import dev.elmstudio.app.task.TaskHandle;
import dev.elmstudio.app.task.TaskRunner;
import dev.elmstudio.app.ui.map.MapColouring;
import dev.elmstudio.engine.data.ImportCancelledException;
import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.engine.data.task.TaskExample;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.EmbeddingSpaceRecord;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Data panel's state and commands: the workspace's datasets, the chosen dataset's movies (searchable) and
 * embedding spaces, the chosen space laid out by PCA for the map, one selected entity shared by table and map,
 * and imports (MovieLens folder, embeddings, tasks) with progress and cancel. Everything that reads files or
 * the database runs through the {@link TaskRunner}; the import logic is the command line's
 * ({@code app/dataimport}).
 */
public final class DataViewModel {

    static final int MIN_RATINGS_PER_MOVIE = 5;

    private final TaskRunner tasks;
    private final DialogService dialogs;

    // Properties
    private final ObjectProperty<Path> workspace = new SimpleObjectProperty<>(this, "workspace");
    private final ObservableList<Dataset> datasets = FXCollections.observableArrayList();
    private final ObjectProperty<Dataset> selectedDataset = new SimpleObjectProperty<>(this, "selectedDataset");
    private final ObservableList<EmbeddingSpaceRecord> spaces = FXCollections.observableArrayList();
    private final ObjectProperty<EmbeddingSpaceRecord> selectedSpace = new SimpleObjectProperty<>(this, "selectedSpace");
    private final ObservableList<MovieRow> movies = FXCollections.observableArrayList();
    private final FilteredList<MovieRow> visibleMovies = new FilteredList<>(movies, row -> true);
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObjectProperty<Long> selectedEntityId = new SimpleObjectProperty<>(this, "selectedEntityId");
    private final ReadOnlyObjectWrapper<ProjectedSpace> projection = new ReadOnlyObjectWrapper<>(this, "projection");
    private final ObjectProperty<MapColourOption> colourBy = new SimpleObjectProperty<>(this, "colourBy", MapColourOption.GENRE);
    private final ReadOnlyObjectWrapper<MapColouring> mapColouring = new ReadOnlyObjectWrapper<>(this, "mapColouring", MapColouring.UNIFORM);
    private final ReadOnlyStringWrapper mapStatus = new ReadOnlyStringWrapper(this, "mapStatus", "");
    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(this, "importing");
    private final ReadOnlyDoubleWrapper importProgress = new ReadOnlyDoubleWrapper(this, "importProgress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    private TaskHandle importHandle;
    private long datasetLoads;
    private long spaceLoads;
    private Map<Integer, MovieRow> moviesById = Map.of();
    private String spaceToSelect;
    private boolean sameContents;

    public DataViewModel(TaskRunner tasks, DialogService dialogs) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        workspace.addListener((obs, old, now) -> {
            datasets.clear();
            selectedDataset.set(null);
            refreshDatasets(null);
        });
        selectedDataset.addListener((obs, old, now) -> {
            if (!sameContents) {
                loadDataset(now);
            }
        });
        selectedSpace.addListener((obs, old, now) -> loadSpace(now));
        searchText.addListener((obs, old, now) -> applySearch(now));
        colourBy.addListener((obs, old, now) -> recolour());
    }

    // ----- Properties -----

    public ObjectProperty<Path> workspaceProperty() { return workspace; }
    public ObservableList<Dataset> datasets() { return datasets; }
    public ObjectProperty<Dataset> selectedDatasetProperty() { return selectedDataset; }
    public ObservableList<EmbeddingSpaceRecord> spaces() { return spaces; }
    public ObjectProperty<EmbeddingSpaceRecord> selectedSpaceProperty() { return selectedSpace; }
    /** Every movie of the chosen dataset. */
    public ObservableList<MovieRow> movies() { return movies; }
    /** The movies matching the search text, in catalogue order: what the table shows. */
    public ObservableList<MovieRow> visibleMovies() { return visibleMovies; }
    public StringProperty searchTextProperty() { return searchText; }
    /** The selected entity (movie id), shared by the table and the map; null for none. */
    public ObjectProperty<Long> selectedEntityIdProperty() { return selectedEntityId; }
    /** The chosen space's 2-D layout, null while none is loaded. */
    public ReadOnlyObjectProperty<ProjectedSpace> projectionProperty() { return projection.getReadOnlyProperty(); }
    public ObjectProperty<MapColourOption> colourByProperty() { return colourBy; }
    public ReadOnlyObjectProperty<MapColouring> mapColouringProperty() { return mapColouring.getReadOnlyProperty(); }
    /** A line above the map: what it shows, that it is loading, or why it is empty. */
    public ReadOnlyStringProperty mapStatusProperty() { return mapStatus.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty importingProperty() { return importing.getReadOnlyProperty(); }
    /** Fraction of the current file read, or negative when unknown. */
    public ReadOnlyDoubleProperty importProgressProperty() { return importProgress.getReadOnlyProperty(); }
    /** The running import's step, or the last one's outcome, in a sentence. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    // ----- Commands -----

    /** Re-reads the dataset list; selects {@code selectName} if given, else keeps the selection by id. */
    public void refreshDatasets(String selectName) {
        refreshDatasets(selectName, true);
    }

    /**
     * @param reload whether the selected dataset's movies and spaces are read again when it stays selected (a new
     *     space: yes; new tasks only change its counts, and keep the table, map and selection as they are)
     */
    private void refreshDatasets(String selectName, boolean reload) {
        Path folder = workspace.get();
        if (folder == null) {
            return;
        }
        tasks.submit(null, context -> {
            try (Workspace opened = Workspace.openReadOnly(folder)) {
                return opened.datasets().list();
            }
        }, list -> {
            if (!folder.equals(workspace.get())) {
                return;
            }
            Dataset previous = selectedDataset.get();
            datasets.setAll(list);
            Dataset pick = list.stream()
                    .filter(d -> selectName != null ? d.name().equals(selectName) : previous != null && d.id() == previous.id())
                    .findFirst().orElse(previous == null && !list.isEmpty() ? list.get(0) : null);
            boolean stays = pick != null && previous != null && pick.id() == previous.id();
            if (stays && !reload) {
                sameContents = true; // new counts for the list, nothing to read again
                try {
                    selectedDataset.set(pick);
                } finally {
                    sameContents = false;
                }
            } else if (stays && pick.equals(previous)) {
                if (selectName != null) {
                    loadDataset(pick); // same dataset, new contents (an added space)
                }
            } else {
                selectedDataset.set(pick);
            }
        }, failure -> dialogs.showError("Could not read the datasets of " + folder + ".", failure));
    }

    /** Imports a MovieLens folder as a new dataset named after the folder. */
    public void importMovieLens(Path folder) {
        Path target = requireWorkspace();
        if (target == null) {
            return;
        }
        String name = uniqueName(DatasetNames.suggest(folder.getFileName().toString()), datasets.stream().map(Dataset::name).toList());
        runImport("Importing " + folder.getFileName(), context -> {
            MovieLensDataset data = MovieLensImport.read(folder, MIN_RATINGS_PER_MOVIE, new ImportProgressListener(context));
            stopIfCancelled(context);
            context.progress(-1);
            context.message("Saving dataset '" + name + "'");
            try (Workspace opened = Workspace.open(target)) {
                MovieLensImport.save(opened, name, "movielens", data);
            }
            return String.format(Locale.ROOT, "Imported dataset '%s': %,d movies, %,d users, %,d ratings.", name,
                    data.catalogue().size(), data.ratings().userCount(), data.ratings().size());
        }, outcome -> refreshDatasets(name), "Could not import the MovieLens folder " + folder + ".");
    }

    /** Imports vectors for the chosen dataset's movies (.npy with its .ids.npy, or .csv) as a new space. */
    public void importEmbeddings(Path file) {
        Path target = requireWorkspace();
        Dataset dataset = requireDataset("embeddings");
        if (target == null || dataset == null) {
            return;
        }
        String name = uniqueName(DatasetNames.suggest(file.getFileName().toString()), spaces.stream().map(EmbeddingSpaceRecord::name).toList());
        runImport("Importing " + file.getFileName(), context -> {
            context.message("Reading " + file.getFileName());
            EmbeddingSpace space = EmbeddingsImport.read(file, name, 0, new ImportProgressListener(context));
            stopIfCancelled(context);
            context.progress(-1);
            context.message("Checking ids and saving space '" + name + "'");
            try (Workspace opened = Workspace.open(target)) {
                EmbeddingsImport.save(opened, dataset, file, space, "movies", "imported");
            }
            return String.format(Locale.ROOT, "Imported space '%s': %,d movies × %d dimensions.", name,
                    space.size(), space.dimension());
        }, outcome -> {
            spaceToSelect = name;
            refreshDatasets(dataset.name());
        }, "Could not import the embeddings " + file + ".");
    }

    /** Attaches task examples (JSON Lines) to the chosen dataset, replacing any it had. */
    public void importTasks(Path file) {
        Path target = requireWorkspace();
        Dataset dataset = requireDataset("tasks");
        if (target == null || dataset == null) {
            return;
        }
        runImport("Importing " + file.getFileName(), context -> {
            context.progress(-1);
            context.message("Reading " + file.getFileName());
            List<TaskExample> examples = TasksImport.read(file);
            stopIfCancelled(context);
            try (Workspace opened = Workspace.open(target)) {
                TasksImport.save(opened, dataset, file, examples);
            }
            long kinds = examples.stream().map(TaskExample::task).distinct().count();
            return String.format(Locale.ROOT, "Imported %,d task examples of %d tasks for '%s'.", examples.size(), kinds,
                    dataset.name());
        }, outcome -> refreshDatasets(dataset.name(), false), "Could not import the tasks " + file + ".");
    }

    /** Asks the running import to stop; the engine stops at its next line and keeps nothing. */
    public void cancelImport() {
        if (importHandle != null) {
            importHandle.cancel();
            status.set("Cancelling…");
        }
    }

    /** The table row of a movie id, or null (for the view's table selection). */
    public MovieRow movieById(long id) {
        return id > Integer.MAX_VALUE || id < Integer.MIN_VALUE ? null : moviesById.get((int) id);
    }

    // ----- Work -----

    private void runImport(String name, BackgroundWork<String> work, Consumer<String> then, String failureSummary) {
        if (importing.get()) {
            dialogs.showError("An import is already running; wait for it or cancel it first.", null);
            return;
        }
        importing.set(true);
        importProgress.set(-1);
        status.set(name + "…");
        TaskHandle handle = tasks.submit(name, work, outcome -> {
            finishImport();
            status.set(outcome);
            then.accept(outcome);
        }, failure -> {
            boolean cancelled = importHandle != null && importHandle.isCancelled();
            finishImport();
            if (failure instanceof ImportCancelledException || failure instanceof CancellationException || cancelled) {
                status.set("Import cancelled; nothing was kept.");
            } else {
                status.set(failureSummary);
                dialogs.showError(failureSummary, failure);
            }
        });
        if (importing.get()) { // a direct runner has already finished by now
            importHandle = handle;
            importProgress.bind(handle.progressProperty());
            handle.messageProperty().addListener((obs, old, message) -> {
                if (importing.get() && message != null && !message.isEmpty()) {
                    status.set(message);
                }
            });
        }
    }

    /** The engine polls the cancel flag every few thousand lines; this catches a cancel after the last poll, before anything is written. */
    private static void stopIfCancelled(TaskContext context) {
        if (context.isCancelled()) {
            throw new CancellationException("import cancelled before saving; nothing was kept");
        }
    }

    private void finishImport() {
        importProgress.unbind();
        importProgress.set(0);
        importing.set(false);
        importHandle = null;
    }

    private void loadDataset(Dataset dataset) {
        long load = ++datasetLoads;
        movies.clear();
        moviesById = Map.of();
        spaces.clear();
        selectedSpace.set(null);
        selectedEntityId.set(null);
        if (dataset == null) {
            mapStatus.set(datasets.isEmpty() ? "No dataset yet: import a MovieLens folder." : "");
            return;
        }
        Path folder = workspace.get();
        mapStatus.set("Loading dataset '" + dataset.name() + "'…");
        tasks.submit("Loading dataset " + dataset.name(), context -> DatasetContents.read(folder, dataset), contents -> {
            if (load != datasetLoads) {
                return; // the user chose another dataset meanwhile
            }
            Map<Integer, MovieRow> byId = new HashMap<>();
            for (MovieRow row : contents.movies()) {
                byId.put(row.id(), row);
            }
            moviesById = byId;
            movies.setAll(contents.movies());
            spaces.setAll(contents.spaces());
            if (contents.spaces().isEmpty()) {
                mapStatus.set("Dataset '" + dataset.name() + "' has no embedding space yet: import one to see the map.");
            }
            String wanted = spaceToSelect;
            spaceToSelect = null;
            selectedSpace.set(contents.spaces().stream().filter(space -> space.name().equals(wanted)).findFirst()
                    .orElse(contents.spaces().isEmpty() ? null : contents.spaces().get(0)));
        }, failure -> {
            if (load == datasetLoads) {
                mapStatus.set("");
                dialogs.showError("Could not load dataset '" + dataset.name() + "'.", failure);
            }
        });
    }

    private void loadSpace(EmbeddingSpaceRecord space) {
        long load = ++spaceLoads;
        projection.set(null);
        recolour();
        if (space == null) {
            return;
        }
        Map<Integer, MovieRow> byId = moviesById;
        mapStatus.set("Projecting '" + space.name() + "' (" + space.count() + " × " + space.dimension() + ")…");
        tasks.submit("Projecting " + space.name(), context -> ProjectedSpace.of(DatasetFolder.loadSpace(space), byId), projected -> {
            if (load != spaceLoads) {
                return;
            }
            projection.set(projected);
            recolour();
            mapStatus.set(projected.summary());
        }, failure -> {
            if (load == spaceLoads) {
                mapStatus.set("");
                dialogs.showError("Could not lay out the embedding space '" + space.name() + "'.", failure);
            }
        });
    }

    private void recolour() {
        ProjectedSpace projected = projection.get();
        mapColouring.set(projected == null || colourBy.get() == null ? MapColouring.UNIFORM
                : colourBy.get().colouring(projected.rows()));
    }

    private void applySearch(String text) {
        String needle = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        // A contains() over keys built at load time: a few milliseconds for 60,000 movies, so no thread hop is needed.
        visibleMovies.setPredicate(needle.isEmpty() ? row -> true : row -> row.searchKey().contains(needle));
    }

    private Path requireWorkspace() {
        if (workspace.get() == null) {
            dialogs.showError("Open or create a workspace first.", null);
        }
        return workspace.get();
    }

    private Dataset requireDataset(String what) {
        if (selectedDataset.get() == null) {
            dialogs.showError("Choose a dataset first: " + what + " belong to a dataset's movies.", null);
        }
        return selectedDataset.get();
    }

    /** {@code base}, or base-2, base-3… when taken. */
    static String uniqueName(String base, List<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = (base.length() > 60 ? base.substring(0, 60) : base) + "-" + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }
}
