package dev.elmstudio.engine.factor;

/** Indices of the k largest scores, best first, without sorting all of them. */
final class TopK {
    private TopK() {
    }

    /**
     * Fills {@code out[0..returned)} with the indices of the largest finite scores in descending
     * order; ties go to the lower index so rankings are deterministic.
     */
    static int indices(float[] scores, int k, int[] out) {
        int size = 0;
        for (int i = 0; i < scores.length; i++) {
            float s = scores[i];
            if (s == Float.NEGATIVE_INFINITY || Float.isNaN(s)) {
                continue;
            }
            if (size == k && !(s > scores[out[size - 1]])) {
                continue;
            }
            int pos = size == k ? size - 1 : size++;
            // insertion into the short sorted list; k = 20 makes this cheaper than a heap
            while (pos > 0 && s > scores[out[pos - 1]]) {
                out[pos] = out[pos - 1];
                pos--;
            }
            out[pos] = i;
        }
        return size;
    }
}
