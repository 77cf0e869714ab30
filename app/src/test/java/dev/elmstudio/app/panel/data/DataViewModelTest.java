package dev.elmstudio.app.panel.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.app.dataimport.DatasetStats;
import dev.elmstudio.app.task.BackgroundWork;
import dev.elmstudio.app.task.DirectTaskRunner;
import dev.elmstudio.app.task.TaskContext;
import dev.elmstudio.app.task.TaskHandle;
import dev.elmstudio.app.task.TaskRunner;
import dev.elmstudio.app.testing.RecordingDialogs;
import dev.elmstudio.app.ui.map.MapColouring;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Data panel's view model against a real workspace and real files, without a window. */
class DataViewModelTest {

    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    private static DataFixtures fixtures;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @BeforeAll
    static void writeFixtures() throws Exception {
        fixtures = DataFixtures.write(shared, 150);
    }

    @Test
    void importsMovieLensThenEmbeddingsThenTasksAndShowsThemAll() {
        DataViewModel model = new DataViewModel(new DirectTaskRunner(), dialogs);
        model.workspaceProperty().set(DataFixtures.workspace(temp.resolve("ws")));
        assertTrue(model.datasets().isEmpty());

        model.importMovieLens(fixtures.movieLensFolder);
        assertEquals(List.of(), dialogs.errors);
        assertTrue(model.statusProperty().get().startsWith("Imported dataset 'demo-movielens'"), model.statusProperty().get());
        assertEquals(1, model.datasets().size());
        assertEquals("demo-movielens", model.selectedDatasetProperty().get().name());
        assertEquals(fixtures.dataset.catalogue().size(), model.movies().size());
        MovieRow first = model.movies().get(0);
        assertTrue(first.ratingCount() >= DataViewModel.MIN_RATINGS_PER_MOVIE, "kept movies have their ratings counted");
        assertFalse(Double.isNaN(first.meanRating()));
        assertTrue(model.spaces().isEmpty());
        assertNull(model.projectionProperty().get());
        assertTrue(model.mapStatusProperty().get().contains("no embedding space"), model.mapStatusProperty().get());

        model.importEmbeddings(fixtures.embeddingsCsv);
        assertEquals(List.of(), dialogs.errors);
        assertEquals(1, model.spaces().size());
        assertEquals("behavioral", model.selectedSpaceProperty().get().name());
        ProjectedSpace projected = model.projectionProperty().get();
        assertNotNull(projected);
        assertEquals(model.selectedSpaceProperty().get().count(), projected.points().size());
        int index = projected.points().indexOf(first.id());
        assertTrue(projected.points().labels()[index].startsWith(first.displayTitle()));
        assertTrue(model.mapStatusProperty().get().startsWith("PCA of " + model.selectedSpaceProperty().get().dimension() + " dimensions"), model.mapStatusProperty().get());
        MapColouring.Categorical genres = assertInstanceOf(MapColouring.Categorical.class, model.mapColouringProperty().get());
        assertEquals(first.firstGenre(), genres.categories()[index]);
        model.colourByProperty().set(MapColourOption.MEAN_RATING);
        MapColouring.Numeric means = assertInstanceOf(MapColouring.Numeric.class, model.mapColouringProperty().get());
        assertEquals(first.meanRating(), means.values()[index], 1e-9);

        model.selectedEntityIdProperty().set((long) first.id());
        model.importTasks(fixtures.tasksJsonl);
        assertEquals(List.of(), dialogs.errors);
        assertTrue(model.statusProperty().get().startsWith("Imported 400 task examples of 8 tasks"), model.statusProperty().get());
        assertTrue(DatasetStats.count(model.selectedDatasetProperty().get().statsJson(), "tasks") > 0);
        assertEquals(1, model.spaces().size(), "the dataset's space is still listed");
        assertEquals(projected, model.projectionProperty().get(), "tasks change counts only: the map is not laid out again");
        assertEquals(Long.valueOf(first.id()), model.selectedEntityIdProperty().get(), "and the selection stays");
    }

    @Test
    void searchFiltersAsYouTypeAndTheSelectionIsOneIdForTableAndMap() {
        DataViewModel model = imported();
        String needle = model.movies().get(7).title().substring(0, 4).toLowerCase(Locale.ROOT);
        model.searchTextProperty().set(needle.toUpperCase(Locale.ROOT));
        assertFalse(model.visibleMovies().isEmpty());
        assertTrue(model.visibleMovies().size() < model.movies().size());
        assertTrue(model.visibleMovies().stream().allMatch(row -> row.searchKey().contains(needle)));
        model.searchTextProperty().set("");
        assertEquals(model.movies().size(), model.visibleMovies().size());

        long id = model.movies().get(3).id();
        model.selectedEntityIdProperty().set(id);
        assertEquals(model.movies().get(3), model.movieById(id));
        model.selectedDatasetProperty().set(null);
        assertNull(model.selectedEntityIdProperty().get(), "a new dataset starts without a selection");
    }

