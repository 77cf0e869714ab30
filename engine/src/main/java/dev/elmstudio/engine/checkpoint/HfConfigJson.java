package dev.elmstudio.engine.checkpoint;

import dev.elmstudio.engine.io.AtomicFiles;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.elmstudio.engine.lm.LmConfig;
import dev.elmstudio.engine.lm.LmConfig.Activation;
import dev.elmstudio.engine.lm.LmConfig.Architecture;
import dev.elmstudio.engine.lm.RopeScaling;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@link LmConfig} ⇄ Hugging Face {@code config.json}. Keys stay Hugging Face's; defaults for absent keys are
 * transformers' own, set here in one place. Shape-defining keys (sizes, layer and head counts) have no
 * default: guessing one would load weights into the wrong shape.
 *
 * <p>Reading refuses every setting the engine does not implement (rope scaling other than linear and llama3,
 * sliding windows, an o_proj bias, ...) instead of ignoring it, because an ignored setting loads fine and then generates subtly wrong
 * text.
 */
public final class HfConfigJson {
    public static final String FILE_NAME = "config.json";

    private static final List<String> LLAMA_FAMILY = List.of("llama", "qwen2", "mistral");

    private HfConfigJson() {}

    public static LmConfig read(Path file) throws IOException {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file + ": not found (a model folder needs config.json next to its"
                    + " weights)", e);
        }
        return parse(json, file.toString());
    }

    /** Parses config.json text; {@code source} names the file in messages. */
    public static LmConfig parse(String json, String source) throws CheckpointException {
        JsonFields keys = JsonFields.parse(source, json);
        String modelType = keys.requireString("model_type");
        try {
            if (modelType.equals("gpt2")) {
                return parseGpt2(keys);
            }
            if (LLAMA_FAMILY.contains(modelType)) {
                return parseLlamaFamily(keys, modelType);
            }
        } catch (IllegalArgumentException e) {
            // LmConfig's own checks (e.g. heads not dividing the width) reached through this file.
            throw keys.error(e.getMessage());
        }
        throw keys.error("model_type '" + modelType + "' not supported (expected gpt2, " + String.join(", ",
                LLAMA_FAMILY) + ")");
    }

    public static void write(LmConfig config, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(config));
    }

    /**
     * config.json for {@code config}, loadable by transformers: GPT2LMHeadModel for GPT-2; LlamaForCausalLM,
     * or Qwen2ForCausalLM when q/k/v carry a bias (Llama's attention_bias would also put one on o_proj).
     */
    public static String toJson(LmConfig config) {
        JsonObject json = config.isGpt2() ? gpt2Json(config) : llamaFamilyJson(config);
        json.addProperty("initializer_range", config.initializerRange());
        json.addProperty("tie_word_embeddings", config.tieWordEmbeddings());
        // The engine computes and saves in float32; without this key transformers also assumes float32.
        json.addProperty("torch_dtype", "float32");
        return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(json) + "\n";
    }

    private static LmConfig parseGpt2(JsonFields keys) throws CheckpointException {
        int width = keys.requireInt("n_embd");
        int heads = keys.requireInt("n_head");
        String act = keys.optString("activation_function").orElse("gelu_new");
        Activation activation = switch (act) {
            case "gelu_new", "gelu_pytorch_tanh" -> Activation.GELU_TANH;
            case "gelu" -> Activation.GELU;
            default -> throw keys.error("activation_function '" + act
                    + "' not supported (expected gelu_new, gelu_pytorch_tanh, gelu)");
        };
        if (!keys.optBoolean("scale_attn_weights").orElse(true)) {
            throw keys.error("scale_attn_weights false not supported (attention is always scaled by 1/sqrt(head"
                    + " dim))");
        }
        if (keys.optBoolean("scale_attn_by_inverse_layer_idx").orElse(false)) {
            throw keys.error("scale_attn_by_inverse_layer_idx true not supported");
        }
        return new LmConfig(Architecture.GPT2,
                keys.requireInt("vocab_size"),
                width,
                keys.requireInt("n_layer"),
                heads,
                heads,
                keys.optInt("n_inner").orElse(4 * width),
                keys.requireInt("n_positions"),
                keys.optDouble("layer_norm_epsilon").orElse(1e-5),
                10000.0, // unused: GPT-2 has learned positions
                keys.optBoolean("tie_word_embeddings").orElse(true),
                true,
                keys.optDouble("initializer_range").orElse(0.02),
                activation);
    }

    private static LmConfig parseLlamaFamily(JsonFields keys, String modelType) throws CheckpointException {
        String act = keys.optString("hidden_act").orElse("silu");
        if (!act.equals("silu")) {
            throw keys.error("hidden_act '" + act + "' not supported (expected silu)");
        }
        int width = keys.requireInt("hidden_size");
        int heads = keys.requireInt("num_attention_heads");
        int headDim = keys.optInt("head_dim").orElse(width / heads);
        if (headDim * heads != width) {
            throw keys.error("head_dim " + headDim + " differs from hidden_size / num_attention_heads ("
                    + width + " / " + heads + "); not supported");
        }
        double ropeTheta = readRopeTheta(keys);
        RopeScaling ropeScaling = readRopeScaling(keys);
        if (keys.optBoolean("mlp_bias").orElse(false)) {
            throw keys.error("mlp_bias true not supported");
        }
        boolean qkvBias = switch (modelType) {
            // Qwen2 always has q/k/v biases and no o_proj bias; its config.json has no key for it.
            case "qwen2" -> {
                if (keys.optBoolean("use_sliding_window").orElse(false)) {
                    throw keys.error("use_sliding_window true not supported (full attention only)");
                }
                yield true;
            }
            case "mistral" -> {
                int maxPositions = keys.requireInt("max_position_embeddings");
                Optional<Integer> window = keys.optInt("sliding_window");
                if (window.isPresent() && window.get() < maxPositions) {
                    throw keys.error("sliding_window " + window.get() + " not supported (full attention only;"
                            + " it must be null or >= max_position_embeddings " + maxPositions + ")");
                }
                yield false;
            }
            default -> {
                // Llama's attention_bias puts a bias on o_proj as well, which this engine does not have.
                if (keys.optBoolean("attention_bias").orElse(false)) {
                    throw keys.error("attention_bias true not supported for model_type llama (it adds an o_proj"
                            + " bias); q/k/v-only biases are model_type qwen2");
                }
                yield false;
            }
        };
        return new LmConfig(Architecture.LLAMA,
                keys.requireInt("vocab_size"),
                width,
                keys.requireInt("num_hidden_layers"),
                heads,
                keys.optInt("num_key_value_heads").orElse(heads),
                keys.requireInt("intermediate_size"),
                keys.requireInt("max_position_embeddings"),
                keys.optDouble("rms_norm_eps").orElse(1e-6),
                ropeTheta,
                keys.optBoolean("tie_word_embeddings").orElse(false),
                qkvBias,
                keys.optDouble("initializer_range").orElse(0.02),
                Activation.SILU,
                ropeScaling);
    }

    /**
     * transformers 4.x writes {@code "rope_scaling": {"rope_type": "llama3", "factor": …}} (older files say "type"),
     * 5.x puts the same keys into "rope_parameters". Kinds other than default, linear and llama3 are refused by name.
     */
    private static RopeScaling readRopeScaling(JsonFields keys) throws CheckpointException {
        Optional<JsonFields> parameters = keys.optObject("rope_parameters");
        String field = parameters.isPresent() ? "rope_parameters" : "rope_scaling";
        Optional<JsonFields> scaling = parameters.isPresent() ? parameters : keys.optObject(field);
        if (scaling.isEmpty()) {
            return RopeScaling.NONE;
        }
        JsonFields s = scaling.get();
        String typeKey = s.has("rope_type") ? "rope_type" : "type";
        String type = s.optString(typeKey).orElse("default");
        try {
            return switch (type) {
                case "default" -> RopeScaling.NONE;
                case "linear" -> RopeScaling.linear(s.optDouble("factor").orElseThrow(
                        () -> keys.error(field + ".factor is required for rope_type 'linear'")));
                case "llama3" -> RopeScaling.llama3(
                        requireScalingDouble(keys, s, field, "factor"),
                        requireScalingDouble(keys, s, field, "low_freq_factor"),
                        requireScalingDouble(keys, s, field, "high_freq_factor"),
                        s.optInt("original_max_position_embeddings").orElseThrow(() -> keys.error(field
                                + ".original_max_position_embeddings is required for rope_type 'llama3'")));
                default -> throw keys.error(field + "." + typeKey + " '" + type + "' not supported (expected"
                        + " default, linear or llama3)");
            };
        } catch (IllegalArgumentException e) {
            throw keys.error(field + ": " + e.getMessage());
        }
    }

    private static double requireScalingDouble(JsonFields keys, JsonFields scaling, String field, String key)
            throws CheckpointException {
        return scaling.optDouble(key).orElseThrow(() -> keys.error(field + "." + key
                + " is required for rope_type 'llama3'"));
    }

    /** transformers ≤ 4.x writes "rope_theta"; 5.x writes "rope_parameters": {"rope_type", "rope_theta"}. */
    private static double readRopeTheta(JsonFields keys) throws CheckpointException {
        Optional<JsonFields> parameters = keys.optObject("rope_parameters");
        if (parameters.isPresent()) {
            Optional<Double> theta = parameters.get().optDouble("rope_theta");
            if (theta.isPresent()) {
                return theta.get();
            }
        }
        return keys.optDouble("rope_theta").orElse(10000.0);
    }

    private static JsonObject gpt2Json(LmConfig c) {
        if (!c.attentionBias()) {
            throw new IllegalArgumentException("GPT-2 config.json cannot express a model without attention biases");
        }
        JsonObject json = new JsonObject();
        json.add("architectures", names("GPT2LMHeadModel"));
        json.addProperty("model_type", "gpt2");
        json.addProperty("vocab_size", c.vocabSize());
        json.addProperty("n_embd", c.hiddenSize());
        json.addProperty("n_layer", c.numLayers());
        json.addProperty("n_head", c.numHeads());
        json.addProperty("n_positions", c.maxPositions());
        json.addProperty("n_inner", c.intermediateSize());
        json.addProperty("layer_norm_epsilon", c.normEps());
        json.addProperty("activation_function", c.activation() == Activation.GELU ? "gelu" : "gelu_new");
        return json;
    }

    private static JsonObject llamaFamilyJson(LmConfig c) {
        boolean qwen2 = c.attentionBias();
        JsonObject json = new JsonObject();
        json.add("architectures", names(qwen2 ? "Qwen2ForCausalLM" : "LlamaForCausalLM"));
        json.addProperty("model_type", qwen2 ? "qwen2" : "llama");
        json.addProperty("vocab_size", c.vocabSize());
        json.addProperty("hidden_size", c.hiddenSize());
        json.addProperty("intermediate_size", c.intermediateSize());
        json.addProperty("num_hidden_layers", c.numLayers());
        json.addProperty("num_attention_heads", c.numHeads());
        json.addProperty("num_key_value_heads", c.numKvHeads());
        json.addProperty("max_position_embeddings", c.maxPositions());
        json.addProperty("rms_norm_eps", c.normEps());
        json.addProperty("rope_theta", c.ropeTheta());
        json.add("rope_scaling", ropeScalingJson(c.ropeScaling()));
        json.addProperty("hidden_act", "silu");
        if (qwen2) {
            json.addProperty("use_sliding_window", false);
        } else {
            json.addProperty("attention_bias", false);
            json.addProperty("mlp_bias", false);
        }
        return json;
    }

    private static JsonElement ropeScalingJson(RopeScaling scaling) {
        if (scaling.kind() == RopeScaling.Kind.NONE) {
            return JsonNull.INSTANCE;
        }
        JsonObject json = new JsonObject();
        json.addProperty("rope_type", scaling.kind().hfName());
        json.addProperty("factor", scaling.factor());
        if (scaling.kind() == RopeScaling.Kind.LLAMA3) {
            json.addProperty("low_freq_factor", scaling.lowFreqFactor());
            json.addProperty("high_freq_factor", scaling.highFreqFactor());
            json.addProperty("original_max_position_embeddings", scaling.originalMaxPositions());
        }
        return json;
    }

    private static JsonArray names(String architecture) {
        JsonArray array = new JsonArray();
        array.add(architecture);
        return array;
    }
}
