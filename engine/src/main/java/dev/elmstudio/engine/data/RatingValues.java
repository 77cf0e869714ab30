package dev.elmstudio.engine.data;

/** The MovieLens rating scale: 0.5 to 5 stars in half-star steps. */
final class RatingValues {
    private RatingValues() {
    }

    static float check(DelimitedFileReader in, int field) {
        float value = in.decimal(field);
        if (value < 0.5f || value > 5f || value * 2 != Math.rint(value * 2)) {
            throw in.malformed(field, "'" + in.string(field) + "' is not a rating from 0.5 to 5 in steps of 0.5");
        }
        return value;
    }

    static int timestamp(DelimitedFileReader in, int field) {
        long seconds = in.parseLong(field);
        if (seconds < 0 || seconds > Integer.MAX_VALUE) {
            throw in.malformed(field, "'" + in.string(field) + "' is not a Unix time in seconds");
        }
        return (int) seconds;
    }
}
