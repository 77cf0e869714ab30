package dev.elmstudio.app.panel.explore;

import ai.djl.Device;
import dev.elmstudio.app.elmrun.ElmRuns;
import dev.elmstudio.engine.cav.ConceptLabels;
import dev.elmstudio.engine.data.DatasetFiles;
import dev.elmstudio.engine.data.Movie;
import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.engine.data.embedding.NpyFiles;
import dev.elmstudio.engine.elm.ElmArchive;
import dev.elmstudio.engine.elm.ElmModel;
import dev.elmstudio.engine.encode.MiniLmEncoder;
import dev.elmstudio.engine.explore.ConceptDirections;
import dev.elmstudio.engine.explore.ExploreSession;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.EmbeddingSpaceRecord;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a finished ELM run of a workspace for exploring (background thread): the model, the run's embedding space,
 * concept labels from the dataset, the dataset's semantic space for SC, entity labels and the map. Every failure
 * names the run and what is missing.
 */
public final class ExploreLoader {
    /** Kind of the spaces built with the text encoder; SC needs one of the encoder's width. */
    static final String SEMANTIC_KIND = "semantic";
    /** Concept directions are trained with this seed, as {@code elm cav} does by default. */
    private static final long CAV_SEED = 0;

    private ExploreLoader() {}

    static List<Run> finishedRuns(Path workspaceFolder) {
        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            return ElmRuns.finished(workspace);
        }
    }

    public static LoadedRun load(Path workspaceFolder, long runId) throws IOException {
        Run run;
        Path elmFolder;
        Dataset dataset;
        EmbeddingSpaceRecord spaceRecord;
        Optional<EmbeddingSpaceRecord> semanticRecord;
        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            run = workspace.runs().get(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId
                    + " in " + workspaceFolder));
            ElmRuns.Inputs inputs = ElmRuns.inputs(run);
            elmFolder = ElmRuns.elmFolder(workspace, runId);
            dataset = workspace.datasets().findByName(inputs.dataset()).orElseThrow(() -> new IllegalArgumentException(
                    "run " + runId + " was trained on dataset '" + inputs.dataset() + "', which is no longer in the workspace"));
            spaceRecord = workspace.embeddingSpaces().find(dataset.id(), inputs.space()).orElseThrow(() ->
                    new IllegalArgumentException("run " + runId + " was trained on embedding space '" + inputs.space()
                            + "' of dataset '" + dataset.name() + "', which is no longer there"));
            semanticRecord = SEMANTIC_KIND.equals(spaceRecord.kind()) ? Optional.of(spaceRecord)
                    : workspace.embeddingSpaces().list(dataset.id()).stream()
                            .filter(s -> SEMANTIC_KIND.equals(s.kind()) && s.dimension() == encoderDimension())
                            .findFirst();
        }
        EmbeddingSpace space = NpyFiles.read(spaceRecord.name(), spaceRecord.path(), spaceRecord.dimension());
        EmbeddingSpace semantic = semanticRecord.isEmpty() ? null
                : semanticRecord.get().id() == spaceRecord.id() ? space
                : NpyFiles.read(semanticRecord.get().name(), semanticRecord.get().path(), semanticRecord.get().dimension());
        if (semantic != null && semantic.dimension() != encoderDimension()) {
            semantic = null; // built by another encoder: SC against it would mean nothing
        }
        MovieLensDataset data = DatasetFiles.read(dataset.path());
        ConceptDirections concepts = new ConceptDirections(space, ConceptLabels.of(data, space), CAV_SEED);
        ElmModel model = ElmArchive.load(elmFolder, Device.cpu());
        ExploreSession session;
        try {
            session = new ExploreSession(model, space, concepts, semantic);
        } catch (RuntimeException e) {
            model.close();
            throw new IllegalArgumentException("run " + runId + ": " + e.getMessage(), e);
        }
        var pca = LoadedRun.fitMap(space);
        float[] x = new float[space.size()];
        float[] y = new float[space.size()];
        for (int row = 0; row < space.size(); row++) {
            double[] p = pca == null ? new double[2] : pca.project(space.vector(row));
            x[row] = (float) p[0];
            y[row] = p.length > 1 ? (float) p[1] : 0f;
        }
        String description = "run " + runId + " · " + run.name() + " · " + dataset.name() + " / " + space.name()
                + " (" + space.size() + " × " + space.dimension() + ")";
        String[] genres = new String[space.size()];
        for (int row = 0; row < genres.length; row++) {
            genres[row] = data.catalogue().byId(space.ids()[row]).filter(m -> !m.genres().isEmpty())
                    .map(m -> m.genres().get(0)).orElse(null);
        }
        return new LoadedRun(runId, description, session, entities(data, space), pca, x, y, genres);
    }

    private static List<EntityChoice> entities(MovieLensDataset data, EmbeddingSpace space) {
        Set<Integer> users = new HashSet<>();
        for (int id : data.ratings().userIds()) {
            users.add(id);
        }
        List<EntityChoice> choices = new ArrayList<>(space.size());
        for (int id : space.ids()) {
            Optional<Movie> movie = data.catalogue().byId(id);
            choices.add(new EntityChoice(id, movie.map(Movie::displayTitle)
                    .orElse(users.contains(id) ? "User " + id : "Entity " + id)));
        }
        return choices;
    }

    /** The text encoder's width, without loading its model. */
    static int encoderDimension() {
        return MiniLmEncoder.DIMENSION;
    }
}
