package dev.elmstudio.engine.elm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt with named slots, e.g. {@code "Summarize the movie {movie}. Do not use its name."} or
 * {@code "Compare {movie1} with {movie2}."}. Each slot is bound to an embedding space; at that place the prompt
 * receives the space adapter's output E_A(w) (ℓ positions) instead of token embeddings. A slot name may appear
 * once; several slots, of the same or of different spaces, may share a prompt.
 *
 * <p>Slot names are letters, digits and underscores in braces; {@code {{} and {@code }}} write literal braces.
 *
 * @param text the template as written
 * @param slotSpaces slot name → embedding space name, in order of appearance
 */
public record PromptTemplate(String text, Map<String, String> slotSpaces) {
    private static final Pattern TOKEN = Pattern.compile("\\{\\{|}}|\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /** A literal piece of text or a slot, in prompt order. */
    public sealed interface Part {}

    public record Text(String value) implements Part {}

    public record Slot(String name, String space) implements Part {}

    public PromptTemplate {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("prompt template text must not be empty");
        }
        if (slotSpaces == null) {
            throw new IllegalArgumentException("slot bindings must not be null");
        }
        List<String> names = slotNames(text);
        for (String name : names) {
            String space = slotSpaces.get(name);
            if (space == null || space.isBlank()) {
                throw new IllegalArgumentException("prompt template '" + text + "': slot {" + name
                        + "} is not bound to an embedding space (bound: " + slotSpaces.keySet() + ")");
            }
        }
        for (String bound : slotSpaces.keySet()) {
            if (!names.contains(bound)) {
                throw new IllegalArgumentException("prompt template '" + text + "' has no slot {" + bound + "}");
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String name : names) {
            ordered.put(name, slotSpaces.get(name));
        }
        slotSpaces = Collections.unmodifiableMap(ordered);
    }

    /** A template whose slots all read from one space, e.g. {@code of("Describe {movie}.", "movies")}. */
    public static PromptTemplate of(String text, String space) {
        Map<String, String> bindings = new LinkedHashMap<>();
        slotNames(text).forEach(n -> bindings.put(n, space));
        return new PromptTemplate(text, bindings);
    }

    /** Slot names in order of appearance. */
    public List<String> slots() {
        return List.copyOf(slotSpaces.keySet());
    }

    /** The template split into text and slots. */
    public List<Part> parts() {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (m.find()) {
            literal.append(text, at, m.start());
            at = m.end();
            if (m.group(1) == null) {
                literal.append(m.group().charAt(0)); // {{ or }}
                continue;
            }
            if (!literal.isEmpty()) {
                parts.add(new Text(literal.toString()));
                literal.setLength(0);
            }
            parts.add(new Slot(m.group(1), slotSpaces.get(m.group(1))));
        }
        literal.append(text, at, text.length());
        if (!literal.isEmpty()) {
            parts.add(new Text(literal.toString()));
        }
        return parts;
    }

    private static List<String> slotNames(String text) {
        if (text == null) {
            throw new IllegalArgumentException("prompt template text must not be null");
        }
        List<String> names = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (name == null) {
                continue;
            }
            if (names.contains(name)) {
                throw new IllegalArgumentException("prompt template '" + text + "' uses slot {" + name
                        + "} twice; give each occurrence its own name ({" + name + "1}, {" + name + "2})");
            }
            names.add(name);
        }
        return names;
    }
}
