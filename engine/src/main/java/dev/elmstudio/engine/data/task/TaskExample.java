package dev.elmstudio.engine.data.task;

import java.util.Map;
import java.util.TreeMap;

/**
 * One training or evaluation example: a prompt whose slots ({@code {movie}}, {@code {movie1}},
 * {@code {movie2}}, {@code {user}}) the ELM fills with embedding vectors, and the target text.
 *
 * @param task the task's name ("summary", "positive_review", "user_profile")
 * @param slots which entity fills each slot, by slot name without braces: {@code {"movie": 123}}
 */
public record TaskExample(String task, Map<String, Integer> slots, String prompt, String target) {
    public TaskExample {
        if (task == null || task.isBlank()) {
            throw new IllegalArgumentException("task example has no task name");
        }
        if (prompt == null || target == null) {
            throw new IllegalArgumentException("task example '" + task + "' needs a prompt and a target");
        }
        slots = Map.copyOf(new TreeMap<>(slots == null ? Map.of() : slots));
        for (String slot : slots.keySet()) {
            if (!prompt.contains("{" + slot + "}")) {
                throw new IllegalArgumentException("task '" + task + "': slot {" + slot + "} is bound but the prompt '"
                        + prompt + "' does not use it");
            }
        }
    }
}
