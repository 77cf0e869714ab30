package dev.elmstudio.engine.data.task;

import dev.elmstudio.engine.io.AtomicFiles;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import dev.elmstudio.engine.data.MalformedDataException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Task data as JSON Lines, one example per line:
 * {@code {"task":"summary","slots":{"movie":123},"prompt":"...{movie}...","target":"..."}}.
 */
public final class TaskJsonl {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private TaskJsonl() {
    }

    public static void write(List<TaskExample> examples, Path file) throws IOException {
        AtomicFiles.writeStream(file, out -> {
            for (TaskExample example : examples) {
                JsonObject row = new JsonObject();
                row.addProperty("task", example.task());
                JsonObject slots = new JsonObject();
                example.slots().forEach(slots::addProperty);
                row.add("slots", slots);
                row.addProperty("prompt", example.prompt());
                row.addProperty("target", example.target());
                out.write((GSON.toJson(row) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    /** @throws MalformedDataException naming the line and field of the first bad example */
    public static List<TaskExample> read(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<TaskExample> examples = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonObject row;
                try {
                    JsonElement element = JsonParser.parseString(line);
                    if (!element.isJsonObject()) {
                        throw new MalformedDataException(name, number, null, "expected a JSON object");
                    }
                    row = element.getAsJsonObject();
                } catch (JsonSyntaxException e) {
                    throw new MalformedDataException(name, number, null, "not valid JSON (" + e.getMessage() + ")", e);
                }
                String task = text(row, "task", name, number);
                String prompt = text(row, "prompt", name, number);
                String target = text(row, "target", name, number);
                Map<String, Integer> slots = new LinkedHashMap<>();
                JsonElement slotsElement = row.get("slots");
                if (slotsElement != null && !slotsElement.isJsonNull()) {
                    if (!slotsElement.isJsonObject()) {
                        throw new MalformedDataException(name, number, "slots", "expected an object such as {\"movie\": 123}");
                    }
                    for (Map.Entry<String, JsonElement> slot : slotsElement.getAsJsonObject().entrySet()) {
                        JsonElement id = slot.getValue();
                        if (!id.isJsonPrimitive() || !id.getAsJsonPrimitive().isNumber()
                                || id.getAsDouble() != Math.rint(id.getAsDouble())) {
                            throw new MalformedDataException(name, number, "slots." + slot.getKey(), "expected an integer entity id, found " + id);
                        }
                        slots.put(slot.getKey(), id.getAsInt());
                    }
                }
                try {
                    examples.add(new TaskExample(task, slots, prompt, target));
                } catch (IllegalArgumentException e) {
                    throw new MalformedDataException(name, number, "slots", e.getMessage(), e);
                }
            }
        }
        return examples;
    }

    private static String text(JsonObject row, String field, String file, long line) {
        JsonElement value = row.get(field);
        if (value == null || value.isJsonNull() || !value.isJsonPrimitive()) {
            throw new MalformedDataException(file, line, field, "missing or not a string");
        }
        return value.getAsString();
    }
}
