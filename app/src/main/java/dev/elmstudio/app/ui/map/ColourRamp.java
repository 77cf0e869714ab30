package dev.elmstudio.app.ui.map;

/**
 * A perceptually even colour ramp (viridis, sampled at nine stops) for numeric attributes: dark blue for
 * the smallest value, yellow for the largest, readable on light and dark backgrounds and by most
 * colour-blind readers.
 */
public final class ColourRamp {

    private static final int[] STOPS = {
        0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962, 0xADDC30, 0xFDE725,
    };

    private ColourRamp() {}

    /** Opaque ARGB for {@code t} in [0, 1] (clamped). */
    public static int argb(double t) {
        double clamped = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        double position = clamped * (STOPS.length - 1);
        int low = Math.min((int) position, STOPS.length - 2);
        double fraction = position - low;
        int a = STOPS[low];
        int b = STOPS[low + 1];
        int red = mix((a >> 16) & 0xFF, (b >> 16) & 0xFF, fraction);
        int green = mix((a >> 8) & 0xFF, (b >> 8) & 0xFF, fraction);
        int blue = mix(a & 0xFF, b & 0xFF, fraction);
        return 0xFF000000 | red << 16 | green << 8 | blue;
    }

    private static int mix(int from, int to, double fraction) {
        return (int) Math.round(from + (to - from) * fraction);
    }
}
