package dev.elmstudio.engine.cav;

import dev.elmstudio.engine.eval.ItemScores;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One generated text of a CAV extrapolation sweep and its scores.
 *
 * @param input          the entity's name
 * @param attribute      the CAV's attribute
 * @param alpha          the step: the input vector is w + α·cav (cav a unit vector)
 * @param output         the generated text
 * @param scExtrapolated SC against w + α·cav
 * @param scOriginal     SC against w
 * @param attributeScore the CAV classifier's logit at the text's place in the space
 */
public record ExtrapolationItem(String input, String attribute, double alpha, String output,
                                double scExtrapolated, double scOriginal, double attributeScore) {

    public ItemScores toItemScores(String task) {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("alpha", alpha);
        scores.put("sc_extrapolated", scExtrapolated);
        scores.put("sc_original", scOriginal);
        scores.put("attribute_score", attributeScore);
        return new ItemScores(task, input + " +" + attribute + " @ α=" + alpha, input, output, scores);
    }
}
