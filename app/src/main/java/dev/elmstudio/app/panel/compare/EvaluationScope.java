package dev.elmstudio.app.panel.compare;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.elmstudio.storage.EvalRun;

/**
 * One line saying what an evaluation scored, from its config_json: on the run's own training tasks the numbers
 * measure fit, not generalisation, and the reader of the table must know which it is.
 */
final class EvaluationScope {
    private EvaluationScope() {}

    static String describe(EvalRun eval) {
        if (eval == null) {
            return "";
        }
        try {
            JsonElement parsed = JsonParser.parseString(eval.configJson());
            if (!parsed.isJsonObject()) {
                return "";
            }
            JsonObject config = parsed.getAsJsonObject();
            String tasks = config.has("tasks") ? config.get("tasks").getAsString() : "?";
            String items = config.has("items") ? config.get("items").getAsString() : "?";
            String scope = "training tasks".equals(tasks) ? "the run's training tasks (fit, not generalisation)"
                    : tasks;
            return items + " items of " + scope
                    + (config.has("max_tokens") ? ", greedy, up to " + config.get("max_tokens").getAsString() + " tokens" : "");
        } catch (RuntimeException notJson) {
            return ""; // an evaluation written by another tool: nothing reliable to say
        }
    }
}
