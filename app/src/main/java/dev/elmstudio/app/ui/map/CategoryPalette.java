package dev.elmstudio.app.ui.map;

/**
 * Distinct colours for categories (Tableau 10, then ten lighter companions). More categories than
 * colours would make a map no one can read, so {@link MapColours} gives the rarest ones
 * {@link #OTHER} instead.
 */
public final class CategoryPalette {

    static final int[] COLOURS = {
        0xFF4E79A7, 0xFFF28E2B, 0xFFE15759, 0xFF76B7B2, 0xFF59A14F,
        0xFFEDC948, 0xFFB07AA1, 0xFFFF9DA7, 0xFF9C755F, 0xFF17BECF,
        0xFFA0CBE8, 0xFFFFBE7D, 0xFF8CD17D, 0xFFB6992D, 0xFFD37295,
        0xFF86BCB6, 0xFFD4A6C8, 0xFF499894, 0xFFBCBD22, 0xFF79706E,
    };

    /** Grey for "other" and for missing values. */
    public static final int OTHER = 0xFF9E9E9E;

    private CategoryPalette() {}

    public static int size() {
        return COLOURS.length;
    }

    public static int argb(int rank) {
        return COLOURS[rank];
    }
}
