package dev.elmstudio.app.ui.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link MapColouring} resolved to one ARGB colour per point plus what the legend shows. Categories
 * are ranked by how many points have them, so the commonest get the palette's distinct colours and the
 * long tail shares grey ("other"); numbers are scaled from their minimum to their maximum onto
 * {@link ColourRamp}.
 */
public record MapColours(int[] argb, String title, List<Swatch> swatches, double min, double max, boolean numeric) {

    /** A legend row: a colour, its category and how many points have it. */
    public record Swatch(int argb, String label, int count) {}

    static final int UNIFORM_ARGB = 0xFF4E79A7;

    public static MapColours resolve(MapColouring colouring, int pointCount) {
        return switch (colouring) {
            case MapColouring.Uniform uniform -> uniform(pointCount);
            case MapColouring.Categorical categorical -> categorical(categorical, pointCount);
            case MapColouring.Numeric numeric -> numeric(numeric, pointCount);
        };
    }

    private static MapColours uniform(int pointCount) {
        int[] argb = new int[pointCount];
        java.util.Arrays.fill(argb, UNIFORM_ARGB);
        return new MapColours(argb, "", List.of(), Double.NaN, Double.NaN, false);
    }

    private static MapColours categorical(MapColouring.Categorical colouring, int pointCount) {
        String[] categories = checkLength(colouring.categories().length, pointCount, colouring.categories());
        Map<String, Integer> counts = new HashMap<>();
        for (String category : categories) {
            if (category != null) {
                counts.merge(category, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        // With more categories than colours, the last colour slot becomes "other" for the whole tail.
        int distinct = ranked.size() <= CategoryPalette.size() ? ranked.size() : CategoryPalette.size() - 1;
        Map<String, Integer> colourOf = new HashMap<>();
        List<Swatch> swatches = new ArrayList<>();
        for (int rank = 0; rank < distinct; rank++) {
            Map.Entry<String, Integer> entry = ranked.get(rank);
            colourOf.put(entry.getKey(), CategoryPalette.argb(rank));
            swatches.add(new Swatch(CategoryPalette.argb(rank), entry.getKey(), entry.getValue()));
        }
        int[] argb = new int[pointCount];
        int other = 0;
        for (int i = 0; i < pointCount; i++) {
            Integer colour = categories[i] == null ? null : colourOf.get(categories[i]);
            argb[i] = colour == null ? CategoryPalette.OTHER : colour;
            other += colour == null ? 1 : 0;
        }
        if (other > 0) {
            swatches.add(new Swatch(CategoryPalette.OTHER, distinct < ranked.size() ? "other" : "none", other));
        }
        return new MapColours(argb, colouring.attribute(), List.copyOf(swatches), Double.NaN, Double.NaN, false);
    }

    private static MapColours numeric(MapColouring.Numeric colouring, int pointCount) {
        double[] values = checkLength(colouring.values().length, pointCount, colouring.values());
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        double span = max > min ? max - min : 1;
        int[] argb = new int[pointCount];
        int missing = 0;
        for (int i = 0; i < pointCount; i++) {
            if (Double.isNaN(values[i])) {
                argb[i] = CategoryPalette.OTHER;
                missing++;
            } else {
                argb[i] = ColourRamp.argb((values[i] - min) / span);
            }
        }
        List<Swatch> swatches = missing > 0 ? List.of(new Swatch(CategoryPalette.OTHER, "unknown", missing)) : List.of();
        return new MapColours(argb, colouring.attribute(), swatches,
                min <= max ? min : Double.NaN, min <= max ? max : Double.NaN, true);
    }

    private static <T> T checkLength(int length, int pointCount, T values) {
        if (length != pointCount) {
            throw new IllegalArgumentException("colouring has " + length + " values for " + pointCount + " points");
        }
        return values;
    }
}
