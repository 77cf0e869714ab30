package dev.elmstudio.engine.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/** The machine's practical fp32 peak: the best of a few n×n matmuls, the yardstick for model FLOP utilisation. */
public final class MatmulPeak {
    private MatmulPeak() {}

    /** @return GFLOP/s of the fastest of {@code repeats} n×n×n products (after one warm-up) */
    public static double measure(int n, int repeats) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.randomNormal(new Shape(n, n));
            NDArray b = manager.randomNormal(new Shape(n, n));
            a.matMul(b).close();
            List<Double> seconds = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                NDArray c = a.matMul(b);
                c.getFloat(0, 0); // forces completion on any device
                seconds.add((System.nanoTime() - start) / 1e9);
                c.close();
            }
            double best = seconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            return 2.0 * n * n * n / best / 1e9;
        }
    }
}
