package dev.elmstudio.engine.eval;

/** Input checks shared by the metrics, so every metric words its failures the same way. */
final class Checks {

    private Checks() { }

    static void sameLength(String what, int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException(what + ": inputs differ in length (" + a + " and " + b + ")");
        }
    }

    static void notEmpty(String what, int length) {
        if (length == 0) {
            throw new IllegalArgumentException(what + ": input is empty");
        }
    }

    static void finite(String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + ": value " + i + " is not finite (" + values[i] + ")");
            }
        }
    }
}
