package dev.elmstudio.engine.elm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.elmstudio.engine.checkpoint.LmCheckpoint;
import dev.elmstudio.engine.checkpoint.SafeTensors;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A trained ELM on disk, readable by other tools:
 *
 * <pre>
 *   elm.json               manifest: spaces (dimensions, adapter shape), prompt templates, file names
 *   lm/                    the base LM as a Hugging Face folder (model.safetensors + config.json)
 *   adapters.safetensors   adapter weights, {@code <space>.fc1.weight [H, d]} … in torch.nn.Linear layout
 *   tokenizer.json         the tokenizer the LM was trained with
 *   lora.safetensors       unmerged LoRA weights in peft names, only when LoRA is in use
 * </pre>
 *
 * To export a plain fine-tuned LM, call {@link ElmModel#mergeLora()} before saving.
 *
 * The folder is written next to its destination under a temporary name and renamed into place, so a reader
 * sees the old ELM or the complete new one.
 */
public final class ElmArchive {
    public static final String MANIFEST_FILE = "elm.json";
    public static final String LM_FOLDER = "lm";
    public static final String ADAPTERS_FILE = "adapters.safetensors";
    public static final String TOKENIZER_FILE = "tokenizer.json";
    public static final String LORA_FILE = "lora.safetensors";
    static final String FORMAT = "elm-studio/elm";
    static final int VERSION = 1;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ElmArchive() {}

    /** Writes {@code model} into folder {@code dir} (replacing an ELM already there). */
    public static void save(ElmModel model, Path dir) throws IOException {
        save(model, dir, null);
    }

    /**
     * Writes {@code model} into {@code dir} without a copy of its LM when {@code baseModelRef} is given: the manifest
     * then names that folder (relative to {@code dir}, e.g. {@code ../base-lm}) as the LM. Only right when the model's
     * LM weights are that folder's (stage 2 with LoRA leaves them untouched); the caller checks, see
     * {@link #sameWeights}. Keeps shipped ELMs small: several of them share one base model.
     */
    public static void save(ElmModel model, Path dir, String baseModelRef) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = parent.resolve("." + dir.getFileName() + "." + UUID.randomUUID() + ".tmp");
        Files.createDirectory(temp);
        try {
            if (baseModelRef == null) {
                LmCheckpoint.save(model.lm(), temp.resolve(LM_FOLDER));
            }
            Map<String, NDArray> adapters = new LinkedHashMap<>();
            model.adapterParameters().forEach((name, array) -> adapters.put(name.substring(ElmModel.ADAPTER_PREFIX
                    .length()), array));
            SafeTensors.write(temp.resolve(ADAPTERS_FILE), adapters, Map.of("format", "pt"));
            Files.copy(model.tokenizer().file(), temp.resolve(TOKENIZER_FILE));
            if (model.lora() != null) {
                SafeTensors.write(temp.resolve(LORA_FILE), model.lora().parameters(), Map.of("format", "pt"));
            }
            JsonObject manifest = manifest(model);
            if (baseModelRef != null) {
                manifest.addProperty("base_model", baseModelRef);
            }
            Files.writeString(temp.resolve(MANIFEST_FILE), GSON.toJson(manifest), StandardCharsets.UTF_8);
            Path displaced = null;
            if (Files.exists(dir)) {
                displaced = parent.resolve("." + dir.getFileName() + "." + UUID.randomUUID() + ".old");
                Files.move(dir, displaced, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
            if (displaced != null) {
                deleteTree(displaced);
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(temp);
            throw e;
        }
    }

    /** Loads an ELM folder onto {@code device}; the returned model owns its LM and tokenizer. */
    public static ElmModel load(Path dir, Device device) throws IOException {
        Path manifestFile = dir.resolve(MANIFEST_FILE);
        if (!Files.isRegularFile(manifestFile)) {
            throw new NoSuchFileException(manifestFile.toString(), null, "not an ELM folder (no " + MANIFEST_FILE
                    + ")");
        }
        JsonObject manifest;
        try {
            manifest = JsonParser.parseString(Files.readString(manifestFile, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IOException(manifestFile + ": not valid JSON (" + e.getMessage() + ")", e);
        }
        if (!manifest.has("format") || !FORMAT.equals(manifest.get("format").getAsString())) {
            throw new IOException(manifestFile + ": not an ELM manifest (format is not '" + FORMAT + "')");
        }
        if (manifest.get("version").getAsInt() != VERSION) {
            throw new IOException(manifestFile + ": ELM layout version " + manifest.get("version")
                    + " is not supported (this build reads version " + VERSION + ")");
        }
        Map<String, AdapterConfig> spaces = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : manifest.getAsJsonObject("spaces").entrySet()) {
            spaces.put(e.getKey(), adapterConfig(e.getValue().getAsJsonObject(), manifestFile, e.getKey()));
        }
        Tokenizer tokenizer = Tokenizer.load(dir.resolve(manifest.get("tokenizer").getAsString()));
        CausalLm lm;
        try {
            lm = LmCheckpoint.load(dir.resolve(manifest.get("base_model").getAsString()), device);
        } catch (IOException | RuntimeException e) {
            tokenizer.close();
            throw e;
        }
        ElmModel model = new ElmModel(lm, tokenizer, spaces, 0, true);
        try (SafeTensors file = SafeTensors.open(dir.resolve(manifest.get("adapters").getAsString()));
                NDManager scratch = lm.manager().newSubManager()) {
            Map<String, NDArray> weights = file.readAll(scratch);
            for (String name : model.adapterParameters().keySet()) {
                String stored = name.substring(ElmModel.ADAPTER_PREFIX.length());
                NDArray value = weights.get(stored);
                if (value == null) {
                    throw new IOException(dir.resolve(ADAPTERS_FILE) + " lacks tensor '" + stored + "'");
                }
                model.copyParameter(name, value);
            }
            if (manifest.has("lora") && manifest.get("lora").isJsonObject()) {
                JsonObject l = manifest.getAsJsonObject("lora");
                List<String> targets = new ArrayList<>();
                l.getAsJsonArray("targets").forEach(t -> targets.add(t.getAsString()));
                Lora lora = model.enableLora(new LoraConfig(l.get("rank").getAsInt(), l.get("alpha").getAsDouble(),
                        targets), 0);
                try (SafeTensors loraFile = SafeTensors.open(dir.resolve(l.get("file").getAsString()))) {
                    Map<String, NDArray> loraWeights = loraFile.readAll(scratch);
                    for (String name : lora.parameters().keySet()) {
                        NDArray value = loraWeights.get(name);
                        if (value == null) {
                            throw new IOException(dir.resolve(LORA_FILE) + " lacks tensor '" + name + "'");
                        }
                        model.copyParameter(ElmModel.LORA_PREFIX + name, value);
                    }
                }
            }
            for (Map.Entry<String, JsonElement> e : manifest.getAsJsonObject("templates").entrySet()) {
                JsonObject t = e.getValue().getAsJsonObject();
                Map<String, String> slots = new LinkedHashMap<>();
                t.getAsJsonObject("slots").entrySet().forEach(s -> slots.put(s.getKey(), s.getValue().getAsString()));
                model.putTemplate(e.getKey(), new PromptTemplate(t.get("text").getAsString(), slots));
            }
            return model;
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Whether {@code lm} holds exactly the weights of the LM folder {@code baseModel} (same names, shapes, values). */
    public static boolean sameWeights(CausalLm lm, Path baseModel) throws IOException {
        try (CausalLm base = LmCheckpoint.load(baseModel, Device.cpu())) {
            Map<String, NDArray> mine = lm.parameters();
            Map<String, NDArray> theirs = base.parameters();
            if (!mine.keySet().equals(theirs.keySet())) {
                return false;
            }
            for (Map.Entry<String, NDArray> e : mine.entrySet()) {
                NDArray other = theirs.get(e.getKey());
                if (!e.getValue().getShape().equals(other.getShape())
                        || !java.util.Arrays.equals(e.getValue().toFloatArray(), other.toFloatArray())) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The LM folder an ELM folder's manifest names (its own {@code lm/}, or a shared base model). */
    public static Path baseModelFolder(Path dir) throws IOException {
        Path manifestFile = dir.resolve(MANIFEST_FILE);
        try {
            JsonObject manifest = JsonParser.parseString(Files.readString(manifestFile, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            return dir.resolve(manifest.get("base_model").getAsString()).normalize();
        } catch (JsonParseException | IllegalStateException | NullPointerException e) {
            throw new IOException(manifestFile + ": no readable base_model (" + e.getMessage() + ")", e);
        }
    }

    private static JsonObject manifest(ElmModel model) {
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.addProperty("version", VERSION);
        root.addProperty("base_model", LM_FOLDER);
        root.addProperty("tokenizer", TOKENIZER_FILE);
        root.addProperty("adapters", ADAPTERS_FILE);
        JsonObject spaces = new JsonObject();
        model.spaces().forEach((name, c) -> {
            JsonObject space = new JsonObject();
            space.addProperty("input_dim", c.inputDim());
            space.addProperty("hidden_dim", c.hiddenDim());
            space.addProperty("output_dim", c.outputDim());
            space.addProperty("tokens", c.tokens());
            space.addProperty("activation", c.activation().name().toLowerCase(Locale.ROOT));
            space.addProperty("init_std", c.initStd());
            spaces.add(name, space);
        });
        root.add("spaces", spaces);
        JsonObject templates = new JsonObject();
        model.templates().forEach((task, t) -> {
            JsonObject template = new JsonObject();
            template.addProperty("text", t.text());
            JsonObject slots = new JsonObject();
            t.slotSpaces().forEach(slots::addProperty);
            template.add("slots", slots);
            templates.add(task, template);
        });
        root.add("templates", templates);
        if (model.lora() != null) {
            JsonObject lora = new JsonObject();
            lora.addProperty("file", LORA_FILE);
            lora.addProperty("rank", model.lora().config().rank());
            lora.addProperty("alpha", model.lora().config().alpha());
            JsonArray targets = new JsonArray();
            model.lora().config().targets().forEach(targets::add);
            lora.add("targets", targets);
            root.add("lora", lora);
        }
        return root;
    }

    private static AdapterConfig adapterConfig(JsonObject o, Path file, String space) throws IOException {
        try {
            String act = o.get("activation").getAsString();
            AdapterConfig.Activation activation;
            try {
                activation = AdapterConfig.Activation.valueOf(act.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": space '" + space + "': adapter activation '" + act
                        + "' not supported (expected gelu, relu, tanh, silu)", e);
            }
            return new AdapterConfig(o.get("input_dim").getAsInt(), o.get("hidden_dim").getAsInt(),
                    o.get("output_dim").getAsInt(), o.get("tokens").getAsInt(), activation,
                    o.get("init_std").getAsDouble());
        } catch (NullPointerException | IllegalStateException | NumberFormatException e) {
            throw new IOException(file + ": space '" + space + "' lacks a field or has a malformed one (" + e + ")", e);
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Best effort: a leftover hidden .tmp/.old folder is harmless and recognisable by name.
        }
    }
}
