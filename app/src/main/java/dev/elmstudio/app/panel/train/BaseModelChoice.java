package dev.elmstudio.app.panel.train;

import java.nio.file.Path;

/**
 * Where an ELM's language model comes from: a fresh tiny GPT trained from scratch with the ELM, a base model
 * registered in the workspace, a finished pretraining run's model, or a folder the user picks.
 *
 * @param folder the model folder (config.json, weights, tokenizer.json); null for {@link Kind#FRESH} and
 *     {@link Kind#FOLDER} (whose folder is typed in the form)
 */
public record BaseModelChoice(Kind kind, String label, Path folder) {

    public enum Kind { FRESH, REGISTERED, PRETRAINED, FOLDER }

    static final BaseModelChoice FRESH = new BaseModelChoice(Kind.FRESH,
            "New tiny GPT, trained from scratch", null);
    static final BaseModelChoice OTHER_FOLDER = new BaseModelChoice(Kind.FOLDER, "A model folder…", null);

    @Override
    public String toString() {
        return label;
    }
}
