package dev.elmstudio.engine.elm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.engine.elm.experiments.ToyExperiment;
import dev.elmstudio.engine.elm.experiments.ToyTask;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElmToyTaskTest {
    @Test
    void twoStageRunReachesExactMatchOnHeldOutPointsWithinBudget(@TempDir Path folder) throws Exception {
        try (Tokenizer tokenizer = ToyTask.tokenizer(folder)) {
            Map<String, float[]> base = ToyExperiment.snapshot(ToyTask.pretrainedLm(tokenizer, 300, 1));
            List<ElmExample> train = ToyTask.points(512, 2);
            List<ElmExample> held = ToyTask.points(128, 3); // other points than training: held-out entities
            ToyExperiment.Outcome outcome = ToyExperiment.stepsToConverge(tokenizer, base, 1, 100,
                    ToyExperiment.ADAPTER_LEARNING_RATE, 800, train, held);
            assertTrue(outcome.converged(), "two-stage toy run did not reach 95% held-out exact match in 800 steps: "
                    + outcome);
            assertTrue(outcome.accuracy() >= 0.95, outcome.toString());
        }
    }
}