    @Test
    void aMalformedFileIsReportedWithFileAndLineAndNothingIsKept() throws Exception {
        DataViewModel model = new DataViewModel(new DirectTaskRunner(), dialogs);
        Path workspace = DataFixtures.workspace(temp.resolve("ws"));
        model.workspaceProperty().set(workspace);
        model.importMovieLens(fixtures.brokenCopy(temp));
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("broken-movielens"), dialogs.errors.get(0));
        String cause = dialogs.causes.get(0).getMessage();
        assertTrue(cause.contains("ratings.csv") && cause.contains("line 3"), cause);
        assertTrue(model.datasets().isEmpty());
        assertFalse(model.importingProperty().get());
        try (var folders = Files.list(workspace.resolve(Workspace.DATASETS_FOLDER))) {
            assertEquals(0, folders.count(), "no partial dataset folder");
        } catch (java.nio.file.NoSuchFileException none) {
            // no datasets folder at all is as good
        }
    }

    @Test
    void embeddingsWithAnIdTheDatasetLacksAreRefusedNamingTheLine() throws Exception {
        DataViewModel model = imported();
        Path stranger = temp.resolve("stranger.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(fixtures.embeddingsCsv));
        String row = lines.get(2);
        lines.set(2, "999999" + row.substring(row.indexOf(',')));
        Files.write(stranger, lines);
        model.importEmbeddings(stranger);
        assertEquals(1, dialogs.errors.size());
        String cause = dialogs.causes.get(0).getMessage();
        assertTrue(cause.contains("stranger.csv line 3: id 999999"), cause);
        assertEquals(1, model.spaces().size(), "only the good space");
    }

    @Test
    void aCancelledImportKeepsNothingAndShowsNoError() {
        DataViewModel model = new DataViewModel(new CancelledRunner(), dialogs);
        model.workspaceProperty().set(DataFixtures.workspace(temp.resolve("ws")));
        model.importMovieLens(fixtures.movieLensFolder);
        assertEquals(List.of(), dialogs.errors);
        assertEquals("Import cancelled; nothing was kept.", model.statusProperty().get());
        assertTrue(model.datasets().isEmpty());
        try (Workspace workspace = Workspace.openReadOnly(temp.resolve("ws"))) {
            assertTrue(workspace.datasets().list().isEmpty());
        }
    }

    @Test
    void importsNeedAWorkspaceAndEmbeddingsADataset() {
        DataViewModel model = new DataViewModel(new DirectTaskRunner(), dialogs);
        model.importMovieLens(fixtures.movieLensFolder);
        model.workspaceProperty().set(DataFixtures.workspace(temp.resolve("ws")));
        model.importEmbeddings(fixtures.embeddingsCsv);
        assertEquals(2, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("workspace"));
        assertTrue(dialogs.errors.get(1).contains("Choose a dataset"));
    }

    @Test
    void aSecondImportOfTheSameFolderGetsTheNextFreeName() {
        assertEquals("ml", DataViewModel.uniqueName("ml", List.of("other")));
        assertEquals("ml-3", DataViewModel.uniqueName("ml", List.of("ml", "ml-2")));
        DataViewModel model = imported();
        model.importMovieLens(fixtures.movieLensFolder);
        assertEquals(List.of("demo-movielens", "demo-movielens-2"), model.datasets().stream().map(d -> d.name()).sorted().toList());
    }

    private DataViewModel imported() {
        DataViewModel model = new DataViewModel(new DirectTaskRunner(), dialogs);
        model.workspaceProperty().set(DataFixtures.workspace(temp.resolve("ws")));
        model.importMovieLens(fixtures.movieLensFolder);
        model.importEmbeddings(fixtures.embeddingsCsv);
        assertEquals(List.of(), dialogs.errors);
        return model;
    }

    /** Runs work on the calling thread with the cancel flag already raised, as if the user pressed Cancel at once. */
    private static final class CancelledRunner implements TaskRunner {
        @Override
        public <T> TaskHandle submit(String name, BackgroundWork<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            Cancelled handle = new Cancelled();
            T result;
            try {
                result = work.call(handle);
            } catch (Throwable failure) {
                onFailure.accept(failure);
                return handle;
            }
            onSuccess.accept(result);
            return handle;
        }

        @Override public void onUiThread(Runnable action) { action.run(); }
        @Override public ObservableList<String> runningJobs() { return FXCollections.observableArrayList(); }
        @Override public ReadOnlyIntegerProperty runningCount() { return new SimpleIntegerProperty(); }
        @Override public void shutdown() { }
    }

    private static final class Cancelled implements TaskHandle, TaskContext {
        @Override public ReadOnlyDoubleProperty progressProperty() { return new ReadOnlyDoubleWrapper().getReadOnlyProperty(); }
        @Override public ReadOnlyStringProperty messageProperty() { return new ReadOnlyStringWrapper().getReadOnlyProperty(); }
        @Override public void cancel() { }
        @Override public boolean isCancelled() { return true; }
        @Override public void progress(double fraction) { }
        @Override public void message(String text) { }
    }
}
