package dev.elmstudio.app.panel.data;

import dev.elmstudio.app.ui.map.MapPoints;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.engine.project.Pca;
import java.util.Locale;
import java.util.Map;

/**
 * An embedding space laid out in 2-D by PCA, ready for the map: one point per entity with a vector, labelled
 * with the movie's title where the id is a movie of the dataset. The fitted {@link Pca} is kept so a vector
 * that was never fitted (the Explore panel's probe) lands in the same picture.
 *
 * @param rows the table row of each point (null where the id is not a movie, e.g. a users' space)
 */
public record ProjectedSpace(String spaceName, MapPoints points, MovieRow[] rows, Pca pca) {

    public static ProjectedSpace of(EmbeddingSpace space, Map<Integer, MovieRow> movies) {
        Pca pca = Pca.fit(space.vectors(), space.dimension(), 2);
        double[] coordinates = pca.projectAll(space.vectors());
        int n = space.size();
        long[] ids = new long[n];
        float[] x = new float[n];
        float[] y = new float[n];
        String[] labels = new String[n];
        MovieRow[] rows = new MovieRow[n];
        for (int i = 0; i < n; i++) {
            int id = space.ids()[i];
            ids[i] = id;
            x[i] = (float) coordinates[2 * i];
            y[i] = (float) coordinates[2 * i + 1];
            rows[i] = movies.get(id);
            labels[i] = rows[i] == null ? "id " + id : rows[i].displayTitle() + (rows[i].genres().isEmpty() ? "" : "\n" + rows[i].genres());
        }
        return new ProjectedSpace(space.name(), new MapPoints(ids, x, y, labels), rows, pca);
    }

    /** "PCA of 64 dimensions: the map shows 21% + 9% of the variance". */
    public String summary() {
        double[] ratio = pca.explainedVarianceRatio();
        return String.format(Locale.ROOT, "PCA of %d dimensions: the axes show %.0f%% + %.0f%% of the variance",
                pca.dimension(), 100 * ratio[0], 100 * ratio[1]);
    }
}
