package dev.elmstudio.app.panel.train;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the form's text fields into {@link PretrainSettings}, or into one message per bad field that
 * says what is wrong and what is allowed. Runs on every keystroke: only string parsing and one stat.
 */
final class PretrainFormValidator {

    private final List<String> problems = new ArrayList<>();

    /** The settings, or null when {@link #problems()} is not empty. */
    PretrainSettings validate(String corpus, String vocab, String layers, String width, String heads,
            String context, String batch, String steps, String learningRate) {
        problems.clear();
        Path corpusFile = corpusFile(corpus);
        int vocabSize = integer("Vocabulary", vocab, 300, 65_536);
        int layerCount = integer("Layers", layers, 1, 48);
        int widthValue = integer("Width", width, 8, 4096);
        int headCount = integer("Heads", heads, 1, 64);
        int contextLength = integer("Context", context, 8, 4096);
        int batchSize = integer("Batch", batch, 1, 1024);
        int stepCount = integer("Steps", steps, 1, 10_000_000);
        double rate = decimal("Learning rate", learningRate, 1e-7, 1);
        if (problems.isEmpty() && widthValue % headCount != 0) {
            problems.add("Width " + widthValue + " must be a multiple of heads (" + headCount + ").");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        int evalInterval = Math.max(1, Math.min(100, stepCount / 5));
        int checkpointInterval = Math.max(1, Math.min(200, stepCount / 2));
        return new PretrainSettings(corpusFile, vocabSize, layerCount, widthValue, headCount, contextLength,
                batchSize, stepCount, rate, evalInterval, checkpointInterval, 0);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    private Path corpusFile(String text) {
        if (text == null || text.isBlank()) {
            problems.add("Choose a corpus file (UTF-8 text, blank lines between documents).");
            return null;
        }
        try {
            Path path = Path.of(text.trim());
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                problems.add("Corpus file " + path + " does not exist or cannot be read.");
            }
            return path;
        } catch (InvalidPathException e) {
            problems.add("Corpus '" + text + "' is not a valid path.");
            return null;
        }
    }

    private int integer(String field, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.trim());
            if (value < min || value > max) {
                problems.add(field + " must be between " + min + " and " + max + ", got " + value + ".");
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(field + " must be a whole number, got '" + text + "'.");
            return min;
        }
    }

    private double decimal(String field, String text, double min, double max) {
        try {
            double value = Double.parseDouble(text == null ? "" : text.trim());
            if (!(value >= min && value <= max)) {
                problems.add(field + " must be between " + min + " and " + max + ", got " + text + ".");
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(field + " must be a number such as 0.001, got '" + text + "'.");
            return min;
        }
    }
}
