package dev.elmstudio.app.ui.map;

import java.util.Locale;
import java.util.Random;

/**
 * How fast the embedding map's own work is for a large space, without a window: rasterising all points
 * (what a zoom or pan costs the FX thread before the one {@code drawImage}), building the hover grid (once per
 * {@code setPoints}), and a hover query against a full scan (what every mouse move would cost without the grid).
 * Run: {@code java -cp app/target/classes dev.elmstudio.app.ui.map.MapBenchmark [points]}; prints
 * {@code RESULT map_points=<n> raster_ms=<ms> grid_build_ms=<ms> hover_us=<µs> scan_us=<µs> hover_speedup=<x>}.
 */
public final class MapBenchmark {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 650;

    private MapBenchmark() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
        Random random = new Random(1);
        long[] ids = new long[n];
        float[] x = new float[n];
        float[] y = new float[n];
        String[] labels = new String[n];
        String[] genres = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
            int cluster = random.nextInt(12); // clustered like a real projection: dense cores, sparse edges
            x[i] = (float) (Math.cos(cluster) * 3 + random.nextGaussian());
            y[i] = (float) (Math.sin(cluster) * 3 + random.nextGaussian());
            labels[i] = "movie " + i;
            genres[i] = "g" + cluster;
        }
        MapPoints points = new MapPoints(ids, x, y, labels);
        int[] argb = MapColours.resolve(new MapColouring.Categorical("genre", genres), n).argb();
        MapViewport viewport = new MapViewport();
        viewport.fit(-7, 7, -7, 7, WIDTH, HEIGHT, 24);
        PointRaster raster = new PointRaster();

        double rasterMs = medianMillis(15, () -> raster.render(points, argb, viewport, WIDTH, HEIGHT, 1));
        double gridMs = medianMillis(9, () -> new SpatialGrid(x, y));
        SpatialGrid grid = new SpatialGrid(x, y);
        double radius = 6 / viewport.scale();
        double[][] queries = new double[2_000][];
        for (int q = 0; q < queries.length; q++) {
            queries[q] = new double[] {random.nextDouble() * 14 - 7, random.nextDouble() * 14 - 7};
        }
        long sink = 0;
        double hoverUs = medianMillis(9, () -> {
            for (double[] q : queries) {
                grid.nearest(q[0], q[1], radius);
            }
        }) * 1000 / queries.length;
        double scanUs = medianMillis(5, () -> {
            for (double[] q : queries) {
                scan(x, y, q[0], q[1], radius);
            }
        }) * 1000 / queries.length;
        for (double[] q : queries) {
            sink += grid.nearest(q[0], q[1], radius) == scan(x, y, q[0], q[1], radius) ? 0 : 1;
        }
        if (sink != 0) {
            throw new IllegalStateException(sink + " hover queries disagree with the full scan");
        }
        System.out.printf(Locale.ROOT, "RESULT map_points=%d raster_ms=%.2f grid_build_ms=%.2f hover_us=%.2f scan_us=%.1f"
                + " hover_speedup=%.0f%n", n, rasterMs, gridMs, hoverUs, scanUs, scanUs / hoverUs);
    }

    private static int scan(float[] x, float[] y, double px, double py, double radius) {
        int best = -1;
        double bestDistance = radius * radius;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - px;
            double dy = y[i] - py;
            double distance = dx * dx + dy * dy;
            if (distance < bestDistance || (distance == bestDistance && i > best)) {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }

    /** Median wall time of {@code runs} runs after three warm-up runs. */
    private static double medianMillis(int runs, Runnable work) {
        for (int i = 0; i < 3; i++) {
            work.run();
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(times);
        return times[runs / 2];
    }
}
