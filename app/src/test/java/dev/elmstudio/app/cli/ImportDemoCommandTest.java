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

class ImportDemoCommandTest {
    /** Maven runs the app's tests in app/; the committed catalogue is at the repository root. */
    private static final Path ASSETS = Path.of("..", "assets");

    @TempDir
    Path folder;

    @Test
    void demoImportRecordsTheWorldItsBehavioralSpaceAndTasks() {
        assertTrue(Files.isRegularFile(ASSETS.resolve("demo/films.jsonl")), "missing asset " + ASSETS.resolve("demo/films.jsonl"));
        Path workspaceFolder = folder.resolve("ws");

        ElmFixtures.ok("import", "demo", "--assets", ASSETS.toString(), "--viewers", "200", "--seed", "5",
                "-w", workspaceFolder.toString());

        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            Dataset demo = workspace.datasets().findByName("demo").orElseThrow();
            assertEquals("demo", demo.kind());
            assertTrue(JsonParser.parseString(demo.statsJson()).getAsJsonObject().get("tasks").getAsInt() > 0);
            assertTrue(Files.isRegularFile(demo.path().resolve(WorkspaceDatasets.TASKS_FILE)));
            EmbeddingSpaceRecord space = workspace.embeddingSpaces()
                    .find(demo.id(), ImportDemoCommand.BEHAVIORAL_SPACE).orElseThrow();
            assertEquals("behavioral", space.kind());
            assertTrue(space.count() > 0 && Files.isRegularFile(space.path()));
        }
    }

    @Test
    void heldOutFilmsLeaveTheTrainingTasksAndTheCorpusKeepsTheirTexts() throws Exception {
        Path workspaceFolder = folder.resolve("ws");
        Path corpus = folder.resolve("corpus.txt");
        ElmFixtures.ok("import", "demo", "--assets", ASSETS.toString(), "--viewers", "200", "--seed", "5",
                "--held-out", "20", "--corpus", corpus.toString(), "-w", workspaceFolder.toString());
        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            Path data = workspace.datasets().findByName("demo").orElseThrow().path();
            var train = dev.elmstudio.engine.data.task.TaskJsonl.read(data.resolve(WorkspaceDatasets.TASKS_FILE));
            var heldOut = dev.elmstudio.engine.data.task.TaskJsonl.read(data.resolve(ImportDemoCommand.HELD_OUT_TASKS_FILE));
            java.util.Set<Integer> heldFilms = new java.util.HashSet<>();
            heldOut.forEach(t -> heldFilms.addAll(t.slots().values()));
            assertEquals(20, heldFilms.size());
            assertTrue(train.stream().noneMatch(t -> t.slots().values().stream().anyMatch(heldFilms::contains)),
                    "a training task names a held-out film");
            String text = Files.readString(corpus);
            var summary = heldOut.stream().filter(t -> t.task().equals("summary")).findFirst().orElseThrow();
            assertTrue(text.contains(summary.target()), "the base LM reads held-out films' texts too");
            var pair = heldOut.stream().filter(t -> t.task().equals("interpolation")).findFirst().orElseThrow();
            assertTrue(!text.contains(pair.target()), "but not the held-out pairs' texts");
            assertTrue(!text.contains("\n\n\n"), "one blank line between documents");
        }
    }

    @Test
    void semanticEncodesEachFilmsTextsWithMiniLm() throws Exception {
        // 40 of the committed films, so encoding takes seconds
        Path assets = folder.resolve("assets");
        Files.createDirectories(assets.resolve("demo"));
        Files.write(assets.resolve("demo/films.jsonl"), Files.readAllLines(ASSETS.resolve("demo/films.jsonl")).subList(0, 40));
        Path workspaceFolder = folder.resolve("ws");
        ElmFixtures.ok("import", "demo", "--assets", assets.toString(), "--viewers", "300", "--seed", "5", "--semantic",
                "-w", workspaceFolder.toString());
        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            Dataset demo = workspace.datasets().findByName("demo").orElseThrow();
            EmbeddingSpaceRecord semantic = workspace.embeddingSpaces().find(demo.id(), DemoImport.SEMANTIC_SPACE).orElseThrow();
            EmbeddingSpaceRecord behavioral = workspace.embeddingSpaces().find(demo.id(), DemoImport.BEHAVIORAL_SPACE).orElseThrow();
            assertEquals("semantic", semantic.kind());
            assertEquals(dev.elmstudio.engine.encode.MiniLmEncoder.DIMENSION, semantic.dimension());
            assertEquals(behavioral.count(), semantic.count(), "one vector per film of the world");
            var space = dev.elmstudio.engine.data.embedding.NpyFiles.read("s", semantic.path(), 0);
            int id = space.ids()[0];
            var film = dev.elmstudio.engine.data.demo.FilmsFile.read(assets.resolve("demo/films.jsonl")).stream()
                    .filter(f -> f.id() == id).findFirst().orElseThrow();
            var texts = dev.elmstudio.engine.data.task.TaskGenerator.describingTexts(
                    dev.elmstudio.engine.data.task.MovieFacts.of(film));
            var encoded = new dev.elmstudio.engine.encode.MiniLmEncoder().encode(texts);
            float[] stored = space.byId().apply(id);
            for (int i = 0; i < stored.length; i++) {
                assertEquals((encoded.get(0)[i] + encoded.get(1)[i]) / 2, stored[i], 1e-5, "the mean of its texts' embeddings");
            }
        }
    }

    @Test
    void readyMadeSemanticVectorsOfAnotherWidthAreRefusedNamingTheFile() {
        Path workspaceFolder = folder.resolve("ws");
        Path behavioral = ASSETS.resolve("demo/space/movies-behavioral.npy");
        CliRun run = CliRun.execute("import", "demo", "--assets", ASSETS.toString(), "--viewers", "200",
                "--semantic-space", behavioral.toString(), "-w", workspaceFolder.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("movies-behavioral.npy"), run::toString);
    }

    @Test
    void aMissingAssetsFolderIsNamedAndCreatesNoWorkspace() {
        Path workspaceFolder = folder.resolve("ws");
        CliRun run = CliRun.execute("import", "demo", "--assets", folder.resolve("nowhere").toString(),
                "-w", workspaceFolder.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("films.jsonl") && run.err().contains("--assets"), run::toString);
        assertTrue(Files.notExists(workspaceFolder));
    }
}
