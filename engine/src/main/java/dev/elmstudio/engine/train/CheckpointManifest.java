package dev.elmstudio.engine.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code trainer.json}: everything besides tensors that a resumed run needs, readable by people.
 *
 * <p>Randomness needs no saved generator state: the data order is a function of (data seed, epoch)
 * and PyTorch's generator is re-seeded from (seed, step) before every step, so the position and
 * the step number restore it exactly. {@code rng} says so for whoever reads the file.
 *
 * @param format always {@link #FORMAT}, to recognise the file
 * @param version layout version; bump it when a field changes meaning
 * @param step completed updates when the checkpoint was taken
 * @param optimizerSteps AdamW's update count t (differs from step only in fine-tuning flows)
 * @param dataPosition next batch of the training stream
 * @param dataFingerprint {@link TokenBlockDataset#fingerprint()} in hex, checked on resume
 * @param rng how the run's randomness is derived (informative)
 * @param trainLoss loss of the last step, null if unknown
 * @param validationLoss last validation loss, null if the run has not validated
 * @param savedAt ISO-8601 instant
 * @param config settings of the run
 * @param lossScale fp16 loss scale in force for the next update; null without loss scaling
 * @param lossScaleCleanSteps clean updates since the scale last changed; null without loss scaling
 */
record CheckpointManifest(
        String format,
        int version,
        int step,
        int optimizerSteps,
        DataPosition dataPosition,
        String dataFingerprint,
        String rng,
        Double trainLoss,
        Double validationLoss,
        String savedAt,
        PretrainConfig config,
        Double lossScale,
        Integer lossScaleCleanSteps) {

    static final String FORMAT = "elm-studio/pretrain-checkpoint";
    static final int VERSION = 1;
    static final String RNG_NOTE = "data order = f(data seed, epoch); torch generator seeded from (config.seed, step)"
            + " before each step";

    private static final Gson GSON = new GsonBuilder()
            .registerTypeHierarchyAdapter(Path.class, new PathAdapter())
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .create();

    String toJson() {
        return GSON.toJson(this);
    }

    /** Parses and checks a manifest; {@code source} names the file in error messages. */
    static CheckpointManifest fromJson(String json, String source) {
        CheckpointManifest manifest;
        try {
            manifest = GSON.fromJson(json, CheckpointManifest.class);
        } catch (JsonParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": not a readable training checkpoint manifest ("
                    + e.getMessage() + ")", e);
        }
        if (manifest == null || !FORMAT.equals(manifest.format())) {
            throw new IllegalArgumentException(source + ": not a training checkpoint manifest (format is not '"
                    + FORMAT + "')");
        }
        if (manifest.version() != VERSION) {
            throw new IllegalArgumentException(source + ": checkpoint layout version " + manifest.version()
                    + " is not supported (this build reads version " + VERSION + ")");
        }
        if (manifest.config() == null || manifest.dataPosition() == null) {
            throw new IllegalArgumentException(source + ": manifest lacks 'config' or 'dataPosition'");
        }
        return manifest;
    }

    static String hex(long value) {
        return String.format("%016x", value);
    }

    /** Paths as plain strings: Gson cannot reflect into the JDK's Path implementations. */
    private static final class PathAdapter extends TypeAdapter<Path> {
        @Override
        public void write(JsonWriter out, Path value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(value.toString());
            }
        }

        @Override
        public Path read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            return Path.of(in.nextString());
        }
    }
}
