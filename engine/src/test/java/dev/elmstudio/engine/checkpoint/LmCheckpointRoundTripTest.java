package dev.elmstudio.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonParser;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.LmConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LmCheckpointRoundTripTest {
    @TempDir
    Path dir;

    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of("gpt2", TinyModels.GPT2),
                Arguments.of("llama-gqa", TinyModels.LLAMA_GQA),
                Arguments.of("qwen2-tied", TinyModels.LLAMA_GQA.withAttentionBias(true).withTiedEmbeddings(true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void savedThenLoadedModelGivesIdenticalLogits(String name, LmConfig config) throws IOException {
        float[] before;
        try (CausalLm model = TinyModels.randomized(config, 5)) {
            before = TinyModels.logits(model);
            LmCheckpoint.save(model, dir);
        }

        try (CausalLm loaded = LmCheckpoint.load(dir, Device.cpu())) {
            assertEquals(config, loaded.config());
            assertEquals(0.0, TinyModels.maxAbsDiff(before, TinyModels.logits(loaded)), name);
        }
    }

    @Test
    void gpt2Conv1dWeightsAreSavedTransposedInHuggingFaceShape() throws IOException {
        int d = TinyModels.GPT2.hiddenSize();
        try (CausalLm model = TinyModels.randomized(TinyModels.GPT2, 5); NDManager m = NDManager.newBaseManager()) {
            LmCheckpoint.save(model, dir);

            try (SafeTensors file = SafeTensors.open(dir.resolve("model.safetensors"))) {
                assertEquals(new Shape(d, 3 * d), file.info("transformer.h.0.attn.c_attn.weight").shape());
                assertEquals(new Shape(d, d), file.info("transformer.h.1.attn.c_proj.weight").shape());
                assertEquals(new Shape(d, 4 * d), file.info("transformer.h.0.mlp.c_fc.weight").shape());
                assertEquals(new Shape(4 * d, d), file.info("transformer.h.0.mlp.c_proj.weight").shape());
                NDArray ours = model.parameters().get("transformer.h.0.attn.c_attn.weight"); // [3D, D]
                NDArray stored = file.read("transformer.h.0.attn.c_attn.weight", m); // [D, 3D]
                assertArrayEquals(ours.transpose().toFloatArray(), stored.toFloatArray());
                // Embeddings are not Conv1D: same layout in both.
                assertEquals(new Shape(TinyModels.GPT2.vocabSize(), d), file.info("transformer.wte.weight").shape());
                assertFalse(file.tensors().containsKey("lm_head.weight"), "a tied head is not stored twice");
                assertEquals("pt", file.metadata().get("format"));
            }
        }
    }

    @Test
    void savedFolderIsAHuggingFaceModelFolder() throws IOException {
        try (CausalLm model = TinyModels.randomized(TinyModels.LLAMA_GQA, 5)) {
            LmCheckpoint.save(model, dir);
        }

        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("config.json", "model.safetensors"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        var json = JsonParser.parseString(Files.readString(dir.resolve("config.json"))).getAsJsonObject();
        assertEquals("llama", json.get("model_type").getAsString());
        assertEquals(2, json.get("num_key_value_heads").getAsInt());
        try (SafeTensors file = SafeTensors.open(dir.resolve("model.safetensors"))) {
            assertTrue(file.tensors().containsKey("lm_head.weight"), "an untied head is stored");
            assertEquals(new Shape(8, 16), file.info("model.layers.0.self_attn.k_proj.weight").shape());
        }
    }

    @Test
    void savingAndLoadingLeaveNoStrayArraysInTheModelsManager() throws IOException {
        int parameters;
        try (CausalLm model = TinyModels.randomized(TinyModels.GPT2, 5)) {
            parameters = model.manager().getManagedArrays().size();
            LmCheckpoint.save(model, dir);
            assertEquals(parameters, model.manager().getManagedArrays().size(), "after save");
        }
        try (CausalLm loaded = LmCheckpoint.load(dir, Device.cpu())) {
            assertEquals(parameters, loaded.manager().getManagedArrays().size(), "after load");
        }
    }
}
