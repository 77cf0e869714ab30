package dev.elmstudio.app.cli;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

/**
 * Everything an ELM run was started with, kept as the run's {@code config_json}: {@code train --resume} rebuilds
 * the same model, data and schedule from it, which is what makes the resumed losses equal the uninterrupted ones.
 *
 * @param baseModel a Hugging Face model folder to start from, or null for a fresh tiny GPT with its own tokenizer
 * @param layers layers of the fresh GPT (ignored with a base model)
 * @param width hidden size of the fresh GPT
 * @param context positions of the fresh GPT
 * @param vocab vocabulary of the fresh tokenizer
 * @param adapterHidden hidden width of the adapter E_A
 */
record TrainSettings(String dataset, String space, String baseModel, int layers, int width, int heads, int context,
        int vocab, int adapterHidden, int stage1Steps, int stage2Steps, int batch, double stage1Lr, double stage2Lr,
        int checkpointInterval, long seed) {
    private static final Gson GSON = new Gson();

    String toJson() {
        return GSON.toJson(this);
    }

    static TrainSettings fromJson(String json, long runId) {
        try {
            TrainSettings settings = GSON.fromJson(json, TrainSettings.class);
            if (settings == null || settings.dataset() == null || settings.space() == null) {
                throw new JsonParseException("dataset or space missing");
            }
            return settings;
        } catch (JsonParseException e) {
            throw new CommandFailure("train --resume: run " + runId + " was not started by 'elm train' (its settings"
                    + " cannot be read: " + e.getMessage() + ")", e);
        }
    }
}
