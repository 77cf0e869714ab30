package dev.elmstudio.engine.elm;

import java.util.Map;

/**
 * One training or evaluation example: a prompt whose slots take vectors, and the text the model should produce.
 *
 * @param entityId what the example is about (for held-out splits and reports); may be empty
 * @param template the prompt
 * @param vectors slot name → vector of the slot's embedding space
 * @param target the text to learn (the loss counts these tokens and the end-of-sequence token only); may be
 *     empty for a prompt to generate from
 */
public record ElmExample(String entityId, PromptTemplate template, Map<String, float[]> vectors, String target) {
    public ElmExample {
        if (template == null) {
            throw new IllegalArgumentException("example needs a prompt template");
        }
        vectors = Map.copyOf(vectors == null ? Map.of() : vectors);
        for (String slot : template.slots()) {
            if (!vectors.containsKey(slot)) {
                throw new IllegalArgumentException("example '" + entityId + "': no vector for slot {" + slot
                        + "} of '" + template.text() + "'");
            }
        }
        target = target == null ? "" : target;
        entityId = entityId == null ? "" : entityId;
    }
}
