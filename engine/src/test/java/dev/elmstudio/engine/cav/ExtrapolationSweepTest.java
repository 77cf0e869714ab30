package dev.elmstudio.engine.cav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.elmstudio.engine.eval.ItemScores;
import dev.elmstudio.engine.eval.SweepResult;
import dev.elmstudio.engine.eval.TextToSpace;
import dev.elmstudio.engine.eval.VectorDescriber;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtrapolationSweepTest {

    /** A perfect model and encoder pair: the text is the vector written out. */
    private final VectorDescriber perfect = v -> v[0] + "," + v[1];
    private final TextToSpace parse = text -> {
        String[] parts = text.split(",");
        return new float[] {Float.parseFloat(parts[0]), Float.parseFloat(parts[1])};
    };
    /** Attribute along y: the score of x is its y coordinate. */
    private final Cav alongY = new Cav("funny", new float[] {0, 1}, new LogisticModel(new float[] {0, 1}, 0),
            1, 1, new double[20], 1.0 / 21, 70, 30);

    @Test
    void perfectModelShowsTheAttributeGrowingWithAlpha() {
        SweepResult<ExtrapolationItem> result = ExtrapolationSweep.evenGrid(2, 3)
                .run(List.of(new NamedVector("Heat", new float[] {1, 0})), alongY, perfect, parse);

        assertEquals(3, result.items().size());
        ExtrapolationItem step = result.items().get(1); // α = 1: input (1, 1)
        assertEquals(1.0, step.alpha(), 0);
        assertEquals("1.0,1.0", step.output());
        assertEquals(1.0, step.scExtrapolated(), 1e-7);
        assertEquals(1 / Math.sqrt(2), step.scOriginal(), 1e-7);
        assertEquals(1.0, step.attributeScore(), 1e-7);
        assertEquals(1.0, result.trends().get(0).spearman(), 1e-12);
    }

    @Test
    void modelThatIgnoresTheVectorHasNoTrend() {
        SweepResult<ExtrapolationItem> result = ExtrapolationSweep.evenGrid(2, 3)
                .run(List.of(new NamedVector("Heat", new float[] {1, 0})), alongY, v -> "1,0", parse);
        assertEquals(Double.NaN, result.trends().get(0).spearman());
        assertEquals(0.0, result.items().get(2).attributeScore(), 0);
    }

    @Test
    void itemsBecomeReportRows() {
        ItemScores row = new ExtrapolationItem("Heat", "funny", 0.5, "text", 0.9, 0.8, 1.5).toItemScores("cav:funny");
        assertEquals(List.of("alpha", "sc_extrapolated", "sc_original", "attribute_score"), List.copyOf(row.scores().keySet()));
        assertEquals("Heat", row.input());
    }

    @Test
    void gridMustIncrease() {
        assertArrayEquals(new double[] {0, 0.5, 1}, gridOf(ExtrapolationSweep.evenGrid(1, 3)), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new ExtrapolationSweep(new double[] {1, 0.5}));
        assertThrows(IllegalArgumentException.class, () -> ExtrapolationSweep.evenGrid(0, 3));
    }

    private double[] gridOf(ExtrapolationSweep sweep) {
        return sweep.run(List.of(new NamedVector("e", new float[] {1, 0})), alongY, perfect, parse).items().stream()
                .mapToDouble(ExtrapolationItem::alpha).toArray();
    }
}
