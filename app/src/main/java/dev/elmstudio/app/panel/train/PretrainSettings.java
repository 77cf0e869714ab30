package dev.elmstudio.app.panel.train;

import java.nio.file.Path;

/**
 * A validated pretraining form: the same knobs as {@code elm pretrain}, GPT-2 architecture.
 *
 * @param corpus UTF-8 text file (blank lines separate documents)
 * @param vocab size of the BPE tokenizer trained on the corpus
 * @param evalInterval validate every this many steps (and at the end)
 * @param checkpointInterval write a resumable checkpoint every this many steps (and at the end)
 */
public record PretrainSettings(Path corpus, int vocab, int layers, int width, int heads, int context, int batch,
        int steps, double learningRate, int evalInterval, int checkpointInterval, long seed) {

    /** Warm-up as the CLI does it: 50 steps, or all of a shorter run. */
    public int warmupSteps() {
        return Math.min(50, steps / 10);
    }
}
