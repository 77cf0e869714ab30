package dev.elmstudio.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LrScheduleTest {

    // maxLr 1.0, minLr 0.1, 4 warm-up steps, cosine until step 14 (10 decay steps)
    private final LrSchedule schedule = new LrSchedule(1.0, 0.1, 4, 14);

    @Test
    void warmupRisesLinearlyFromAFifthToFourFifths() {
        assertEquals(0.2, schedule.at(0), 1e-12); // (0 + 1) / (4 + 1)
        assertEquals(0.4, schedule.at(1), 1e-12);
        assertEquals(0.8, schedule.at(3), 1e-12);
    }

    @Test
    void cosineStartsAtMaxPassesMidpointAndEndsAtMin() {
        assertEquals(1.0, schedule.at(4), 1e-12); // ratio 0
        assertEquals(0.55, schedule.at(9), 1e-12); // ratio 0.5: 0.1 + 0.5 * 0.9
        // step 6, ratio 0.2: 0.1 + 0.45 * (1 + cos(0.2 pi)) = 0.1 + 0.45 * 1.8090169943749475
        assertEquals(0.9140576474687264, schedule.at(6), 1e-12);
        assertEquals(0.1, schedule.at(14), 1e-12);
        assertEquals(0.1, schedule.at(1000), 1e-12);
    }

    @Test
    void quarterOfTheWayIsExact() {
        LrSchedule noWarmup = new LrSchedule(1.0, 0.0, 0, 4);
        assertEquals(1.0, noWarmup.at(0), 1e-12);
        assertEquals(0.5 * (1 + Math.sqrt(0.5)), noWarmup.at(1), 1e-12); // cos(pi/4)
        assertEquals(0.5, noWarmup.at(2), 1e-12);
        assertEquals(0.5 * (1 - Math.sqrt(0.5)), noWarmup.at(3), 1e-12);
        assertEquals(0.0, noWarmup.at(4), 1e-12);
    }

    @Test
    void rejectsInconsistentSettings() {
        assertThrows(IllegalArgumentException.class, () -> new LrSchedule(0.0, 0.0, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new LrSchedule(1.0, 2.0, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new LrSchedule(1.0, 0.1, 11, 10));
        assertThrows(IllegalArgumentException.class, () -> schedule.at(-1));
    }
}
