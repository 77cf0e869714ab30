package dev.elmstudio.app.panel.explore;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** What the entity pickers suggest for typed text: title matches and id prefixes, the exact id first. */
final class EntitySuggestions {
    static final int MAX = 30;

    private EntitySuggestions() {}

    static List<EntityChoice> matching(List<EntityChoice> entities, String typed) {
        String text = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return List.of();
        }
        return entities.stream()
                .filter(e -> e.toString().toLowerCase(Locale.ROOT).contains(text)
                        || Integer.toString(e.id()).startsWith(text))
                .sorted(Comparator.comparing((EntityChoice e) -> !Integer.toString(e.id()).equals(text))
                        .thenComparing(e -> !e.label().toLowerCase(Locale.ROOT).startsWith(text)))
                .limit(MAX)
                .toList();
    }
}
