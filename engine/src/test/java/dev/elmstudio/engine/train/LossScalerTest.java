package dev.elmstudio.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LossScalerTest {

    @Test
    void overflowHalvesTheScaleAndCleanStepsDoubleItAfterTheInterval() {
        LossScaler scaler = LossScaler.dynamic(1024, 3);
        scaler.update(false);
        assertEquals(512, scaler.scale());
        assertEquals(1, scaler.skippedSteps());
        scaler.update(true);
        scaler.update(true);
        assertEquals(512, scaler.scale(), "two clean steps are not yet the interval of three");
        scaler.update(true);
        assertEquals(1024, scaler.scale());
        assertEquals(0, scaler.cleanSteps());
        scaler.update(true);
        scaler.update(false);
        assertEquals(512, scaler.scale());
        assertEquals(0, scaler.cleanSteps(), "an overflow restarts the count of clean steps");
    }

    @Test
    void restoredStateContinuesTheCount() {
        LossScaler scaler = LossScaler.dynamic(65536, 4);
        scaler.restore(2048, 3);
        scaler.update(true);
        assertEquals(4096, scaler.scale());
        assertThrows(IllegalArgumentException.class, () -> scaler.restore(Double.NaN, 0));
    }

    @Test
    void disabledScalerStaysAtOne() {
        LossScaler scaler = LossScaler.disabled();
        scaler.update(false);
        scaler.update(true);
        assertEquals(1.0, scaler.scale());
        assertEquals(0, scaler.skippedSteps());
    }
}
