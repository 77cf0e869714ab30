package dev.elmstudio.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The short version of {@link PretrainMemoryProgram}: steps must not leave arrays behind. */
class PretrainerMemoryTest {

    @Test
    void arrayCountsStayFlatOverManySteps() throws Exception {
        List<MemorySample> samples = PretrainMemoryProgram.run(60, 20, false);
        MemorySample afterFirstStep = samples.get(0);
        for (MemorySample sample : samples) {
            assertEquals(afterFirstStep.modelArrays(), sample.modelArrays(), "model manager's arrays at " + sample);
            assertEquals(afterFirstStep.optimizerArrays(), sample.optimizerArrays(), "optimizer arrays at " + sample);
        }
        // 28 tensors (wte, wpe, 12 per layer × 2, ln_f weight and bias): two moments each, nothing else.
        assertEquals(2 * 28, afterFirstStep.optimizerArrays());
    }
}
