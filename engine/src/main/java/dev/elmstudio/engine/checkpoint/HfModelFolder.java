package dev.elmstudio.engine.checkpoint;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a local Hugging Face model folder holds, found without reading any weights: config.json, safetensors
 * weights (one file or shards), tokenizer.json, and the chat template. {@link #inspect} only looks; the
 * {@code require...} methods turn an absence into an error that names the folder, the missing file and what it
 * is needed for, e.g. "…/model: no tokenizer.json (needed to tokenize prompts)".
 *
 * <p>The chat template is read from where transformers keeps it: {@code chat_template.jinja} (transformers ≥ 4.43
 * saves it there), else the {@code chat_template} key of {@code tokenizer_config.json} (a string, or a list of
 * {@code {"name", "template"}} of which the one named "default" is used), else {@code chat_template.json}.
 *
 * @param dir the folder
 * @param hasConfig whether config.json is there
 * @param weights how the weights are stored
 * @param tokenizer tokenizer.json, when present
 * @param chatTemplate the Jinja chat template, when the folder has one
 */
public record HfModelFolder(Path dir, boolean hasConfig, Weights weights, Optional<Path> tokenizer,
        Optional<String> chatTemplate) {
    public static final String TOKENIZER_FILE = "tokenizer.json";
    public static final String TOKENIZER_CONFIG_FILE = "tokenizer_config.json";
    public static final String CHAT_TEMPLATE_FILE = "chat_template.jinja";
    public static final String CHAT_TEMPLATE_JSON_FILE = "chat_template.json";

    private static final String NO_TOKENIZER = "no " + TOKENIZER_FILE + " (needed to tokenize prompts)";

    /** How a folder stores its weights. */
    public enum Weights {
        /** model.safetensors. */
        SINGLE_FILE,
        /** model.safetensors.index.json and its shards. */
        SHARDED,
        /** Only pickle files (pytorch_model.bin, ...): refused, they can run code when loaded. */
        PICKLE_ONLY,
        /** No weights at all. */
        NONE
    }

    /** Looks at {@code dir}; fails only when it is not a folder or a file that is there cannot be parsed. */
    public static HfModelFolder inspect(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new CheckpointException(dir + ": not a model folder (expected a folder holding "
                    + HfConfigJson.FILE_NAME + ", " + WeightFiles.SINGLE_FILE + " and " + TOKENIZER_FILE + ")");
        }
        Path tokenizer = dir.resolve(TOKENIZER_FILE);
        return new HfModelFolder(dir,
                Files.isRegularFile(dir.resolve(HfConfigJson.FILE_NAME)),
                weightsOf(dir),
                Files.isRegularFile(tokenizer) ? Optional.of(tokenizer) : Optional.empty(),
                readChatTemplate(dir));
    }

    public Path config() {
        return dir.resolve(HfConfigJson.FILE_NAME);
    }

    /**
     * Throws unless config.json and safetensors weights are there, naming everything missing; a folder with only
     * pickle weights gets PickleGuard's refusal, which says how to convert them.
     */
    public void requireModel() throws IOException {
        require(false);
    }

    /** Everything importing a model for ELM training needs: config, weights and tokenizer, all missing ones named. */
    public void requireImportable() throws IOException {
        require(true);
    }

    /** tokenizer.json, or an error naming it. */
    public Path requireTokenizer() throws CheckpointException {
        return tokenizer.orElseThrow(() -> new CheckpointException(dir + ": " + NO_TOKENIZER));
    }

    /** The chat template, or an error naming where it was looked for. */
    public String requireChatTemplate() throws CheckpointException {
        return chatTemplate.orElseThrow(() -> new CheckpointException(dir + ": no chat template (looked for "
                + CHAT_TEMPLATE_FILE + ", 'chat_template' in " + TOKENIZER_CONFIG_FILE + ", and "
                + CHAT_TEMPLATE_JSON_FILE + "; needed to format chat prompts for an instruction-tuned model)"));
    }

    private void require(boolean tokenizerToo) throws IOException {
        if (weights == Weights.PICKLE_ONLY) {
            PickleGuard.refuseIfOnlyPickleWeights(dir);
        }
        List<String> missing = new ArrayList<>();
        if (!hasConfig) {
            missing.add("no " + HfConfigJson.FILE_NAME + " (needed to know the architecture and its sizes)");
        }
        if (weights == Weights.NONE) {
            missing.add("no " + WeightFiles.SINGLE_FILE + " or " + WeightFiles.INDEX_FILE
                    + " (needed for the weights; only safetensors are loaded)");
        }
        if (tokenizerToo && tokenizer.isEmpty()) {
            missing.add(NO_TOKENIZER);
        }
        if (!missing.isEmpty()) {
            throw new CheckpointException(dir + ": " + String.join("; ", missing));
        }
    }

    private static Weights weightsOf(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(WeightFiles.SINGLE_FILE))) {
            return Weights.SINGLE_FILE;
        }
        if (Files.isRegularFile(dir.resolve(WeightFiles.INDEX_FILE))) {
            return Weights.SHARDED;
        }
        try {
            PickleGuard.refuseIfOnlyPickleWeights(dir);
        } catch (CheckpointException refused) {
            return Weights.PICKLE_ONLY;
        }
        return Weights.NONE;
    }

    private static Optional<String> readChatTemplate(Path dir) throws IOException {
        Path jinja = dir.resolve(CHAT_TEMPLATE_FILE);
        if (Files.isRegularFile(jinja)) {
            return Optional.of(Files.readString(jinja, StandardCharsets.UTF_8));
        }
        for (String name : List.of(TOKENIZER_CONFIG_FILE, CHAT_TEMPLATE_JSON_FILE)) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                JsonFields keys = JsonFields.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
                Optional<String> template = chatTemplateKey(keys);
                if (template.isPresent()) {
                    return template;
                }
            }
        }
        return Optional.empty();
    }

    /** "chat_template": "..." or "chat_template": [{"name": "default", "template": "..."}, ...]. */
    private static Optional<String> chatTemplateKey(JsonFields keys) throws CheckpointException {
        JsonElement value = keys.raw("chat_template");
        if (value == null) {
            return Optional.empty();
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            return Optional.of(value.getAsString());
        }
        if (value.isJsonArray()) {
            List<String> names = new ArrayList<>();
            for (JsonElement entry : value.getAsJsonArray()) {
                if (!entry.isJsonObject()) {
                    throw keys.error("'chat_template' list entries must be {\"name\", \"template\"} objects, got "
                            + entry);
                }
                JsonElement name = entry.getAsJsonObject().get("name");
                JsonElement template = entry.getAsJsonObject().get("template");
                if (name == null || template == null || !name.isJsonPrimitive() || !template.isJsonPrimitive()) {
                    throw keys.error("'chat_template' list entries must be {\"name\", \"template\"} strings, got "
                            + entry);
                }
                if (name.getAsString().equals("default")) {
                    return Optional.of(template.getAsString());
                }
                names.add(name.getAsString());
            }
            throw keys.error("'chat_template' lists " + names + " but none named 'default'");
        }
        throw keys.error("'chat_template' must be a string or a list of named templates, got " + value);
    }
}
