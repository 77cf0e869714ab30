package dev.elmstudio.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.elmstudio.engine.lm.CausalLm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading folders laid out as Hugging Face lays them out, and refusing folders that do not match. */
class LmCheckpointLoadTest {
    @TempDir
    Path dir;

    private NDManager manager;
    private float[] savedLogits;

    @BeforeEach
    void saveTinyGpt2() throws IOException {
        manager = NDManager.newBaseManager();
        try (CausalLm model = TinyModels.randomized(TinyModels.GPT2, 9)) {
            savedLogits = TinyModels.logits(model);
            LmCheckpoint.save(model, dir);
        }
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    @Test
    void shardedFolderLoadsToIdenticalLogits() throws IOException {
        Map<String, NDArray> all = readSaved();
        Map<String, NDArray> first = new LinkedHashMap<>();
        Map<String, NDArray> second = new LinkedHashMap<>();
        StringBuilder weightMap = new StringBuilder();
        for (Map.Entry<String, NDArray> e : all.entrySet()) {
            boolean inFirst = e.getKey().startsWith("transformer.h.0.") || e.getKey().startsWith("transformer.w");
            (inFirst ? first : second).put(e.getKey(), e.getValue());
            weightMap.append(weightMap.isEmpty() ? "" : ",").append('"').append(e.getKey()).append("\":\"")
                    .append(inFirst ? "model-00001-of-00002.safetensors" : "model-00002-of-00002.safetensors")
                    .append('"');
        }
        SafeTensors.write(dir.resolve("model-00001-of-00002.safetensors"), first, Map.of("format", "pt"));
        SafeTensors.write(dir.resolve("model-00002-of-00002.safetensors"), second, Map.of("format", "pt"));
        Files.writeString(dir.resolve("model.safetensors.index.json"),
                "{\"metadata\": {\"total_size\": 0}, \"weight_map\": {" + weightMap + "}}");
        Files.delete(dir.resolve("model.safetensors"));

        try (CausalLm loaded = LmCheckpoint.load(dir, Device.cpu())) {
            assertEquals(0.0, TinyModels.maxAbsDiff(savedLogits, TinyModels.logits(loaded)));
        }
    }

    @Test
    void baseModelFileWithoutPrefixAndWithMaskBuffersLoadsLikeTransformersDoes() throws IOException {
        // What OpenAI's GPT-2 upload looks like: saved from GPT2Model, so "h.0..." instead of
        // "transformer.h.0...", plus each layer's causal-mask buffer "h.N.attn.bias".
        Map<String, NDArray> bare = new LinkedHashMap<>();
        readSaved().forEach((name, value) -> bare.put(name.substring("transformer.".length()), value));
        bare.put("h.0.attn.bias", manager.ones(new Shape(1, 1, 32, 32)));
        bare.put("h.1.attn.bias", manager.ones(new Shape(1, 1, 32, 32)));
        SafeTensors.write(dir.resolve("model.safetensors"), bare, Map.of("format", "pt"));

        try (CausalLm loaded = LmCheckpoint.load(dir, Device.cpu())) {
            assertEquals(0.0, TinyModels.maxAbsDiff(savedLogits, TinyModels.logits(loaded)));
        }
    }

    @Test
    void missingAndUnexpectedTensorsAreListedByName() throws IOException {
        rewriteSaved(tensors -> {
            tensors.remove("transformer.h.1.ln_2.bias");
            tensors.put("transformer.h.1.adapter.weight", manager.zeros(new Shape(2)));
        });

        assertRefused("missing 1: transformer.h.1.ln_2.bias", "unexpected 1: transformer.h.1.adapter.weight");
    }

    @Test
    void shapeThatDisagreesWithConfigJsonIsReportedInFileLayout() throws IOException {
        Path config = dir.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"n_inner\": 64", "\"n_inner\": 48"));

        assertRefused("tensor 'transformer.h.0.mlp.c_fc.weight' has shape (16, 64) but config.json implies (16, 48)");
    }

    @Test
    void integerTensorInPlaceOfAWeightIsRefused() throws IOException {
        rewriteSaved(tensors -> tensors.put("transformer.wpe.weight",
                tensors.get("transformer.wpe.weight").toType(DataType.INT64, false)));

        assertRefused("tensor 'transformer.wpe.weight' is I64");
    }

    @Test
    void shardOutsideTheFolderIsRefused() throws IOException {
        Files.delete(dir.resolve("model.safetensors"));
        Files.writeString(dir.resolve("model.safetensors.index.json"),
                "{\"weight_map\": {\"transformer.wte.weight\": \"../elsewhere.safetensors\"}}");

        assertRefused("shard '../elsewhere.safetensors' must be a file name in the same folder");
    }

    @Test
    void indexThatDisagreesWithItsShardsIsRefused() throws IOException {
        Files.move(dir.resolve("model.safetensors"), dir.resolve("model-00001-of-00001.safetensors"));
        Files.writeString(dir.resolve("model.safetensors.index.json"),
                "{\"weight_map\": {\"transformer.nothing.weight\": \"model-00001-of-00001.safetensors\"}}");

        assertRefused("weight_map puts tensor 'transformer.nothing.weight' in model-00001-of-00001.safetensors,"
                + " which does not hold it");
    }

    @Test
    void folderWithoutWeightsIsRefused() throws IOException {
        Files.delete(dir.resolve("model.safetensors"));

        assertRefused("no model.safetensors or model.safetensors.index.json");
    }

    @Test
    void folderWithoutConfigIsRefused() throws IOException {
        Files.delete(dir.resolve("config.json"));

        assertRefused("config.json: not found");
    }

    private Map<String, NDArray> readSaved() throws IOException {
        try (SafeTensors file = SafeTensors.open(dir.resolve("model.safetensors"))) {
            return new LinkedHashMap<>(file.readAll(manager));
        }
    }

    private void rewriteSaved(Consumer<Map<String, NDArray>> edit) throws IOException {
        Map<String, NDArray> tensors = readSaved();
        edit.accept(tensors);
        SafeTensors.write(dir.resolve("model.safetensors"), tensors, Map.of("format", "pt"));
    }

    private void assertRefused(String... expectedFragments) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> LmCheckpoint.load(dir, Device.cpu()));
        assertTrue(e.getMessage().startsWith(dir.toString()), "names the folder or file: " + e.getMessage());
        for (String fragment : expectedFragments) {
            assertTrue(e.getMessage().contains(fragment), "expected '" + fragment + "' in: " + e.getMessage());
        }
    }
}
