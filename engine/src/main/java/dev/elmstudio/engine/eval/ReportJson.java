package dev.elmstudio.engine.eval;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * JSON export of an {@link EvalReport}: {"summaries": [...], "items": [...]}, field names as the
 * records'. Undefined values are written as the bare token NaN (Gson's lenient extension), since
 * JSON has no NaN and dropping them would lose the "undefined" count's meaning per item.
 */
public final class ReportJson {

    private static final Gson GSON = new GsonBuilder()
            .serializeSpecialFloatingPointValues()
            .disableHtmlEscaping() // generated text keeps its quotes and angle brackets readable
            .setPrettyPrinting()
            .create();

    private ReportJson() { }

    public static String write(EvalReport report) {
        return GSON.toJson(report);
    }

    public static EvalReport read(String json) {
        try {
            // check the shape first: Gson would call the record's constructor with nulls and wrap its complaint
            JsonElement tree = JsonParser.parseString(json);
            if (!tree.isJsonObject() || !tree.getAsJsonObject().has("summaries") || !tree.getAsJsonObject().has("items")) {
                throw new IllegalArgumentException("report json: expected an object with 'summaries' and 'items'");
            }
            return GSON.fromJson(json, EvalReport.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("report json: not a report (" + e.getMessage() + ")", e);
        }
    }
}
