package dev.elmstudio.app.compare;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.elmstudio.storage.BaseModel;
import dev.elmstudio.storage.Workspace;
import java.util.Comparator;
import java.util.Optional;

/**
 * How a text-only baseline is found for an ELM run, shared by {@code elm baseline}, {@code elm eval --baseline},
 * the Compare panel and the demo assets: a {@code base_models} row whose config_json is
 * {@code {"role":"text-only-baseline","elm_run_id":<run>,"slot_text":"title_with_year"}} and whose path is an LM
 * folder (config.json, model.safetensors, tokenizer.json). When a run has several, the newest (highest id) wins.
 */
public final class BaselineContract {
    public static final String ROLE = "text-only-baseline";
    /** What replaced each slot in the baseline's prompts: the film's "Title (year)". */
    public static final String SLOT_TEXT = "title_with_year";

    private BaselineContract() {}

    public static String configJson(long elmRunId) {
        JsonObject config = new JsonObject();
        config.addProperty("role", ROLE);
        config.addProperty("elm_run_id", elmRunId);
        config.addProperty("slot_text", SLOT_TEXT);
        return config.toString();
    }

    /** True when {@code model} is registered as the text-only baseline of run {@code elmRunId}. */
    public static boolean isBaselineOf(BaseModel model, long elmRunId) {
        try {
            JsonElement parsed = JsonParser.parseString(model.configJson() == null ? "" : model.configJson());
            if (!parsed.isJsonObject()) {
                return false;
            }
            JsonObject config = parsed.getAsJsonObject();
            return config.has("role") && ROLE.equals(config.get("role").getAsString())
                    && config.has("elm_run_id") && config.get("elm_run_id").getAsLong() == elmRunId;
        } catch (RuntimeException notOurs) {
            return false; // an ordinary model's config.json, or something else: not a baseline
        }
    }

    public static Optional<BaseModel> find(Workspace workspace, long elmRunId) {
        return workspace.baseModels().list().stream().filter(m -> isBaselineOf(m, elmRunId))
                .max(Comparator.comparingLong(BaseModel::id));
    }
}
