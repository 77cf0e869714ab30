package dev.elmstudio.engine.checkpoint;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.LmConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link CausalLm} as a Hugging Face model folder: {@code config.json} plus {@code model.safetensors}, with
 * Hugging Face tensor names and layouts, so that transformers loads a folder written here
 * ({@code AutoModelForCausalLM.from_pretrained(dir)}) and a GPT-2 or Llama-family folder from the Hub loads
 * here, single-file or sharded.
 *
 * <p>Loading checks the file against the model that config.json describes before copying anything: every
 * parameter present, nothing unexpected, every shape right. Weights are copied one tensor at a time, each in
 * a scratch manager closed straight after, so loading needs the model plus one tensor of memory.
 */
public final class LmCheckpoint {
    public static final String WEIGHTS_FILE = WeightFiles.SINGLE_FILE;
    public static final String CONFIG_FILE = HfConfigJson.FILE_NAME;

    /** transformers refuses a safetensors file whose metadata does not name its framework. */
    private static final Map<String, String> METADATA = Map.of("format", "pt");

    /** Listing hundreds of missing names helps nobody; the first few show what is wrong. */
    private static final int MAX_NAMES_IN_MESSAGE = 12;

    private LmCheckpoint() {}

    /** Writes {@code dir/model.safetensors} and {@code dir/config.json}, each atomically. */
    public static void save(CausalLm model, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (NDManager scratch = model.manager().newSubManager()) {
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            for (Map.Entry<String, NDArray> e : model.parameters().entrySet()) {
                NDArray value = e.getValue();
                if (HfTensorNames.isStoredTransposed(e.getKey())) {
                    value = value.transpose(); // [out, in] → Conv1D's [in, out]
                    value.attach(scratch); // transpose() joined the model's manager
                }
                tensors.put(e.getKey(), value);
            }
            SafeTensors.write(dir.resolve(WEIGHTS_FILE), tensors, METADATA);
        }
        HfConfigJson.write(model.config(), dir.resolve(CONFIG_FILE));
    }

    /** Reads the config of a model folder without loading its weights. */
    public static LmConfig readConfig(Path dir) throws IOException {
        requireFolder(dir);
        return HfConfigJson.read(dir.resolve(CONFIG_FILE));
    }

    /**
     * Loads a model folder onto {@code device}: config.json, then model.safetensors or the shards listed in
     * model.safetensors.index.json. Pickle files ({@code pytorch_model.bin}, ...) are refused.
     */
    public static CausalLm load(Path dir, Device device) throws IOException {
        requireFolder(dir);
        PickleGuard.refuseIfOnlyPickleWeights(dir);
        LmConfig config = HfConfigJson.read(dir.resolve(CONFIG_FILE));
        try (WeightFiles files = WeightFiles.open(dir)) {
            Map<String, String> fileNames = HfTensorNames.engineToFileNames(files.fileByTensor().keySet(), config);
            // The seed is irrelevant: every parameter is overwritten below.
            CausalLm model = new CausalLm(config, device, 0);
            try {
                checkNames(dir, model, fileNames.keySet(), config);
                for (String name : model.parameters().keySet()) {
                    String fileName = fileNames.get(name);
                    copyTensor(model, name, files.fileByTensor().get(fileName), fileName);
                }
                return model;
            } catch (IOException | RuntimeException e) {
                model.close();
                throw e;
            }
        }
    }

    private static void requireFolder(Path dir) throws CheckpointException {
        if (Files.isRegularFile(dir)) {
            PickleGuard.refuseIfPickle(dir); // a user who picks pytorch_model.bin itself learns why it is refused
        }
        if (!Files.isDirectory(dir)) {
            throw new CheckpointException(dir + ": not a model folder (expected a folder holding " + CONFIG_FILE
                    + " and " + WEIGHTS_FILE + ")");
        }
    }

    private static void checkNames(Path dir, CausalLm model, Set<String> inFile, LmConfig config)
            throws CheckpointException {
        List<String> missing = new ArrayList<>();
        for (String name : model.parameters().keySet()) {
            if (!inFile.contains(name)) {
                missing.add(name);
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (String name : inFile) {
            if (!model.parameters().containsKey(name) && !HfTensorNames.isIgnoredOnLoad(name, config)) {
                unexpected.add(name);
            }
        }
        if (missing.isEmpty() && unexpected.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(dir + ": weights do not match config.json");
        if (!missing.isEmpty()) {
            message.append("; missing ").append(missing.size()).append(": ").append(firstFew(missing));
        }
        if (!unexpected.isEmpty()) {
            message.append("; unexpected ").append(unexpected.size()).append(": ").append(firstFew(unexpected));
        }
        throw new CheckpointException(message.toString());
    }

    private static void copyTensor(CausalLm model, String name, SafeTensors file, String fileName)
            throws IOException {
        NDArray parameter = model.parameters().get(name);
        boolean transposed = HfTensorNames.isStoredTransposed(name);
        SafeTensorInfo info = file.info(fileName);
        Shape expected = transposed ? reversed(parameter.getShape()) : parameter.getShape();
        if (!info.shape().equals(expected)) {
            throw new CheckpointException(file.file() + ": tensor '" + fileName + "' has shape " + info.shape()
                    + " but config.json implies " + expected);
        }
        if (!info.dtype().loadedType().isFloating()) {
            throw new CheckpointException(file.file() + ": tensor '" + fileName + "' is " + info.dtype()
                    + "; a weight must be F32, F16 or BF16");
        }
        try (NDManager scratch = model.manager().newSubManager()) {
            NDArray value = file.read(fileName, scratch);
            if (transposed) {
                // Conv1D's [in, out] → [out, in]. transpose() is a strided view and a copy of it keeps those
                // strides; flattening forces a row-major copy so the parameter ends up contiguous.
                value = value.transpose().flatten().reshape(parameter.getShape());
            }
            model.copyParameter(name, value);
        }
    }

    private static Shape reversed(Shape shape) {
        long[] dims = shape.getShape();
        long[] out = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[i] = dims[dims.length - 1 - i];
        }
        return new Shape(out);
    }

    private static String firstFew(List<String> names) {
        if (names.size() <= MAX_NAMES_IN_MESSAGE) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, MAX_NAMES_IN_MESSAGE)) + ", ... ("
                + (names.size() - MAX_NAMES_IN_MESSAGE) + " more)";
    }
}
