package dev.elmstudio.app.panel.explore;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.elmstudio.engine.explore.ExploreInput;
import dev.elmstudio.engine.lm.GenerationConfig;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * An Explore input in words ("Vertigo (1958) → Alien (1979) at t = 0.30, genre:Horror +1.5σ") and as the
 * generations table's input JSON, in the schema {@code elm generate} writes: {@code alpha} is the first entity's
 * weight, {@code strength} the raw shift along the CAV.
 */
final class InputDescription {
    private InputDescription() {}

    static String words(ExploreInput input, IntFunction<String> label) {
        StringBuilder text = new StringBuilder(label.apply(input.entity()));
        if (input.interpolates()) {
            text.append(" → ").append(label.apply(input.second()))
                    .append(String.format(Locale.ROOT, " at t = %.2f", input.t()));
        }
        if (input.shifts()) {
            text.append(String.format(Locale.ROOT, ", %s %+.2fσ", input.concept(), input.alpha()));
        }
        return text.toString();
    }

    static String json(String task, ExploreInput input, double strength, GenerationConfig config) {
        JsonObject json = new JsonObject();
        json.addProperty("task", task);
        json.addProperty("source", "explore");
        if (input.interpolates()) {
            JsonArray ids = new JsonArray();
            ids.add(input.entity());
            ids.add(input.second());
            json.add("interpolate", ids);
            json.addProperty("alpha", 1 - input.t());
        } else {
            json.addProperty("entity", input.entity());
        }
        if (input.shifts()) {
            json.addProperty("cav", input.concept());
            json.addProperty("strength", strength);
            json.addProperty("cav_sigmas", input.alpha());
        }
        json.addProperty("max_tokens", config.maxNewTokens());
        json.addProperty("temperature", config.temperature());
        json.addProperty("top_p", config.topP());
        json.addProperty("seed", config.seed());
        return json.toString();
    }
}
