package dev.elmstudio.app.panel.explore;

import java.util.Locale;

/** A real entity near the current point, with its cosine similarity. */
public record NearestEntity(EntityChoice entity, double cosine) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.3f  %s", cosine, entity.label());
    }
}
