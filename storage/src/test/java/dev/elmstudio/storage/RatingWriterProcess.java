package dev.elmstudio.storage;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Test child process: records distinct answers forever, printing the count after each commit. */
public final class RatingWriterProcess {
    private RatingWriterProcess() {}

    public static void main(String[] args) {
        try (Workspace workspace = Workspace.open(Path.of(args[0]))) {
            List<RatingItem> items = workspace.ratings().items(Long.parseLong(args[1]));
            for (int n = 1; ; n++) {
                RatingItem item = items.get(n % items.size());
                // Rater id n makes every answer a new row, so counts can be compared exactly.
                workspace.ratings().record(new Rating(item.id(), "rater-" + n, "left", 1 + n % 3, 1 + n % 5, null,
                        Instant.now()));
                System.out.println("committed " + n);
                System.out.flush();
            }
        }
    }
}
