package dev.elmstudio.engine.checkpoint;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The open safetensors file(s) of a model folder, and which file holds which tensor: either one
 * {@code model.safetensors}, or shards listed by {@code model.safetensors.index.json}
 * ({@code {"weight_map": {tensor: shard file}}}), the layout Hugging Face uses for larger models.
 */
final class WeightFiles implements AutoCloseable {
    static final String SINGLE_FILE = "model.safetensors";
    static final String INDEX_FILE = "model.safetensors.index.json";

    private final List<SafeTensors> open;
    private final Map<String, SafeTensors> fileByTensor;

    private WeightFiles(List<SafeTensors> open, Map<String, SafeTensors> fileByTensor) {
        this.open = open;
        this.fileByTensor = Collections.unmodifiableMap(fileByTensor);
    }

    static WeightFiles open(Path folder) throws IOException {
        Path single = folder.resolve(SINGLE_FILE);
        if (Files.isRegularFile(single)) {
            SafeTensors file = SafeTensors.open(single);
            Map<String, SafeTensors> byTensor = new LinkedHashMap<>();
            file.tensors().keySet().forEach(name -> byTensor.put(name, file));
            return new WeightFiles(List.of(file), byTensor);
        }
        Path index = folder.resolve(INDEX_FILE);
        if (Files.isRegularFile(index)) {
            return openShards(folder, index);
        }
        PickleGuard.refuseIfOnlyPickleWeights(folder);
        throw new CheckpointException(folder + ": no " + SINGLE_FILE + " or " + INDEX_FILE
                + " (a model folder holds config.json and safetensors weights)");
    }

    /** Tensor name (as in the file) → the open file holding it. */
    Map<String, SafeTensors> fileByTensor() {
        return fileByTensor;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (SafeTensors file : open) {
            try {
                file.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static WeightFiles openShards(Path folder, Path index) throws IOException {
        JsonFields keys = JsonFields.parse(index.toString(), Files.readString(index, StandardCharsets.UTF_8));
        JsonFields weightMap = keys.optObject("weight_map").orElseThrow(() -> keys.error(
                "required key 'weight_map' is missing"));
        // Sorted so shards open in a stable order and the first error reported is always the same one.
        Map<String, String> shardByTensor = new TreeMap<>();
        for (Map.Entry<String, JsonElement> e : weightMap.asObject().entrySet()) {
            shardByTensor.put(e.getKey(), weightMap.requireString(e.getKey()));
        }
        List<SafeTensors> open = new ArrayList<>();
        try {
            Map<String, SafeTensors> byShardName = new LinkedHashMap<>();
            for (String shard : new TreeSet<>(shardByTensor.values())) {
                byShardName.put(shard, SafeTensors.open(shardPath(folder, index, shard)));
                open.add(byShardName.get(shard));
            }
            Map<String, SafeTensors> byTensor = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : shardByTensor.entrySet()) {
                SafeTensors shard = byShardName.get(e.getValue());
                if (!shard.tensors().containsKey(e.getKey())) {
                    throw keys.error("weight_map puts tensor '" + e.getKey() + "' in " + e.getValue()
                            + ", which does not hold it");
                }
                byTensor.put(e.getKey(), shard);
            }
            for (SafeTensors shard : open) {
                for (String name : shard.tensors().keySet()) {
                    if (byTensor.get(name) != shard) {
                        throw keys.error(shard.file().getFileName() + " holds tensor '" + name
                                + "', which weight_map does not assign to it");
                    }
                }
            }
            return new WeightFiles(open, byTensor);
        } catch (IOException | RuntimeException e) {
            for (SafeTensors file : open) {
                file.close();
            }
            throw e;
        }
    }

    /** A shard must be a plain file name next to the index: an index must not point elsewhere on disk. */
    private static Path shardPath(Path folder, Path index, String shard) throws CheckpointException {
        Path name = Path.of(shard);
        if (name.getNameCount() != 1 || name.isAbsolute() || shard.equals("..") || shard.equals(".")) {
            throw new CheckpointException(index + ": shard '" + shard + "' must be a file name in the same folder");
        }
        return folder.resolve(name);
    }
}
