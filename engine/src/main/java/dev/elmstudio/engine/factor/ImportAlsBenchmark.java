package dev.elmstudio.engine.factor;

import dev.elmstudio.engine.io.AtomicFiles;
import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.data.MovieLensImporter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmark: import plus ALS on MovieLens-25M-shaped ratings (generated: MovieLens may not be
 * redistributed). Writes movies.csv and ratings.csv with ML-25M's counts (162,541 users, 62,423
 * movies, 25,000,095 ratings, skewed like real activity and popularity) into a temporary folder,
 * then times {@link MovieLensImporter} + {@link Wals} (d = 32, 10 sweeps) and ends with
 * {@code RESULT ml25m_import_als_s=<s> peak_heap_mb=<m>}. Target on 2 cores: < 300 s, < 6 GB heap.
 *
 * <pre>java -Xmx6g -cp engine/target/classes dev.elmstudio.engine.factor.ImportAlsBenchmark [ratings] [threads]</pre>
 * A smaller first argument (e.g. 2500000) scales users and movies down in proportion.
 */
public final class ImportAlsBenchmark {
    private static final int ML25M_USERS = 162_541;
    private static final int ML25M_MOVIES = 62_423;
    private static final long ML25M_RATINGS = 25_000_095L;

    private ImportAlsBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long ratings = args.length > 0 ? Long.parseLong(args[0]) : ML25M_RATINGS;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        double scale = (double) ratings / ML25M_RATINGS;
        int users = (int) Math.max(100, ML25M_USERS * scale);
        int movies = (int) Math.max(100, ML25M_MOVIES * scale);
        Path folder = Files.createTempDirectory("ml25m-shaped");
        try {
            long t0 = System.nanoTime();
            generate(folder, users, movies, ratings, 25);
            System.out.printf(Locale.ROOT, "generated %,d ratings (%,d users, %,d movies) in %.1f s (not timed)%n",
                    ratings, users, movies, (System.nanoTime() - t0) / 1e9);
            System.gc();
            resetPeaks();

            long start = System.nanoTime();
            MovieLensDataset data = new MovieLensImporter().importFolder(folder);
            double importSeconds = (System.nanoTime() - start) / 1e9;
            long alsStart = System.nanoTime();
            Factors factors = new Wals(AlsConfig.defaults().withThreads(threads)).train(data.ratings(),
                    new AlsListener() {
                        @Override
                        public void onIteration(int iteration, int iterations, double seconds) {
                            System.out.printf(Locale.ROOT, "  ALS sweep %d/%d at %.1f s%n", iteration, iterations, seconds);
                        }
                    });
            double alsSeconds = (System.nanoTime() - alsStart) / 1e9;
            double total = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "import %.1f s (%,d ratings kept, %,d movies), ALS %.1f s (%d threads, d=%d)%n",
                    importSeconds, data.ratings().size(), data.ratings().movieCount(), alsSeconds, threads, factors.dimension());
            System.out.printf(Locale.ROOT, "RESULT ml25m_import_als_s=%.1f peak_heap_mb=%d%n", total, peakHeapMb());
        } finally {
            deleteQuietly(folder);
        }
    }

    /** Skewed like MovieLens: user activity log-normal, movie popularity a power law. Content is random. */
    static void generate(Path folder, int users, int movies, long ratings, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        AtomicFiles.writeStream(folder.resolve("movies.csv"), out -> {
            StringBuilder text = new StringBuilder("movieId,title,genres\n");
            for (int m = 1; m <= movies; m++) {
                text.append(m).append(",\"Movie ").append(m).append(", The (").append(1950 + m % 70).append(")\",Drama|Comedy\n");
            }
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        });
        double[] activity = new double[users];
        double sum = 0;
        for (int u = 0; u < users; u++) {
            activity[u] = Math.exp(random.nextGaussian() * 1.1);
            sum += activity[u];
        }
        try (BufferedWriter out = Files.newBufferedWriter(folder.resolve("ratings.csv"), StandardCharsets.UTF_8)) {
            out.write("userId,movieId,rating,timestamp\n");
            long written = 0;
            StringBuilder line = new StringBuilder(64);
            for (int u = 0; u < users && written < ratings; u++) {
                long count = u == users - 1 ? ratings - written : Math.min(ratings - written, Math.max(1, Math.round(ratings * activity[u] / sum)));
                for (long i = 0; i < count; i++) {
                    int movie = 1 + (int) (movies * Math.pow(random.nextDouble(), 2.5)); // popular movies first
                    int halfStars = 1 + random.nextInt(10);
                    line.setLength(0);
                    line.append(u + 1).append(',').append(Math.min(movie, movies)).append(',').append(halfStars / 2)
                            .append(halfStars % 2 == 0 ? ".0" : ".5").append(',').append(1_000_000_000 + random.nextInt(500_000_000)).append('\n');
                    out.append(line);
                }
                written += count;
            }
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks: an upper bound on the heap in use at any one moment. */
    private static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes >> 20;
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + folder + ": " + e.getMessage());
        }
    }
}
