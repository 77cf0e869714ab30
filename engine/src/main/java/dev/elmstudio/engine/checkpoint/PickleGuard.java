package dev.elmstudio.engine.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Refuses PyTorch pickle checkpoints ({@code pytorch_model.bin}, {@code .pt}, {@code .pth}, {@code .pkl},
 * {@code .ckpt}). Unpickling executes whatever the file tells it to, so opening a downloaded one is running
 * a stranger's program. safetensors holds only numbers; the user converts once, somewhere disposable.
 */
public final class PickleGuard {
    /** File endings PyTorch and Lightning use for pickled (or zip-wrapped pickled) state. */
    static final List<String> PICKLE_ENDINGS =
            List.of(".bin", ".pt", ".pth", ".pkl", ".pickle", ".ckpt", ".bin.index.json");

    private PickleGuard() {}

    /** True for a file name that is, or indexes, pickled weights. */
    public static boolean isPickleName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return PICKLE_ENDINGS.stream().anyMatch(lower::endsWith);
    }

    /** Throws if {@code file}'s name marks it as pickled weights, before a single byte of it is read. */
    public static void refuseIfPickle(Path file) throws CheckpointException {
        Path name = file.getFileName();
        if (name != null && isPickleName(name.toString())) {
            throw refusal(file, file.toAbsolutePath().getParent());
        }
    }

    /**
     * Throws if {@code folder} holds pickled weights and no safetensors file, so that the user learns why
     * the model is refused rather than just that model.safetensors is missing.
     */
    public static void refuseIfOnlyPickleWeights(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        Optional<Path> pickle;
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.filter(Files::isRegularFile).sorted().toList();
            if (all.stream().anyMatch(f -> f.getFileName().toString().endsWith(".safetensors"))) {
                return;
            }
            pickle = all.stream().filter(f -> isPickleName(f.getFileName().toString())).findFirst();
        }
        if (pickle.isPresent()) {
            throw refusal(pickle.get(), folder);
        }
    }

    private static CheckpointException refusal(Path file, Path folder) {
        String in = folder == null ? "MODEL_FOLDER" : folder.toString();
        return new CheckpointException(file + ": refusing to load a pickle checkpoint. Pickle files can run"
                + " arbitrary code when loaded; convert to safetensors first, e.g. with Python in a throwaway"
                + " environment: python -c \"from transformers import AutoModelForCausalLM as M;"
                + " M.from_pretrained('" + in + "').save_pretrained('" + in + "-safetensors')\""
                + " (writes model.safetensors and config.json)");
    }
}
