package dev.elmstudio.engine.cav;

import dev.elmstudio.engine.eval.SweepResult;
import dev.elmstudio.engine.eval.TextToSpace;
import dev.elmstudio.engine.eval.Trend;
import dev.elmstudio.engine.eval.VectorDescriber;
import dev.elmstudio.engine.eval.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The paper's CAV extrapolation: describe w + α·cav for a grid of α and check that the text keeps
 * the entity (SC) while showing more of the attribute.
 *
 * <p>For each entity w and α: o = describe(w + α·cav); x = space(o), the text's place in the
 * entity space ({@link TextToSpace}); sc_extrapolated = cos(x, w + α·cav), sc_original = cos(x, w),
 * attribute_score = the CAV classifier's logit at x. The per-entity {@link Trend} is Spearman ρ
 * between α and attribute_score: near 1 when the text shows the attribute more as α grows.
 */
public final class ExtrapolationSweep {

    private final double[] alphas;

    /** @param alphas the grid, strictly increasing, at least 2 values; scale it to the space's norms */
    public ExtrapolationSweep(double[] alphas) {
        if (alphas.length < 2) {
            throw new IllegalArgumentException("extrapolation sweep: needs at least 2 values of α, got " + alphas.length);
        }
        for (int i = 0; i < alphas.length; i++) {
            if (!Double.isFinite(alphas[i]) || (i > 0 && alphas[i] <= alphas[i - 1])) {
                throw new IllegalArgumentException("extrapolation sweep: α grid must be finite and strictly increasing, got "
                        + Arrays.toString(alphas));
            }
        }
        this.alphas = alphas.clone();
    }

    /** 0, max/(steps−1), …, max: {@code steps} evenly spaced values starting at the entity itself. */
    public static ExtrapolationSweep evenGrid(double max, int steps) {
        if (!(max > 0) || steps < 2) {
            throw new IllegalArgumentException("extrapolation grid: need max > 0 and steps >= 2, got " + max + ", " + steps);
        }
        double[] alphas = new double[steps];
        for (int i = 0; i < steps; i++) {
            alphas[i] = max * i / (steps - 1);
        }
        return new ExtrapolationSweep(alphas);
    }

    public SweepResult<ExtrapolationItem> run(List<NamedVector> entities, Cav cav, VectorDescriber model, TextToSpace space) {
        List<ExtrapolationItem> items = new ArrayList<>();
        List<Trend> trends = new ArrayList<>();
        for (NamedVector entity : entities) {
            double[] scores = new double[alphas.length];
            for (int a = 0; a < alphas.length; a++) {
                float[] pushed = Vectors.addScaled(entity.embedding(), cav.direction(), alphas[a]);
                String output = model.describe(pushed);
                float[] landed = space.embed(output);
                scores[a] = cav.score(landed);
                items.add(new ExtrapolationItem(entity.name(), cav.attribute(), alphas[a], output,
                        Vectors.cosine(landed, pushed), Vectors.cosine(landed, entity.embedding()), scores[a]));
            }
            trends.add(new Trend(entity.name(), SweepResult.spearmanOrNaN(alphas, scores)));
        }
        return new SweepResult<>(items, trends);
    }
}
