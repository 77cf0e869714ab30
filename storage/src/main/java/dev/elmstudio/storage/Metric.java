package dev.elmstudio.storage;

/**
 * One value of one named series (loss, lr, tokens_per_second, ...) at one training step.
 *
 * @param step optimizer step the value belongs to
 * @param name series name
 * @param value the value
 */
public record Metric(long step, String name, double value) {

    public Metric {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Metric name is empty (step " + step + ")");
        }
    }
}
