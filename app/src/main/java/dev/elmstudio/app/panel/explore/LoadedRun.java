package dev.elmstudio.app.panel.explore;

import dev.elmstudio.engine.explore.ExploreSession;
import dev.elmstudio.engine.project.Pca;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An ELM run ready to explore: the session, the space's entities for the pickers, their map coordinates on the
 * space's first two principal axes and their first genre to colour the map by (null for users), all in the space's
 * row order. Not changed after loading, so the generation thread may read it.
 *
 * @param pca the space's principal axes (at most two; null for a space of fewer than two entities)
 */
public record LoadedRun(long runId, String description, ExploreSession session, List<EntityChoice> entities,
        Map<Integer, EntityChoice> byId, Pca pca, float[] mapX, float[] mapY, String[] genres) {

    public LoadedRun(long runId, String description, ExploreSession session, List<EntityChoice> entities,
            Pca pca, float[] mapX, float[] mapY, String[] genres) {
        this(runId, description, session, List.copyOf(entities),
                entities.stream().collect(Collectors.toUnmodifiableMap(EntityChoice::id, Function.identity(), (a, b) -> a)),
                pca, mapX, mapY, genres);
    }

    /** Where a vector of the space lands on the map: {x, y} on the principal axes (linear, so lines stay lines). */
    public double[] mapPosition(float[] vector) {
        if (pca == null) {
            return new double[] {0, 0};
        }
        double[] p = pca.project(vector);
        return new double[] {p[0], p.length > 1 ? p[1] : 0};
    }

    /** The map's projection for a space: its first two principal axes (one for a 1-dimensional space). */
    public static Pca fitMap(dev.elmstudio.engine.data.embedding.EmbeddingSpace space) {
        return space.size() < 2 ? null : Pca.fit(space.vectors(), space.dimension(), Math.min(2, space.dimension()));
    }

    public EntityChoice choice(int id) {
        EntityChoice known = byId.get(id);
        return known == null ? new EntityChoice(id, "#" + id) : known;
    }
}
