package dev.elmstudio.app.panel.rate;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one model wrote in one evaluation, by task and item: the texts a rating session can be built from.
 *
 * @param evalId the evaluation the texts come from
 * @param model the model within the evaluation ("elm", "baseline") when its tasks are named {@code model:task};
 *              empty when the whole evaluation is one model
 * @param label how the researcher sees this model; stored in the session as the hidden model identity
 * @param texts task → item → generated text
 */
public record ModelOutputs(long evalId, String model, String label, Map<String, Map<String, String>> texts) {

    public ModelOutputs {
        TreeMap<String, Map<String, String>> copy = new TreeMap<>();
        texts.forEach((task, byItem) -> copy.put(task, Map.copyOf(byItem)));
        texts = java.util.Collections.unmodifiableMap(copy);
    }

    public Set<String> tasks() {
        return texts.keySet();
    }

    /** The items of {@code task} this model has a text for. */
    public Set<String> items(String task) {
        return texts.getOrDefault(task, Map.of()).keySet();
    }

    public String text(String task, String item) {
        return texts.getOrDefault(task, Map.of()).get(item);
    }

    @Override
    public String toString() {
        return label;
    }
}
