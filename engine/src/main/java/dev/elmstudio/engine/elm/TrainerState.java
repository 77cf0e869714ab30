package dev.elmstudio.engine.elm;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/**
 * {@code trainer.json} of an ELM checkpoint: what besides tensors a resumed run needs. Randomness needs no
 * generator state: the only random choice during training is the data order, a function of (seed, stage, epoch).
 *
 * @param format always {@link #FORMAT}
 * @param version layout version
 * @param stage stage in progress
 * @param stageStep updates completed in that stage
 * @param step updates completed in the run
 * @param optimizerSteps AdamW's update count t in this stage
 * @param epoch data position: epoch of the stage's stream
 * @param index data position: next example in that epoch's order
 * @param seed the run's data seed (checked on resume)
 * @param trainLoss loss of the last update, null if none
 * @param validationLoss last validation loss, null if none
 * @param savedAt ISO-8601 instant
 * @param lossScale fp16 loss scale for the next update; null without loss scaling
 * @param lossScaleCleanSteps clean updates since the scale last changed; null without loss scaling
 */
record TrainerState(String format, int version, Stage stage, int stageStep, int step, int optimizerSteps, int epoch,
        int index, long seed, Double trainLoss, Double validationLoss, String savedAt, Double lossScale,
        Integer lossScaleCleanSteps) {
    static final String FORMAT = "elm-studio/elm-training-checkpoint";
    static final int VERSION = 1;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    String toJson() {
        return GSON.toJson(this);
    }

    static TrainerState fromJson(String json, String source) {
        TrainerState state;
        try {
            state = GSON.fromJson(json, TrainerState.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(source + ": not a readable ELM training checkpoint (" + e.getMessage()
                    + ")", e);
        }
        if (state == null || !FORMAT.equals(state.format())) {
            throw new IllegalArgumentException(source + ": not an ELM training checkpoint (format is not '" + FORMAT
                    + "')");
        }
        if (state.version() != VERSION) {
            throw new IllegalArgumentException(source + ": checkpoint layout version " + state.version()
                    + " is not supported (this build reads version " + VERSION + ")");
        }
        if (state.stage() == null) {
            throw new IllegalArgumentException(source + ": checkpoint names no stage");
        }
        return state;
    }
}
