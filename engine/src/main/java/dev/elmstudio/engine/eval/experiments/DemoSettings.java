package dev.elmstudio.engine.eval.experiments;

/**
 * Sizes of one {@link DemoEvaluation} run. {@code quick} is a smoke run (2.5 minutes on 2 idle cores); {@code full}
 * is the reported run (about 11 minutes on 2 idle cores: pretraining about 6, each fine-tune 2 to 2.5). Both use the
 * whole demo world for the audience and ALS; only the films the language models see are a seeded subset, to keep
 * encoding and training affordable.
 *
 * @param films films the LMs see (train + held out)
 * @param heldOut films held out of fine-tuning (scored items; consecutive pairs of them are the interpolation pairs)
 * @param sweepPairs held-out pairs in the interpolation sweep
 * @param vocab BPE vocabulary size
 * @param layers base LM depth
 * @param width base LM hidden size
 * @param pretrainSteps base LM pretraining updates
 * @param adapterSteps ELM stage 1 (adapter only)
 * @param fullSteps ELM stage 2 (everything); the baseline gets adapterSteps + fullSteps updates
 * @param batch examples (or token blocks) per update
 * @param seed the world's seed; also seeds subset, split, models and data order
 */
public record DemoSettings(int films, int heldOut, int sweepPairs, int vocab, int layers, int width, int pretrainSteps,
        int adapterSteps, int fullSteps, int batch, long seed) {
    public static final int CONTEXT = 128;
    public static final int VIEWERS = 1500;

    public static DemoSettings quick() {
        return new DemoSettings(240, 24, 6, 1500, 2, 128, 250, 80, 240, 16, 42);
    }

    public static DemoSettings full() {
        return new DemoSettings(600, 60, 12, 3000, 4, 160, 1500, 300, 900, 16, 42);
    }

    public int headCount() {
        return width / 32;
    }
}
