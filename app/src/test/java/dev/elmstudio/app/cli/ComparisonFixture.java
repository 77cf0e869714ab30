package dev.elmstudio.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny workspace for the Compare tests outside this package: dataset "tiny" (8 films, 6 users), ELM run 1 trained
 * on it, its text-only baseline registered by {@code elm baseline}, and one evaluation of both ({@code elm eval
 * --baseline}, 4 items). Everything is built by the real commands.
 *
 * <p>Unlike {@link ElmFixtures#preparedWorkspace}, each user rates only some films: with every film rated by
 * everyone, implicit-feedback ALS sees the same preference everywhere and every user ranking agrees, so BC would be
 * 1 for any text and the tests could not tell a score from a constant.
 */
public final class ComparisonFixture {
    private ComparisonFixture() {}

    public static Path workspaceWithBaseline(Path parent) throws Exception {
        Path workspace = parent.resolve("ws");
        Path movieLens = ElmFixtures.movieLensFolder(parent);
        StringBuilder ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (int u = 1; u <= ElmFixtures.USERS; u++) {
            for (int m = 1; m <= ElmFixtures.MOVIES; m++) {
                if ((u + m) % 3 != 0) { // 4 of the 6 users rate each film
                    ratings.append(u).append(',').append(m).append(',').append(1 + (u * m) % 5).append(".0,")
                            .append(1_000_000 + u * 100 + m).append('\n');
                }
            }
        }
        Files.writeString(movieLens.resolve("ratings.csv"), ratings);
        ElmFixtures.ok("import", "movielens", movieLens.toString(), "--name", "tiny", "--min-ratings", "1",
                "-w", workspace.toString());
        ElmFixtures.ok("import", "embeddings", ElmFixtures.embeddingsCsv(parent).toString(), "--dataset", "tiny",
                "--name", "vectors", "-w", workspace.toString());
        ElmFixtures.ok("import", "tasks", ElmFixtures.tasksJsonl(parent).toString(), "--dataset", "tiny",
                "-w", workspace.toString());
        BaselineCommandTest.trainTinyElm(workspace);
        ElmFixtures.ok("baseline", "--elm", "1", "--steps", "20", "-w", workspace.toString());
        ElmFixtures.ok("eval", "1", "--baseline", "--limit", "4", "--max-tokens", "8", "-w", workspace.toString());
        return workspace;
    }
}
