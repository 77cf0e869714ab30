package dev.elmstudio.engine.checkpoint;

import ai.djl.ndarray.types.Shape;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON header of a safetensors file: {@code {"__metadata__": {...}, name: {dtype, shape, data_offsets}}}.
 * Parsing checks everything the reference (Rust) implementation checks, so that a file accepted here is a
 * file every other tool accepts: known dtype, byte length = elements × element size, and tensors that tile
 * the data section exactly (no gap, no overlap, nothing past the end, nothing left over).
 */
final class SafeTensorsHeader {
    static final String METADATA_KEY = "__metadata__";

    private static final Gson GSON = new Gson();

    private final Map<String, SafeTensorInfo> tensors;
    private final Map<String, String> metadata;

    private SafeTensorsHeader(Map<String, SafeTensorInfo> tensors, Map<String, String> metadata) {
        this.tensors = Collections.unmodifiableMap(tensors);
        this.metadata = Collections.unmodifiableMap(metadata);
    }

    /** Tensors in file order (by data offset). */
    Map<String, SafeTensorInfo> tensors() {
        return tensors;
    }

    Map<String, String> metadata() {
        return metadata;
    }

    /**
     * @param source the file, for messages
     * @param json header bytes (UTF-8, possibly padded with trailing spaces)
     * @param dataLength bytes after the header; the tensors must cover exactly this many
     */
    static SafeTensorsHeader parse(String source, byte[] json, long dataLength) throws CheckpointException {
        JsonObject root = parseObject(source, json);
        Map<String, String> metadata = new LinkedHashMap<>();
        List<SafeTensorInfo> entries = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : root.entrySet()) {
            if (e.getKey().equals(METADATA_KEY)) {
                metadata.putAll(parseMetadata(source, e.getValue()));
            } else {
                entries.add(parseEntry(source, e.getKey(), e.getValue()));
            }
        }
        entries.sort(Comparator.comparingLong(SafeTensorInfo::begin).thenComparingLong(SafeTensorInfo::end));
        checkTiling(source, entries, dataLength);
        Map<String, SafeTensorInfo> byName = new LinkedHashMap<>();
        entries.forEach(info -> byName.put(info.name(), info));
        return new SafeTensorsHeader(byName, metadata);
    }

    /**
     * Header bytes for tensors laid out in list order, padded with spaces so that the data section starts
     * on an 8-byte boundary (8-byte length prefix + header), as the format recommends for aligned reads.
     */
    static byte[] encode(List<SafeTensorInfo> tensors, Map<String, String> metadata) {
        JsonObject root = new JsonObject();
        if (!metadata.isEmpty()) {
            root.add(METADATA_KEY, GSON.toJsonTree(metadata));
        }
        for (SafeTensorInfo info : tensors) {
            JsonObject entry = new JsonObject();
            entry.addProperty("dtype", info.dtype().name());
            JsonArray shape = new JsonArray();
            for (long dim : info.shape().getShape()) {
                shape.add(dim);
            }
            entry.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(info.begin());
            offsets.add(info.end());
            entry.add("data_offsets", offsets);
            root.add(info.name(), entry);
        }
        byte[] json = GSON.toJson(root).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] out = Arrays.copyOf(json, padded);
        Arrays.fill(out, json.length, padded, (byte) ' ');
        return out;
    }

    private static JsonObject parseObject(String source, byte[] json) throws CheckpointException {
        // The reference implementation requires the header to start with '{'; checking it first also turns
        // a wrong length prefix or a non-safetensors file into a clear message rather than a decoder complaint.
        if (json.length == 0 || json[0] != '{') {
            throw new CheckpointException(source + ": safetensors header does not start with '{' (not a safetensors"
                    + " file, or its header length is corrupted)");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(json))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CheckpointException(source + ": safetensors header is not valid UTF-8 (file corrupted?)", e);
        }
        try {
            JsonElement root = JsonParser.parseString(text);
            if (!root.isJsonObject()) {
                throw new CheckpointException(source + ": safetensors header is not a JSON object");
            }
            return root.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new CheckpointException(source + ": safetensors header is not valid JSON (file corrupted or"
                    + " truncated?): " + e.getMessage(), e);
        }
    }

    private static Map<String, String> parseMetadata(String source, JsonElement value) throws CheckpointException {
        if (!value.isJsonObject()) {
            throw new CheckpointException(source + ": safetensors " + METADATA_KEY + " must be an object of strings");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : value.getAsJsonObject().entrySet()) {
            JsonElement v = e.getValue();
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
                throw new CheckpointException(source + ": safetensors " + METADATA_KEY + " value '" + e.getKey()
                        + "' must be a string, got " + v);
            }
            metadata.put(e.getKey(), v.getAsString());
        }
        return metadata;
    }

    private static SafeTensorInfo parseEntry(String source, String name, JsonElement value)
            throws CheckpointException {
        String where = source + ": tensor '" + name + "'";
        if (!value.isJsonObject()) {
            throw new CheckpointException(where + ": header entry must be an object with dtype, shape, data_offsets");
        }
        JsonObject entry = value.getAsJsonObject();
        JsonElement dtypeJson = entry.get("dtype");
        if (dtypeJson == null || !dtypeJson.isJsonPrimitive() || !dtypeJson.getAsJsonPrimitive().isString()) {
            throw new CheckpointException(where + ": missing dtype");
        }
        String dtypeName = dtypeJson.getAsString();
        SafeTensorDtype dtype = SafeTensorDtype.fromHeader(dtypeName)
                .orElseThrow(() -> new CheckpointException(where + ": dtype '" + dtypeName
                        + "' not supported (expected F32, F16, BF16, I64, I32)"));
        long[] dims = nonNegativeLongs(where, entry, "shape", -1);
        long[] offsets = nonNegativeLongs(where, entry, "data_offsets", 2);
        if (offsets[0] > offsets[1]) {
            throw new CheckpointException(where + ": data_offsets " + Arrays.toString(offsets) + " end before they begin");
        }
        long expectedBytes;
        try {
            long elements = 1;
            for (long dim : dims) {
                elements = Math.multiplyExact(elements, dim);
            }
            expectedBytes = Math.multiplyExact(elements, dtype.bytes());
        } catch (ArithmeticException e) {
            throw new CheckpointException(where + ": shape " + Arrays.toString(dims) + " is too large", e);
        }
        if (offsets[1] - offsets[0] != expectedBytes) {
            throw new CheckpointException(where + ": data_offsets " + Arrays.toString(offsets) + " span "
                    + (offsets[1] - offsets[0]) + " bytes but " + dtypeName + " shape " + Arrays.toString(dims)
                    + " needs " + expectedBytes);
        }
        return new SafeTensorInfo(name, dtype, new Shape(dims), offsets[0], offsets[1]);
    }

    /** Reads {@code key} as an array of non-negative integers; {@code length} -1 means any length. */
    private static long[] nonNegativeLongs(String where, JsonObject entry, String key, int length)
            throws CheckpointException {
        JsonElement value = entry.get(key);
        if (value == null || !value.isJsonArray() || (length >= 0 && value.getAsJsonArray().size() != length)) {
            String expected = length >= 0 ? "an array of " + length + " integers" : "an array of integers";
            throw new CheckpointException(where + ": " + key + " must be " + expected + ", got " + value);
        }
        JsonArray array = value.getAsJsonArray();
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            JsonElement item = array.get(i);
            try {
                if (!item.isJsonPrimitive() || !((JsonPrimitive) item).isNumber()) {
                    throw new ArithmeticException("not a number");
                }
                out[i] = new BigDecimal(item.getAsString()).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw new CheckpointException(where + ": " + key + " must hold integers, got " + item, e);
            }
            if (out[i] < 0) {
                throw new CheckpointException(where + ": " + key + " must not be negative, got " + out[i]);
            }
        }
        return out;
    }

    private static void checkTiling(String source, List<SafeTensorInfo> sorted, long dataLength)
            throws CheckpointException {
        long expectedBegin = 0;
        String previous = null;
        for (SafeTensorInfo info : sorted) {
            if (info.begin() < expectedBegin) {
                throw new CheckpointException(source + ": tensor '" + info.name() + "' overlaps tensor '" + previous
                        + "' (data_offsets begin at " + info.begin() + ", before " + expectedBegin + ")");
            }
            if (info.begin() > expectedBegin) {
                throw new CheckpointException(source + ": data bytes " + expectedBegin + ".." + info.begin()
                        + " belong to no tensor (header and data disagree)");
            }
            if (info.end() > dataLength) {
                throw new CheckpointException(source + ": tensor '" + info.name() + "' ends at data byte " + info.end()
                        + " but the file holds only " + dataLength + " data bytes (file truncated?)");
            }
            expectedBegin = info.end();
            previous = info.name();
        }
        if (expectedBegin != dataLength) {
            throw new CheckpointException(source + ": " + (dataLength - expectedBegin)
                    + " data bytes after the last tensor belong to no tensor (header and data disagree)");
        }
    }
}
