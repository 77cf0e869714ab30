package dev.elmstudio.app.ui.map;

import java.util.Objects;

/** How the map colours its points: one colour, by a category per point, or by a number per point. */
public sealed interface MapColouring {

    /** Every point the same colour. */
    record Uniform() implements MapColouring {}

    /** {@code categories[i]} is point i's category (e.g. its first genre); null means none. */
    record Categorical(String attribute, String[] categories) implements MapColouring {
        public Categorical {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(categories, "categories");
        }
    }

    /** {@code values[i]} is point i's value (e.g. its mean rating); NaN means unknown. */
    record Numeric(String attribute, double[] values) implements MapColouring {
        public Numeric {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(values, "values");
        }
    }

    MapColouring UNIFORM = new Uniform();
}
