package dev.elmstudio.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricRepositoryTest {

    @TempDir
    Path folder;

    @Test
    void seriesComeBackInStepOrderAndLatestValuesPerName() {
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            long runId = workspace.runs().create(RunKind.PRETRAIN, "tiny", "{}", null).id();
            workspace.metrics().append(runId, List.of(
                    new Metric(2, "loss", 3.0), new Metric(1, "loss", 4.0), new Metric(2, "lr", 0.001)));
            workspace.metrics().append(runId, List.of(new Metric(3, "loss", 2.5)));

            assertEquals(List.of(new Metric(1, "loss", 4.0), new Metric(2, "loss", 3.0), new Metric(3, "loss", 2.5)),
                    workspace.metrics().series(runId, "loss"));
            assertEquals(List.of(new Metric(3, "loss", 2.5), new Metric(2, "lr", 0.001)),
                    workspace.metrics().latestValues(runId));
        }
    }

    @Test
    void aReaderDoesNotSeeABatchThatIsHalfWritten() throws Exception {
        try (Workspace writer = Workspace.openOrCreate(folder);
                Workspace reader = Workspace.openReadOnly(folder)) {
            long runId = writer.runs().create(RunKind.PRETRAIN, "tiny", "{}", null).id();
            writer.metrics().append(runId, losses(0, 50));

            CountDownLatch halfWritten = new CountDownLatch(1);
            CountDownLatch readerLooked = new CountDownLatch(1);
            List<Metric> secondBatch = pausingAfter(25, losses(50, 50), halfWritten, readerLooked);
            CompletableFuture<Void> writing =
                    CompletableFuture.runAsync(() -> writer.metrics().append(runId, secondBatch));

            assertTrue(halfWritten.await(10, TimeUnit.SECONDS), "writer never reached the middle of its batch");
            int seenMidBatch = reader.metrics().series(runId, "loss").size();
            readerLooked.countDown();
            writing.get(10, TimeUnit.SECONDS);

            assertEquals(50, seenMidBatch, "the reader saw rows of an uncommitted batch");
            assertEquals(100, reader.metrics().series(runId, "loss").size());
        }
    }

    @Test
    void aReaderSeesOnlyWholeBatchesWhileTheWriterKeepsWriting() throws Exception {
        int batches = 100;
        int batchSize = 20;
        try (Workspace writer = Workspace.openOrCreate(folder);
                Workspace reader = Workspace.openReadOnly(folder)) {
            long runId = writer.runs().create(RunKind.PRETRAIN, "tiny", "{}", null).id();
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                for (int b = 0; b < batches; b++) {
                    writer.metrics().append(runId, losses(b * batchSize, batchSize));
                }
            });

            List<Integer> seen = new ArrayList<>();
            while (!writing.isDone()) {
                seen.add(reader.metrics().series(runId, "loss").size());
            }
            writing.get();
            seen.add(reader.metrics().series(runId, "loss").size());

            for (int i = 0; i < seen.size(); i++) {
                assertEquals(0, seen.get(i) % batchSize, "partial batch visible: " + seen.get(i) + " rows");
                assertTrue(i == 0 || seen.get(i) >= seen.get(i - 1), "rows disappeared: " + seen);
            }
            assertEquals(batches * batchSize, seen.get(seen.size() - 1));
        }
    }

    private static List<Metric> losses(int firstStep, int count) {
        List<Metric> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(new Metric(firstStep + i, "loss", 1.0 / (firstStep + i + 1)));
        }
        return batch;
    }

    /**
     * A list that, when the writer asks for element {@code pauseAt} (so {@code pauseAt} rows are
     * already inserted in its open transaction), signals {@code reached} and waits for {@code resume}.
     */
    private static List<Metric> pausingAfter(
            int pauseAt, List<Metric> metrics, CountDownLatch reached, CountDownLatch resume) {
        return new AbstractList<>() {
            @Override
            public Metric get(int index) {
                if (index == pauseAt) {
                    reached.countDown();
                    try {
                        if (!resume.await(10, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("reader never looked");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
                return metrics.get(index);
            }

            @Override
            public int size() {
                return metrics.size();
            }
        };
    }
}
