package dev.elmstudio.app.panel.explore;

/**
 * A text kept for comparison with the inputs that produced it.
 *
 * @param input what the slot received, in words
 * @param inputJson the same for the generations table (the schema {@code elm generate} writes)
 * @param sc semantic consistency as shown ("0.412", or "—")
 * @param savedAs the generations row it was saved as, or null while not saved
 */
public record PinnedOutput(long runId, String task, String input, String inputJson, String text, String sc, Long savedAs) {

    PinnedOutput saved(long generationId) {
        return new PinnedOutput(runId, task, input, inputJson, text, sc, generationId);
    }
}
