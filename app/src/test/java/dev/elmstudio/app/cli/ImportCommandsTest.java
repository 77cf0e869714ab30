package dev.elmstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.EmbeddingSpaceRecord;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandsTest {
    @TempDir
    Path folder;

    @Test
    void importingMovieLensEmbeddingsAndTasksRecordsThemInTheWorkspace() throws Exception {
        Path workspaceFolder = ElmFixtures.preparedWorkspace(folder);

        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            Dataset dataset = workspace.datasets().findByName("tiny").orElseThrow();
            assertEquals("movielens", dataset.kind());
            assertTrue(Files.isRegularFile(dataset.path().resolve("catalogue.json")), "dataset folder written");
            var stats = JsonParser.parseString(dataset.statsJson()).getAsJsonObject();
            assertEquals(ElmFixtures.MOVIES, stats.get("movies").getAsInt());
            assertEquals(ElmFixtures.USERS, stats.get("users").getAsInt());
            assertEquals(ElmFixtures.MOVIES, stats.get("tasks").getAsInt());
            EmbeddingSpaceRecord space = workspace.embeddingSpaces().find(dataset.id(), "vectors").orElseThrow();
            assertEquals(ElmFixtures.DIMENSION, space.dimension());
            assertEquals(ElmFixtures.MOVIES, space.count());
            assertEquals("imported", space.kind());
            assertTrue(Files.isRegularFile(space.path()));
        }
    }

    @Test
    void aMissingFolderIsRefusedAndChangesNothing() throws Exception {
        Path workspace = ElmFixtures.preparedWorkspace(folder);
        String before = ElmFixtures.fingerprint(workspace);

        CliRun run = CliRun.execute("import", "movielens", folder.resolve("nope").toString(), "-w", workspace.toString());

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("folder not found") && run.err().contains("nope"), run::toString);
        assertEquals(before, ElmFixtures.fingerprint(workspace));
    }

    @Test
    void wrongColumnsAreRefusedNamingTheFileAndChangeNothing() throws Exception {
        Path workspace = ElmFixtures.preparedWorkspace(folder);
        Path bad = Files.createDirectories(folder.resolve("bad"));
        Files.writeString(bad.resolve("movies.csv"), "movieId,title,genres\n1,A (1990),Drama\n");
        Files.writeString(bad.resolve("ratings.csv"), "user,film,stars\n1,1,4\n");
        String before = ElmFixtures.fingerprint(workspace);

        CliRun run = CliRun.execute("import", "movielens", bad.toString(), "-w", workspace.toString());

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("ratings.csv"), run::toString);
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertEquals(before, ElmFixtures.fingerprint(workspace));
    }

    @Test
    void aVectorOfTheWrongDimensionIsRefusedWithItsLineAndChangesNothing() throws Exception {
        Path workspace = ElmFixtures.preparedWorkspace(folder);
        Path vectors = folder.resolve("short.csv");
        Files.writeString(vectors, "id,x0,x1,x2,x3\n1,0.1,0.2,0.3,0.4\n2,0.1,0.2,0.3\n");
        String before = ElmFixtures.fingerprint(workspace);

        CliRun run = CliRun.execute("import", "embeddings", vectors.toString(), "--dataset", "tiny", "--name", "short",
                "-w", workspace.toString());

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("short.csv line 3"), run::toString);
        assertEquals(before, ElmFixtures.fingerprint(workspace));
    }

    @Test
    void anUnknownIdIsRefusedWithItsLineAndChangesNothing() throws Exception {
        Path workspace = ElmFixtures.preparedWorkspace(folder);
        Path vectors = folder.resolve("stranger.csv");
        Files.writeString(vectors, "id,x0,x1\n1,0.1,0.2\n999,0.1,0.2\n");
        Path tasks = folder.resolve("stranger.jsonl");
        Files.writeString(tasks, "{\"task\":\"summary\",\"slots\":{\"movie\":1},\"prompt\":\"{movie}\",\"target\":\"a\"}\n"
                + "{\"task\":\"summary\",\"slots\":{\"movie\":999},\"prompt\":\"{movie}\",\"target\":\"b\"}\n");
        String before = ElmFixtures.fingerprint(workspace);

        CliRun vectorRun = CliRun.execute("import", "embeddings", vectors.toString(), "--dataset", "tiny", "--name",
                "stranger", "-w", workspace.toString());
        CliRun taskRun = CliRun.execute("import", "tasks", tasks.toString(), "--dataset", "tiny", "-w", workspace.toString());

        assertEquals(1, vectorRun.exitCode(), vectorRun::toString);
        assertTrue(vectorRun.err().contains("stranger.csv line 3: id 999"), vectorRun::toString);
        assertEquals(1, taskRun.exitCode(), taskRun::toString);
        assertTrue(taskRun.err().contains("stranger.jsonl line 2") && taskRun.err().contains("999"), taskRun::toString);
        assertEquals(before, ElmFixtures.fingerprint(workspace));
    }

    @Test
    void anUnknownDatasetIsAClearError() throws Exception {
        Path workspace = ElmFixtures.preparedWorkspace(folder);
        CliRun run = CliRun.execute("import", "tasks", ElmFixtures.tasksJsonl(folder).toString(), "--dataset", "other",
                "-w", workspace.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("no dataset 'other'"), run::toString);
    }
}
