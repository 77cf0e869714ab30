package dev.elmstudio.engine.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One generated text of an interpolation sweep and its scores.
 *
 * @param input          the pair, "A → B"
 * @param alpha          the weight of B: the input vector is (1 − α)·A + α·B
 * @param output         the generated text
 * @param scInterpolated SC against the interpolated vector
 * @param scFrom         SC against A
 * @param scTo           SC against B
 */
public record InterpolationItem(String input, double alpha, String output, double scInterpolated, double scFrom, double scTo) {

    public ItemScores toItemScores(String task) {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("alpha", alpha);
        scores.put("sc_interpolated", scInterpolated);
        scores.put("sc_from", scFrom);
        scores.put("sc_to", scTo);
        return new ItemScores(task, input + " @ α=" + alpha, input, output, scores);
    }
}
