package dev.elmstudio.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PretrainConfigTest {

    @Test
    void builderFillsNanoGptDefaults() {
        PretrainConfig config = PretrainConfig.builder()
                .setSteps(100).setBatchSize(8).setContextLength(64).setLearningRate(6e-4).build();
        assertEquals(6e-5, config.minLearningRate(), 1e-12);
        assertEquals(0.95, config.beta2());
        assertEquals(1.0, config.maxGradNorm());
        assertEquals(512, config.tokensPerStep());
    }

    @Test
    void missingOrBadValuesAreNamed() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> PretrainConfig.builder().setSteps(10).setBatchSize(2).setLearningRate(1e-3).build());
        assertTrue(missing.getMessage().contains("setContextLength"), missing.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> PretrainConfig.builder().setSteps(10).setBatchSize(2).setContextLength(8)
                        .setLearningRate(1e-3).optWarmupSteps(11).build());
        assertTrue(bad.getMessage().contains("warmupSteps"), bad.getMessage());
    }
}
