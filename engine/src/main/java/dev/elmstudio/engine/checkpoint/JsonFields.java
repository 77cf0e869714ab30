package dev.elmstudio.engine.checkpoint;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Typed access to the keys of a Hugging Face JSON file, with messages that name the file and the key. A key
 * whose value is JSON {@code null} counts as absent, as it does in transformers (e.g. GPT-2's "n_inner": null).
 */
final class JsonFields {
    private final String source;
    private final JsonObject object;

    private JsonFields(String source, JsonObject object) {
        this.source = source;
        this.object = object;
    }

    /** Parses {@code json}, which must be an object; {@code source} names the file in messages. */
    static JsonFields parse(String source, String json) throws CheckpointException {
        try {
            JsonElement root = JsonParser.parseString(json);
            if (!root.isJsonObject()) {
                throw new CheckpointException(source + ": expected a JSON object");
            }
            return new JsonFields(source, root.getAsJsonObject());
        } catch (JsonParseException e) {
            throw new CheckpointException(source + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    String source() {
        return source;
    }

    boolean has(String key) {
        JsonElement value = object.get(key);
        return value != null && !value.isJsonNull();
    }

    JsonElement raw(String key) {
        return has(key) ? object.get(key) : null;
    }

    CheckpointException error(String message) {
        return new CheckpointException(source + ": " + message);
    }

    int requireInt(String key) throws CheckpointException {
        return optInt(key).orElseThrow(() -> missing(key));
    }

    Optional<Integer> optInt(String key) throws CheckpointException {
        if (!has(key)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(number(key).getAsString()).intValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            throw error("key '" + key + "' must be an integer, got " + object.get(key));
        }
    }

    Optional<Double> optDouble(String key) throws CheckpointException {
        return has(key) ? Optional.of(number(key).getAsDouble()) : Optional.empty();
    }

    Optional<Boolean> optBoolean(String key) throws CheckpointException {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonElement value = object.get(key);
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
            throw error("key '" + key + "' must be true or false, got " + value);
        }
        return Optional.of(value.getAsBoolean());
    }

    String requireString(String key) throws CheckpointException {
        return optString(key).orElseThrow(() -> missing(key));
    }

    Optional<String> optString(String key) throws CheckpointException {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonElement value = object.get(key);
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw error("key '" + key + "' must be a string, got " + value);
        }
        return Optional.of(value.getAsString());
    }

    Optional<JsonFields> optObject(String key) throws CheckpointException {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonElement value = object.get(key);
        if (!value.isJsonObject()) {
            throw error("key '" + key + "' must be an object, got " + value);
        }
        return Optional.of(new JsonFields(source + " (" + key + ")", value.getAsJsonObject()));
    }

    JsonObject asObject() {
        return object;
    }

    private JsonPrimitive number(String key) throws CheckpointException {
        JsonElement value = object.get(key);
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw error("key '" + key + "' must be a number, got " + value);
        }
        return value.getAsJsonPrimitive();
    }

    private CheckpointException missing(String key) {
        return error("required key '" + key + "' is missing");
    }
}
