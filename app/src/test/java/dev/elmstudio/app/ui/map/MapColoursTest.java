package dev.elmstudio.app.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MapColoursTest {

    @Test
    void commonestCategoriesGetDistinctColoursAndTheLongTailSharesOther() {
        int n = 30;
        String[] categories = new String[n];
        for (int i = 0; i < n; i++) {
            categories[i] = i < 8 ? "Drama" : "rare-" + i; // 22 singletons: more categories than colours
        }
        categories[n - 1] = null;
        MapColours colours = MapColours.resolve(new MapColouring.Categorical("genre", categories), n);
        assertEquals("Drama", colours.swatches().get(0).label());
        assertEquals(8, colours.swatches().get(0).count());
        assertEquals(CategoryPalette.argb(0), colours.argb()[0]);
        MapColours.Swatch last = colours.swatches().get(colours.swatches().size() - 1);
        assertEquals("other", last.label());
        assertEquals(CategoryPalette.OTHER, colours.argb()[n - 1]);
        assertEquals(CategoryPalette.size(), colours.swatches().size(), "19 distinct colours plus other");
        int counted = colours.swatches().stream().mapToInt(MapColours.Swatch::count).sum();
        assertEquals(n, counted, "every point is in exactly one legend row");
    }

    @Test
    void numbersSpanTheRampFromMinimumToMaximumAndUnknownIsGrey() {
        double[] values = {2, 4, Double.NaN, 3};
        MapColours colours = MapColours.resolve(new MapColouring.Numeric("mean rating", values), 4);
        assertEquals(2, colours.min());
        assertEquals(4, colours.max());
        assertEquals(ColourRamp.argb(0), colours.argb()[0]);
        assertEquals(ColourRamp.argb(1), colours.argb()[1]);
        assertEquals(CategoryPalette.OTHER, colours.argb()[2]);
        assertNotEquals(colours.argb()[0], colours.argb()[3]);
        assertEquals("unknown", colours.swatches().get(0).label());
    }

    @Test
    void aColouringForADifferentNumberOfPointsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> MapColours.resolve(new MapColouring.Numeric("x", new double[3]), 4));
    }
}
