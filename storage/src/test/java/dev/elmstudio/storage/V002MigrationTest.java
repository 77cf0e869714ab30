package dev.elmstudio.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V002 adds datasets, spaces, evaluations and generations without touching what V001 databases hold. */
class V002MigrationTest {

    @TempDir
    Path folder;

    @Test
    void openingAVersion1WorkspaceWithDataKeepsEveryRowAndAddsTheNewTables() throws Exception {
        Path db = folder.resolve(Workspace.DATABASE_FILE);
        Path weights = folder.resolve("checkpoints/w.safetensors");
        Files.createDirectories(weights.getParent());
        Files.write(weights, new byte[] {1, 2, 3});
        // Build the V001 schema and fill it through the V001 repositories, as an older ELM Studio did.
        try (Connection connection = SqliteConnections.openReadWrite(db)) {
            Migrator.migrateTo(connection, db, 1);
            RunRepository runs = new RunRepository(connection);
            long id = runs.create(RunKind.PRETRAIN, "old", "{\"layers\":2}", null).id();
            new MetricRepository(connection).append(id, List.of(new Metric(1, "loss", 2.5), new Metric(2, "loss", 2.0)));
            new CheckpointRepository(connection, folder).record(id, null, 2, weights);
            runs.updateStatus(id, RunStatus.FINISHED);
            assertEquals(1, Migrator.schemaVersion(connection, db));
        }

        try (Workspace workspace = Workspace.open(folder)) {
            Run run = workspace.runs().list().get(0);
            assertEquals("old", run.name());
            assertEquals(RunStatus.FINISHED, run.status());
            assertEquals(List.of(2.5, 2.0), workspace.metrics().series(run.id(), "loss").stream().map(Metric::value).toList());
            Checkpoint checkpoint = workspace.checkpoints().latest(run.id()).orElseThrow();
            CheckpointFiles.verify(checkpoint.path(), checkpoint.sha256());

            Dataset dataset = workspace.datasets().create("ml", "movielens", folder.resolve("datasets/ml"), "{}");
            workspace.embeddingSpaces().create(dataset.id(), "movies", "imported", 8, 3, folder.resolve("datasets/ml/m.npy"));
            assertEquals(1, workspace.embeddingSpaces().list(dataset.id()).size());
        }
    }

    @Test
    void datasetsAndSpacesRoundTripWithWorkspaceRelativePaths() {
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            Dataset created = workspace.datasets().create("ml", "movielens", folder.resolve("datasets/ml"), "{\"movies\":3}");
            workspace.datasets().updateStats(created.id(), "{\"movies\":3,\"tasks\":5}");
            Dataset read = workspace.datasets().findByName("ml").orElseThrow();
            assertEquals(folder.resolve("datasets/ml").toAbsolutePath().normalize(), read.path());
            assertEquals("{\"movies\":3,\"tasks\":5}", read.statsJson());

            EmbeddingSpaceRecord space = workspace.embeddingSpaces()
                    .create(created.id(), "movies", "behavioral", 16, 3, folder.resolve("datasets/ml/movies.npy"));
            assertEquals(space, workspace.embeddingSpaces().find(created.id(), "movies").orElseThrow());
            assertThrows(StorageException.class, () -> workspace.datasets().create("ml", "demo", folder, "{}"),
                    "dataset names are unique");
            assertThrows(StorageException.class, () -> workspace.embeddingSpaces()
                    .create(created.id(), "movies", "semantic", 4, 3, folder.resolve("x.npy")));
            assertThrows(StorageException.class, () -> workspace.embeddingSpaces()
                    .create(created.id(), "bad", "learned", 4, 3, folder.resolve("x.npy")), "unknown kind");
        }
    }

    @Test
    void evalResultsAndGenerationsRoundTrip() {
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            long runId = workspace.runs().create(RunKind.ELM, "movies", "{}", 1).id();
            EvalRun eval = workspace.evals().create(runId, "held-out", "{}");
            workspace.evals().appendResults(eval.id(), List.of(
                    new EvalResult("summary", "12", "sc", 0.75, "a quiet drama"),
                    new EvalResult("summary", "13", "sc", 0.5, null)));
            workspace.evals().updateStatus(eval.id(), RunStatus.FINISHED);
            assertEquals(RunStatus.FINISHED, workspace.evals().get(eval.id()).orElseThrow().status());
            List<EvalResult> results = workspace.evals().results(eval.id());
            assertEquals("a quiet drama", results.get(0).outputText());
            assertNull(results.get(1).outputText());
            EvalRun later = workspace.evals().create(runId, "again", "{}");
            workspace.evals().create(null, "a model folder", "{}");
            assertEquals(List.of(later.id(), eval.id()),
                    workspace.evals().forRun(runId).stream().map(EvalRun::id).toList(), "the run's own, newest first");

            Generation generation = workspace.generations().create(runId, null, "{\"entity\":12}", "text");
            assertEquals(List.of(generation), workspace.generations().listForRun(runId));
        }
    }
}
