package dev.elmstudio.engine.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/** The machine's practical fp32 peak: the best of a few n×n matmuls, the yardstick for model FLOP utilisation. */
public final class MatmulPeak {
    private MatmulPeak() {}

    /** @return GFLOP/s of the fastest of {@code repeats} n×n×n products (after one warm-up) */
    public static double measure(int n, int repeats) {
        return measure(n, repeats, null, DataType.FLOAT32);
    }

    /**
     * The same on {@code device} (null = the engine's default) in {@code type}: the peak a mixed-precision run is
     * measured against is the fp16 one of its own device.
     */
    public static double measure(int n, int repeats, Device device, DataType type) {
        try (NDManager manager = NDManager.newBaseManager(device)) {
            NDArray a = manager.randomNormal(new Shape(n, n)).toType(type, false);
            NDArray b = manager.randomNormal(new Shape(n, n)).toType(type, false);
            a.matMul(b).close();
            List<Double> seconds = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                NDArray c = a.matMul(b);
                c.get(0, 0).toType(DataType.FLOAT32, false).getFloat(); // forces completion on any device
                seconds.add((System.nanoTime() - start) / 1e9);
                c.close();
            }
            double best = seconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            return 2.0 * n * n * n / best / 1e9;
        }
    }
}
