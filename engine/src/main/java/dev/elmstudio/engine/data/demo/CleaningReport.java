package dev.elmstudio.engine.data.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What cleaning dropped or changed, by reason, with examples, so the demo says what it is built on. */
public final class CleaningReport {
    private final Map<String, List<String>> dropped = new TreeMap<>();
    private final Map<String, List<String>> changed = new TreeMap<>();
    private int read;
    private int kept;

    void read() {
        read++;
    }

    void kept() {
        kept++;
    }

    void drop(String reason, String film) {
        dropped.computeIfAbsent(reason, r -> new ArrayList<>()).add(film);
    }

    void change(String reason, String film) {
        changed.computeIfAbsent(reason, r -> new ArrayList<>()).add(film);
    }

    public int readCount() {
        return read;
    }

    public int keptCount() {
        return kept;
    }

    public int droppedCount(String reasonPrefix) {
        return dropped.entrySet().stream().filter(e -> e.getKey().startsWith(reasonPrefix)).mapToInt(e -> e.getValue().size()).sum();
    }

    public int changedCount(String reasonPrefix) {
        return changed.entrySet().stream().filter(e -> e.getKey().startsWith(reasonPrefix)).mapToInt(e -> e.getValue().size()).sum();
    }

    /** A plain-text report: counts per reason and up to five examples each. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("read ").append(read).append(" films, kept ").append(kept).append('\n');
        append(out, "dropped", dropped);
        append(out, "changed", changed);
        return out.toString();
    }

    private static void append(StringBuilder out, String verb, Map<String, List<String>> byReason) {
        byReason.forEach((reason, films) -> {
            out.append(verb).append(' ').append(films.size()).append(": ").append(reason).append('\n');
            films.stream().limit(5).forEach(f -> out.append("    e.g. ").append(f).append('\n'));
        });
    }
}
