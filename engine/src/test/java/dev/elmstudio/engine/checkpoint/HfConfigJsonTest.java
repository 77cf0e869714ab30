package dev.elmstudio.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.elmstudio.engine.lm.LmConfig;
import dev.elmstudio.engine.lm.LmConfig.Activation;
import dev.elmstudio.engine.lm.LmConfig.Architecture;
import dev.elmstudio.engine.lm.RopeScaling;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HfConfigJsonTest {
    private static final String SOURCE = "/models/x/config.json";

    /** openai-community/gpt2's config.json (task_specific_params trimmed): no n_inner, no tie key. */
    private static final String OPENAI_GPT2 = """
            {"activation_function": "gelu_new", "architectures": ["GPT2LMHeadModel"], "attn_pdrop": 0.1,
             "bos_token_id": 50256, "embd_pdrop": 0.1, "eos_token_id": 50256, "initializer_range": 0.02,
             "layer_norm_epsilon": 1e-05, "model_type": "gpt2", "n_ctx": 1024, "n_embd": 768, "n_head": 12,
             "n_layer": 12, "n_positions": 1024, "resid_pdrop": 0.1, "summary_activation": null,
             "summary_type": "cls_index", "vocab_size": 50257}""";

    /** Qwen/Qwen2-0.5B's config.json: q/k/v biases implied by model_type, no attention_bias key. */
    private static final String QWEN2_05B = """
            {"architectures": ["Qwen2ForCausalLM"], "attention_dropout": 0.0, "bos_token_id": 151643,
             "eos_token_id": 151643, "hidden_act": "silu", "hidden_size": 896, "initializer_range": 0.02,
             "intermediate_size": 4864, "max_position_embeddings": 131072, "max_window_layers": 24,
             "model_type": "qwen2", "num_attention_heads": 14, "num_hidden_layers": 24, "num_key_value_heads": 2,
             "rms_norm_eps": 1e-06, "rope_theta": 1000000.0, "sliding_window": 131072, "tie_word_embeddings": true,
             "torch_dtype": "bfloat16", "use_cache": true, "use_sliding_window": false, "vocab_size": 151936}""";

    /** HuggingFaceTB/SmolLM-135M's config.json: Llama with GQA and a tied head. */
    private static final String SMOLLM_135M = """
            {"architectures": ["LlamaForCausalLM"], "attention_bias": false, "attention_dropout": 0.0,
             "bos_token_id": 0, "eos_token_id": 0, "hidden_act": "silu", "hidden_size": 576,
             "initializer_range": 0.02, "intermediate_size": 1536, "max_position_embeddings": 2048,
             "model_type": "llama", "num_attention_heads": 9, "num_hidden_layers": 30, "num_key_value_heads": 3,
             "pretraining_tp": 1, "rms_norm_eps": 1e-05, "rope_scaling": null, "rope_theta": 10000.0,
             "tie_word_embeddings": true, "torch_dtype": "float32", "use_cache": true, "vocab_size": 49152}""";

    private static final String TINY_LLAMA = """
            {"model_type": "llama", "vocab_size": 64, "hidden_size": 32, "num_hidden_layers": 2,
             "num_attention_heads": 4, "intermediate_size": 48, "max_position_embeddings": 64%s}""";

    @TempDir
    Path dir;

    @Test
    void gpt2ConfigsSurviveARoundTrip() throws IOException {
        LmConfig exactGelu = LmConfig.gpt2(96, 32, 2, 4, 64);
        LmConfig tanhGelu = exactGelu.withActivation(Activation.GELU_TANH).withNormEps(1e-6);
        for (LmConfig config : new LmConfig[] {exactGelu, tanhGelu}) {
            Path file = dir.resolve("config.json");
            HfConfigJson.write(config, file);
            assertEquals(config, HfConfigJson.read(file));
        }
    }

    @Test
    void llamaFamilyConfigsSurviveARoundTrip() throws CheckpointException {
        LmConfig gqa = LmConfig.llama(64, 32, 2, 4, 2, 48, 64).withRopeTheta(500000).withNormEps(1e-6);
        LmConfig tied = gqa.withTiedEmbeddings(true);
        LmConfig qkvBias = gqa.withAttentionBias(true);
        for (LmConfig config : new LmConfig[] {gqa, tied, qkvBias}) {
            assertEquals(config, HfConfigJson.parse(HfConfigJson.toJson(config), SOURCE));
        }
    }

    @Test
    void gpt2IsWrittenWithHuggingFaceKeys() {
        JsonObject json = parse(HfConfigJson.toJson(LmConfig.gpt2(96, 32, 2, 4, 64)));

        assertEquals("gpt2", json.get("model_type").getAsString());
        assertEquals("GPT2LMHeadModel", json.getAsJsonArray("architectures").get(0).getAsString());
        assertEquals(32, json.get("n_embd").getAsInt());
        assertEquals(128, json.get("n_inner").getAsInt());
        assertEquals("gelu", json.get("activation_function").getAsString());
        assertEquals("gelu_new", parse(HfConfigJson.toJson(LmConfig.gpt2(96, 32, 2, 4, 64)
                .withActivation(Activation.GELU_TANH))).get("activation_function").getAsString());
    }

    @Test
    void qkvBiasIsWrittenAsQwen2BecauseLlamaAttentionBiasWouldAlsoBiasOProj() {
        JsonObject json = parse(HfConfigJson.toJson(LmConfig.llama(64, 32, 2, 4, 2, 48, 64).withAttentionBias(true)));

        assertEquals("qwen2", json.get("model_type").getAsString());
        assertEquals("Qwen2ForCausalLM", json.getAsJsonArray("architectures").get(0).getAsString());
        assertEquals("llama", parse(HfConfigJson.toJson(LmConfig.llama(64, 32, 2, 4, 2, 48, 64)))
                .get("model_type").getAsString());
    }

    @Test
    void openAiGpt2ConfigReadsWithTransformersDefaults() throws CheckpointException {
        LmConfig expected = new LmConfig(Architecture.GPT2, 50257, 768, 12, 12, 12, 3072, 1024, 1e-5, 10000.0, true,
                true, 0.02, Activation.GELU_TANH);

        assertEquals(expected, HfConfigJson.parse(OPENAI_GPT2, SOURCE));
        assertEquals(expected, HfConfigJson.parse(OPENAI_GPT2.replace("\"n_ctx\"", "\"n_inner\": null, \"n_ctx\""),
                SOURCE));
    }

    @Test
    void qwen2ConfigImpliesQkvBias() throws CheckpointException {
        LmConfig expected = new LmConfig(Architecture.LLAMA, 151936, 896, 24, 14, 2, 4864, 131072, 1e-6, 1e6, true,
                true, 0.02, Activation.SILU);

        assertEquals(expected, HfConfigJson.parse(QWEN2_05B, SOURCE));
    }

    @Test
    void smolLmConfigReadsAsTiedLlamaWithGroupedQueryAttention() throws CheckpointException {
        LmConfig expected = new LmConfig(Architecture.LLAMA, 49152, 576, 30, 9, 3, 1536, 2048, 1e-5, 10000.0, true,
                false, 0.02, Activation.SILU);

        assertEquals(expected, HfConfigJson.parse(SMOLLM_135M, SOURCE));
    }

    @Test
    void absentKeyValueHeadsMeanOneKeyValueHeadPerQueryHead() throws CheckpointException {
        LmConfig config = HfConfigJson.parse(TINY_LLAMA.formatted(""), SOURCE);

        assertEquals(4, config.numKvHeads());
        assertEquals(1e-6, config.normEps());
        assertEquals(10000.0, config.ropeTheta());
        assertEquals(false, config.tieWordEmbeddings());
    }

    @Test
    void transformers5RopeParametersAreRead() throws CheckpointException {
        String json = TINY_LLAMA.formatted(", \"rope_parameters\": {\"rope_type\": \"default\", \"rope_theta\": 5e5}");

        assertEquals(500000.0, HfConfigJson.parse(json, SOURCE).ropeTheta());
    }

    @Test
    void unsupportedActivationIsRefusedNamingFileKeyAndExpectedValue() {
        assertRefused(TINY_LLAMA.formatted(", \"hidden_act\": \"swish2\""),
                SOURCE + ": hidden_act 'swish2' not supported (expected silu)");
        assertRefused(OPENAI_GPT2.replace("gelu_new", "relu"), "activation_function 'relu' not supported");
    }

    @Test
    void unsupportedModelTypeIsRefused() {
        assertRefused(TINY_LLAMA.replace("llama", "phi3"), "model_type 'phi3' not supported (expected gpt2, llama");
    }

    @Test
    void missingRequiredKeyIsNamed() {
        assertRefused(OPENAI_GPT2.replace("\"n_embd\": 768,", ""), SOURCE + ": required key 'n_embd' is missing");
        assertRefused(TINY_LLAMA.formatted("").replace("\"model_type\": \"llama\",", ""),
                "required key 'model_type' is missing");
    }

    /** meta-llama/Llama-3.2-1B's config.json (transformers 4.45). */
    private static final String LLAMA_32_1B = """
            {"architectures": ["LlamaForCausalLM"], "attention_bias": false, "attention_dropout": 0.0,
             "bos_token_id": 128000, "eos_token_id": 128001, "head_dim": 64, "hidden_act": "silu",
             "hidden_size": 2048, "initializer_range": 0.02, "intermediate_size": 8192,
             "max_position_embeddings": 131072, "mlp_bias": false, "model_type": "llama", "num_attention_heads": 32,
             "num_hidden_layers": 16, "num_key_value_heads": 8, "pretraining_tp": 1, "rms_norm_eps": 1e-05,
             "rope_scaling": {"factor": 32.0, "high_freq_factor": 4.0, "low_freq_factor": 1.0,
             "original_max_position_embeddings": 8192, "rope_type": "llama3"}, "rope_theta": 500000.0,
             "tie_word_embeddings": true, "torch_dtype": "bfloat16", "use_cache": true, "vocab_size": 128256}""";

    @Test
    void llama3RopeScalingIsRead() throws CheckpointException {
        LmConfig config = HfConfigJson.parse(LLAMA_32_1B, SOURCE);
        assertEquals(RopeScaling.llama3(32.0, 1.0, 4.0, 8192), config.ropeScaling());
        assertEquals(500000.0, config.ropeTheta());
        assertEquals(8, config.numKvHeads());
        assertTrue(config.tieWordEmbeddings());
    }

    @Test
    void linearRopeScalingIsReadUnderEitherTypeKeyAndFromRopeParameters() throws CheckpointException {
        assertEquals(RopeScaling.linear(2.0), HfConfigJson.parse(TINY_LLAMA.formatted(
                ", \"rope_scaling\": {\"type\": \"linear\", \"factor\": 2.0}"), SOURCE).ropeScaling());
        LmConfig v5 = HfConfigJson.parse(TINY_LLAMA.formatted(", \"rope_parameters\": {\"rope_type\": \"llama3\","
                + " \"rope_theta\": 5e5, \"factor\": 8.0, \"low_freq_factor\": 1.0, \"high_freq_factor\": 4.0,"
                + " \"original_max_position_embeddings\": 16}"), SOURCE);
        assertEquals(RopeScaling.llama3(8.0, 1.0, 4.0, 16), v5.ropeScaling());
        assertEquals(500000.0, v5.ropeTheta());
        assertEquals(RopeScaling.NONE, HfConfigJson.parse(SMOLLM_135M, SOURCE).ropeScaling());
    }

    @Test
    void ropeScalingSurvivesARoundTrip() throws IOException {
        for (RopeScaling scaling : new RopeScaling[] {RopeScaling.linear(4.0), RopeScaling.llama3(8, 1, 4, 32)}) {
            LmConfig config = LmConfig.llama(96, 32, 2, 4, 2, 80, 128).withRopeScaling(scaling);
            Path file = dir.resolve("config.json");
            HfConfigJson.write(config, file);
            assertEquals(config, HfConfigJson.read(file));
        }
    }

    @Test
    void wronglyTypedValueIsRefused() {
        assertRefused(OPENAI_GPT2.replace("50257", "\"50257\""), "key 'vocab_size' must be a number");
        assertRefused(OPENAI_GPT2.replace("\"n_head\": 12", "\"n_head\": 1.5"), "key 'n_head' must be an integer");
    }

    @Test
    void settingsTheEngineDoesNotImplementAreRefusedRatherThanIgnored() {
        assertRefused(TINY_LLAMA.formatted(", \"rope_scaling\": {\"rope_type\": \"yarn\", \"factor\": 4.0}"),
                "rope_scaling.rope_type 'yarn' not supported (expected default, linear or llama3)");
        assertRefused(TINY_LLAMA.formatted(", \"rope_scaling\": {\"type\": \"dynamic\", \"factor\": 2.0}"),
                "rope_scaling.type 'dynamic' not supported");
        assertRefused(TINY_LLAMA.formatted(", \"rope_scaling\": {\"rope_type\": \"llama3\", \"factor\": 8.0}"),
                "rope_scaling.low_freq_factor is required for rope_type 'llama3'");
        assertRefused(TINY_LLAMA.formatted(", \"rope_scaling\": {\"rope_type\": \"llama3\", \"factor\": 8.0,"
                + " \"low_freq_factor\": 4.0, \"high_freq_factor\": 1.0, \"original_max_position_embeddings\": 8}"),
                "rope_scaling: llama3 rope scaling needs 0 < low_freq_factor < high_freq_factor");
        assertRefused(TINY_LLAMA.formatted(", \"attention_bias\": true"), "attention_bias true not supported");
        assertRefused(TINY_LLAMA.formatted(", \"head_dim\": 16"), "head_dim 16");
        assertRefused(QWEN2_05B.replace("\"use_sliding_window\": false", "\"use_sliding_window\": true"),
                "use_sliding_window");
        assertRefused(TINY_LLAMA.replace("llama", "mistral").formatted(", \"sliding_window\": 16"), "sliding_window 16");
    }

    @Test
    void shapeRulesBrokenByTheFileAreReportedWithTheFile() {
        assertRefused(TINY_LLAMA.formatted(", \"num_key_value_heads\": 3"),
                SOURCE + ": numHeads 4 is not divisible by numKvHeads 3");
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("config.json");
        CheckpointException e = assertThrows(CheckpointException.class, () -> HfConfigJson.read(file));
        assertTrue(e.getMessage().startsWith(file + ": not found"), e.getMessage());
    }

    private static void assertRefused(String json, String expectedFragment) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> HfConfigJson.parse(json, SOURCE));
        assertTrue(e.getMessage().contains(expectedFragment), "expected '" + expectedFragment + "' in: "
                + e.getMessage());
        assertTrue(e.getMessage().startsWith(SOURCE), "names the file: " + e.getMessage());
    }

    private static JsonObject parse(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }
}
