package dev.elmstudio.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class InterpolationSweepTest {

    private final ParsingEncoder encoder = new ParsingEncoder();
    /** A perfect model: it writes out the vector it is given, so its text lands exactly on it. */
    private final VectorDescriber perfect = ParsingEncoder::text;

    @Test
    void perfectModelScoresOneAgainstTheMixAndDriftsFromAToB() {
        InterpolationPair pair = new InterpolationPair("A", new float[] {1, 0}, "B", new float[] {0, 1});
        SweepResult<InterpolationItem> result = InterpolationSweep.paper().run(List.of(pair), perfect, TextToSpace.semantic(encoder));

        assertEquals(9, result.items().size());
        InterpolationItem middle = result.items().get(4);
        assertEquals(0.5, middle.alpha(), 1e-12);
        assertEquals("0.5,0.5", middle.output());
        assertEquals(1.0, middle.scInterpolated(), 1e-7);
        assertEquals(1 / Math.sqrt(2), middle.scFrom(), 1e-7);
        assertEquals(1 / Math.sqrt(2), middle.scTo(), 1e-7);
        for (InterpolationItem item : result.items()) {
            assertEquals(1.0, item.scInterpolated(), 1e-6);
        }
        assertEquals(List.of(new Trend("A → B", 1.0)), result.trends());
    }

    @Test
    void constantModelHasNoTrend() {
        InterpolationPair pair = new InterpolationPair("A", new float[] {1, 0}, "B", new float[] {0, 1});
        SweepResult<InterpolationItem> result = InterpolationSweep.paper().run(List.of(pair), v -> "1, 0", TextToSpace.semantic(encoder));
        assertEquals(1.0, result.items().get(0).scFrom(), 1e-12);
        assertEquals(Double.NaN, result.trends().get(0).spearman());
    }

    @Test
    void textLandsThroughTheMapForABehavioralSpace() {
        // the map doubles every coordinate: SC is scale-free, so a perfect model still scores 1
        LinearMap doubling = new LinearMap(new double[][] {{2, 0}, {0, 2}}, new double[] {0, 0});
        InterpolationPair pair = new InterpolationPair("A", new float[] {1, 0}, "B", new float[] {0, 1});
        SweepResult<InterpolationItem> result = new InterpolationSweep(new double[] {0.25, 0.75})
                .run(List.of(pair), perfect, TextToSpace.through(encoder, doubling));
        assertEquals(1.0, result.items().get(1).scInterpolated(), 1e-6);
    }

    @Test
    void badPlansAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new InterpolationSweep(new double[] {0.5}));
        assertThrows(IllegalArgumentException.class, () -> new InterpolationSweep(new double[] {0.5, 1.5}));
        assertThrows(IllegalArgumentException.class, () -> new InterpolationPair("A", new float[] {1}, "B", new float[] {1, 2}));
    }
}
