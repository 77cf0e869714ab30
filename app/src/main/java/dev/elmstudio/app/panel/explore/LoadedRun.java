package dev.elmstudio.app.panel.explore;

import dev.elmstudio.engine.explore.ExploreSession;
import dev.elmstudio.engine.explore.PrincipalPlane;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An ELM run ready to explore: the session, the space's entities for the pickers, their map coordinates on the
 * space's principal plane and their first genre to colour the map by (null for users), all in the space's row
 * order. Not changed after loading, so the generation thread may read it.
 */
public record LoadedRun(long runId, String description, ExploreSession session, List<EntityChoice> entities,
        Map<Integer, EntityChoice> byId, PrincipalPlane plane, float[] mapX, float[] mapY, String[] genres) {

    public LoadedRun(long runId, String description, ExploreSession session, List<EntityChoice> entities,
            PrincipalPlane plane, float[] mapX, float[] mapY, String[] genres) {
        this(runId, description, session, List.copyOf(entities),
                entities.stream().collect(Collectors.toUnmodifiableMap(EntityChoice::id, Function.identity(), (a, b) -> a)),
                plane, mapX, mapY, genres);
    }

    public EntityChoice choice(int id) {
        EntityChoice known = byId.get(id);
        return known == null ? new EntityChoice(id, "#" + id) : known;
    }
}
