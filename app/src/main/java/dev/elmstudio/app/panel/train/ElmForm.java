package dev.elmstudio.app.panel.train;

import java.util.List;
import java.util.Map;

/**
 * The ELM form as typed: raw text and choices, checked by {@link ElmFormValidator}.
 *
 * @param baseFolder the typed folder, used when {@code baseModel} is {@link BaseModelChoice.Kind#FOLDER}
 * @param slotSpaces slot name → chosen embedding space (null when none is chosen)
 * @param validationPercent share of the entities held out for the validation loss, in percent
 */
public record ElmForm(BaseModelChoice baseModel, String baseFolder, String dataset, List<String> tasks,
        Map<String, String> slotSpaces, Stage stage1, Stage stage2, boolean lora, String loraRank, String loraAlpha,
        String loraTargets, String validationPercent, String seed, String device) {

    /**
     * One stage's settings.
     *
     * @param epochs true: {@code amount} counts passes over the training examples; false: updates
     */
    public record Stage(boolean epochs, String amount, String batch, String learningRate, String warmup) {}
}
