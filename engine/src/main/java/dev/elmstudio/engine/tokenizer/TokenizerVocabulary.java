package dev.elmstudio.engine.tokenizer;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;

/**
 * The parts of a {@code tokenizer.json} that DJL's HuggingFaceTokenizer does not expose: the text of
 * each id, which ids are special, and the decoder type. Encoding and decoding themselves always go
 * through DJL.
 */
final class TokenizerVocabulary {

    private final String[] textOfId;
    private final Map<String, Long> idOfText;
    private final BitSet specialIds;
    private final String decoderType;

    private TokenizerVocabulary(String[] textOfId, Map<String, Long> idOfText, BitSet specialIds, String decoderType) {
        this.textOfId = textOfId;
        this.idOfText = idOfText;
        this.specialIds = specialIds;
        this.decoderType = decoderType;
    }

    /** Reads {@code file}; errors name the file and what is wrong with it. */
    static TokenizerVocabulary read(Path file) throws IOException {
        JsonObject root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonElement parsed = JsonParser.parseReader(reader);
            if (!parsed.isJsonObject()) {
                throw malformed(file, "the top level is not a JSON object");
            }
            root = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IOException(file + ": not a valid tokenizer.json, the JSON does not parse (" + e.getMessage() + ")", e);
        }
        try {
            return fromJson(file, root);
        } catch (RuntimeException e) { // wrong types inside the JSON: ClassCastException, IllegalStateException
            throw new IOException(file + ": not a valid tokenizer.json (" + e + ")", e);
        }
    }

    private static TokenizerVocabulary fromJson(Path file, JsonObject root) throws IOException {
        Map<String, Long> idOfText = new HashMap<>();
        BitSet specialIds = new BitSet();
        JsonElement model = root.get("model");
        JsonElement vocab = model != null && model.isJsonObject() ? model.getAsJsonObject().get("vocab") : null;
        if (vocab == null || vocab.isJsonNull()) {
            throw malformed(file, "it has no model.vocab");
        }
        if (vocab.isJsonObject()) { // BPE, WordPiece, WordLevel: {"text": id}
            for (Entry<String, JsonElement> entry : vocab.getAsJsonObject().entrySet()) {
                idOfText.put(entry.getKey(), entry.getValue().getAsLong());
            }
        } else { // Unigram: [["text", score], ...], the id is the position
            JsonArray pieces = vocab.getAsJsonArray();
            for (int id = 0; id < pieces.size(); id++) {
                idOfText.put(pieces.get(id).getAsJsonArray().get(0).getAsString(), (long) id);
            }
        }
        JsonElement addedTokens = root.get("added_tokens");
        if (addedTokens != null && !addedTokens.isJsonNull()) {
            for (JsonElement element : addedTokens.getAsJsonArray()) {
                JsonObject token = element.getAsJsonObject();
                long id = token.get("id").getAsLong();
                idOfText.put(token.get("content").getAsString(), id);
                if (token.has("special") && token.get("special").getAsBoolean()) {
                    specialIds.set(Math.toIntExact(id));
                }
            }
        }
        return new TokenizerVocabulary(textsById(file, idOfText), idOfText, specialIds, decoderType(root));
    }

    private static String[] textsById(Path file, Map<String, Long> idOfText) throws IOException {
        long maxId = idOfText.values().stream().mapToLong(Long::longValue).max().orElse(-1);
        if (maxId < 0) {
            throw malformed(file, "its vocabulary is empty");
        }
        String[] textOfId = new String[Math.toIntExact(maxId + 1)];
        for (Entry<String, Long> entry : idOfText.entrySet()) {
            long id = entry.getValue();
            if (id < 0) {
                throw malformed(file, "token '" + entry.getKey() + "' has negative id " + id);
            }
            textOfId[(int) id] = entry.getKey();
        }
        return textOfId;
    }

    private static String decoderType(JsonObject root) {
        JsonElement decoder = root.get("decoder");
        if (decoder == null || !decoder.isJsonObject() || !decoder.getAsJsonObject().has("type")) {
            return "none";
        }
        return decoder.getAsJsonObject().get("type").getAsString();
    }

    private static IOException malformed(Path file, String problem) {
        return new IOException(file + ": not a valid tokenizer.json, " + problem);
    }

    /** Highest id + 1: the number of rows an embedding table needs. */
    int size() {
        return textOfId.length;
    }

    /** The token's text, or null for an id inside the range that no token uses. */
    String textOf(long id) {
        return id >= 0 && id < textOfId.length ? textOfId[(int) id] : null;
    }

    /** The id of the token with exactly this text, or -1. */
    long idOf(String text) {
        Long id = idOfText.get(text);
        return id == null ? -1 : id;
    }

    boolean isSpecial(long id) {
        return id >= 0 && id < textOfId.length && specialIds.get((int) id);
    }

    /** The {@code type} of the top-level decoder, {@code "none"} without one. */
    String decoderType() {
        return decoderType;
    }
}
