package dev.elmstudio.engine.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One evaluated item: what went in, what came out, and every score it got.
 *
 * @param task   the task ("summary", "interpolation", "cav:funny")
 * @param itemId unique within the task
 * @param input  a readable description of the input
 * @param output the generated text, verbatim
 * @param scores metric name → value, in insertion order; NaN marks an undefined score
 */
public record ItemScores(String task, String itemId, String input, String output, Map<String, Double> scores) {

    public ItemScores {
        if (task == null || task.isBlank()) {
            throw new IllegalArgumentException("item scores: task is required");
        }
        if (itemId == null) {
            throw new IllegalArgumentException("item scores for task '" + task + "': item id is required");
        }
        input = input == null ? "" : input;
        output = output == null ? "" : output;
        // a copy in the caller's order, which the CSV keeps; Map.copyOf would lose it
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }
}
