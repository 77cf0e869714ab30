package dev.elmstudio.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BootstrapTest {

    @Test
    void equalValuesGiveAZeroWidthInterval() {
        BootstrapInterval interval = Bootstrap.ninetyFivePercent(7).meanInterval(new double[] {0.3, 0.3, 0.3, 0.3});
        assertEquals(0.3, interval.mean(), 0);
        assertEquals(0.3, interval.lower(), 0);
        assertEquals(0.3, interval.upper(), 0);
        assertEquals(0, interval.width(), 0);
    }

    @Test
    void singleItemGivesAZeroWidthInterval() {
        BootstrapInterval interval = Bootstrap.ninetyFivePercent(1).meanInterval(new double[] {2.5});
        assertEquals(2.5, interval.lower(), 0);
        assertEquals(2.5, interval.upper(), 0);
        assertEquals(1, interval.items());
    }

    @Test
    void sameSeedSameIntervalOtherSeedOtherInterval() {
        double[] values = {0.1, 0.9, 0.4, 0.7, 0.2, 0.8, 0.5, 0.3};
        BootstrapInterval a = Bootstrap.ninetyFivePercent(42).meanInterval(values);
        BootstrapInterval b = Bootstrap.ninetyFivePercent(42).meanInterval(values);
        BootstrapInterval c = Bootstrap.ninetyFivePercent(43).meanInterval(values);
        assertEquals(a, b);
        assertTrue(a.lower() != c.lower() || a.upper() != c.upper());
    }

    @Test
    void intervalBracketsTheMeanInsideTheDataRange() {
        double[] values = {0, 0, 0, 0, 1, 1, 1, 1, 1, 1};
        BootstrapInterval interval = new Bootstrap(2000, 0.95, 3).meanInterval(values);
        assertEquals(0.6, interval.mean(), 1e-12);
        assertTrue(interval.lower() < 0.6 && interval.upper() > 0.6, interval.toString());
        // resampled means of 10 Bernoulli(0.6) items: sd ≈ 0.155, so the 95% interval is about ±0.3
        assertTrue(interval.lower() >= 0.2 && interval.upper() <= 1.0, interval.toString());
        assertTrue(interval.width() > 0.4 && interval.width() < 0.8, interval.toString());
    }

    @Test
    void twoValuesGiveIntervalsDerivableByHand() {
        // n = 2 from {0, 1}: a resampled mean is 0, 0.5 or 1 with probability 1/4, 1/2, 1/4, so of B = 1000
        // sorted means about 250 are 0 (sd ≈ 14) and the last ~250 are 1.
        double[] values = {0, 1};
        // 95%: order statistics 25 and 974 fall in the 0s and the 1s
        BootstrapInterval wide = new Bootstrap(1000, 0.95, 8).meanInterval(values);
        assertEquals(0.0, wide.lower(), 0);
        assertEquals(1.0, wide.upper(), 0);
        // 40%: order statistics 300 and 699 both fall in the 0.5 block (3.6 sd from either edge)
        BootstrapInterval narrow = new Bootstrap(1000, 0.40, 8).meanInterval(values);
        assertEquals(0.5, narrow.lower(), 0);
        assertEquals(0.5, narrow.upper(), 0);
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.ninetyFivePercent(1).meanInterval(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.ninetyFivePercent(1).meanInterval(new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(0, 0.95, 1));
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(10, 1.0, 1));
    }
}
