package dev.elmstudio.engine.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The paper's interpolation experiment: for each pair (A, B) and each α, describe
 * (1 − α)·A + α·B and score the text against the mixed vector and against both ends.
 *
 * <p>SC here is cos(space(o), v) where space is the {@link TextToSpace} for the pairs' space. The
 * per-pair {@link Trend} is Spearman ρ between α and sc_to − sc_from: near 1 when the text moves
 * from A towards B as α grows.
 */
public final class InterpolationSweep {

    /** α = 0.1, 0.2, …, 0.9, as in the paper. */
    public static final double[] PAPER_ALPHAS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    private final double[] alphas;

    public InterpolationSweep(double[] alphas) {
        if (alphas.length < 2) {
            throw new IllegalArgumentException("interpolation sweep: needs at least 2 values of α, got " + alphas.length);
        }
        for (double alpha : alphas) {
            if (!(alpha >= 0 && alpha <= 1)) {
                throw new IllegalArgumentException("interpolation sweep: α must be in [0, 1], got " + alpha);
            }
        }
        this.alphas = alphas.clone();
    }

    public static InterpolationSweep paper() {
        return new InterpolationSweep(PAPER_ALPHAS);
    }

    public SweepResult<InterpolationItem> run(List<InterpolationPair> pairs, VectorDescriber model, TextToSpace space) {
        List<InterpolationItem> items = new ArrayList<>();
        List<Trend> trends = new ArrayList<>();
        for (InterpolationPair pair : pairs) {
            double[] drift = new double[alphas.length];
            for (int a = 0; a < alphas.length; a++) {
                float[] mixed = Vectors.interpolate(pair.from(), pair.to(), alphas[a]);
                String output = model.describe(mixed);
                float[] landed = space.embed(output);
                InterpolationItem item = new InterpolationItem(pair.label(), alphas[a], output,
                        Vectors.cosine(landed, mixed), Vectors.cosine(landed, pair.from()), Vectors.cosine(landed, pair.to()));
                items.add(item);
                drift[a] = item.scTo() - item.scFrom();
            }
            trends.add(new Trend(pair.label(), SweepResult.spearmanOrNaN(alphas, drift)));
        }
        return new SweepResult<>(items, trends);
    }
}
