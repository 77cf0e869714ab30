package dev.elmstudio.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.engine.data.embedding.NpyFiles;
import dev.elmstudio.engine.elm.ElmArchive;
import dev.elmstudio.engine.elm.ElmModel;
import dev.elmstudio.engine.lm.GenerationConfig;
import dev.elmstudio.storage.BaseModel;
import dev.elmstudio.storage.Checkpoint;
import dev.elmstudio.storage.CheckpointFiles;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.EmbeddingSpaceRecord;
import dev.elmstudio.storage.EvalRun;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.RunKind;
import dev.elmstudio.storage.RunStatus;
import dev.elmstudio.storage.StorageException;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo workspace built from the committed assets, as the app's first run builds it. */
class DemoWorkspaceTest {
    @TempDir
    static Path temp;
    static DemoAssets assets;
    static DemoWorkspace.Opened demo;

    @BeforeAll
    static void build() throws IOException {
        assets = CommittedAssets.demo();
        demo = DemoWorkspace.openOrBuild(assets, temp.resolve("demo"));
    }

    @Test
    void holdsTheDemoDatasetWithTheShippedSpaceAndTasks() throws IOException {
        try (Workspace ws = Workspace.openReadOnly(demo.folder())) {
            Dataset dataset = ws.datasets().findByName(DemoWorkspace.DATASET).orElseThrow();
            EmbeddingSpaceRecord space = ws.embeddingSpaces().find(dataset.id(), "movies-behavioral").orElseThrow();
            assertEquals("behavioral", space.kind());
            EmbeddingSpace shipped = NpyFiles.read("shipped", assets.space(), 0);
            EmbeddingSpace stored = NpyFiles.read("stored", space.path(), 0);
            assertEquals(shipped.size(), space.count());
            assertTrue(java.util.Arrays.equals(shipped.vectors(), stored.vectors()), "the space must be the shipped one");
            assertTrue(Files.size(dataset.path().resolve("tasks.jsonl")) > 1_000_000);
            assertTrue(Files.isRegularFile(dataset.path().resolve("tasks-held-out.jsonl")));
        }
    }

    @Test
    void holdsTheShippedSemanticSpaceOfTheSameFilmsForSc() throws IOException {
        try (Workspace ws = Workspace.openReadOnly(demo.folder())) {
            Dataset dataset = ws.datasets().findByName(DemoWorkspace.DATASET).orElseThrow();
            EmbeddingSpaceRecord semantic = ws.embeddingSpaces().find(dataset.id(), "movies-semantic").orElseThrow();
            assertEquals("semantic", semantic.kind(), "Explore and Compare find SC's space by its kind");
            assertEquals(dev.elmstudio.engine.encode.MiniLmEncoder.DIMENSION, semantic.dimension());
            EmbeddingSpace stored = NpyFiles.read("stored", semantic.path(), 0);
            EmbeddingSpace shipped = NpyFiles.read("shipped", assets.semanticSpace(), 0);
            EmbeddingSpace behavioral = NpyFiles.read("behavioral", assets.space(), 0);
            assertTrue(java.util.Arrays.equals(shipped.vectors(), stored.vectors()), "the space must be the shipped one");
            assertEquals(java.util.Arrays.stream(behavioral.ids()).sorted().boxed().toList(),
                    java.util.Arrays.stream(stored.ids()).sorted().boxed().toList(), "the same films as the behavioral space");
            // a real MiniLM mean of two sentence embeddings: unit-length inputs, so the mean's norm is in (0.5, 1]
            float[] v = stored.byId().apply(demo.focusMovieId());
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            assertTrue(Math.sqrt(norm) > 0.5 && Math.sqrt(norm) <= 1.0001, "norm " + Math.sqrt(norm));
        }
    }

    @Test
    void theElmIsAFinishedRunWhoseCheckpointFilesVerify() {
        try (Workspace ws = Workspace.openReadOnly(demo.folder())) {
            Run run = ws.runs().get(demo.elmRunId()).orElseThrow();
            assertEquals(RunKind.ELM, run.kind());
            assertEquals(RunStatus.FINISHED, run.status());
            JsonObject config = JsonParser.parseString(run.configJson()).getAsJsonObject();
            assertEquals(DemoWorkspace.DATASET, config.get("dataset").getAsString());
            BaseModel base = ws.baseModels().findByName(DemoWorkspace.BASE_MODEL).orElseThrow();
            assertEquals(base.path(), Path.of(config.get("baseModel").getAsString()));
            int steps = config.get("stage1Steps").getAsInt() + config.get("stage2Steps").getAsInt();
            assertEquals(steps, ws.metrics().series(run.id(), "loss").size(), "the training curve, step by step");
            List<Checkpoint> checkpoints = ws.checkpoints().list(run.id());
            assertTrue(checkpoints.size() >= 2, checkpoints.toString()); // LM weights, adapter (and LoRA)
            for (Checkpoint c : checkpoints) {
                CheckpointFiles.verify(c);
                assertEquals(c.sizeBytes(), c.path().toFile().length());
                assertTrue(c.path().startsWith(demo.folder()), c.path().toString());
            }
        }
    }

    @Test
    void theBaselineIsABaseModelNamingItsElmRun() {
        try (Workspace ws = Workspace.openReadOnly(demo.folder())) {
            BaseModel baseline = ws.baseModels().findByName(DemoWorkspace.BASELINE_MODEL).orElseThrow();
            JsonObject config = JsonParser.parseString(baseline.configJson()).getAsJsonObject();
            assertEquals("text-only-baseline", config.get("role").getAsString());
            assertEquals(demo.elmRunId(), config.get("elm_run_id").getAsLong());
            assertEquals("title_with_year", config.get("slot_text").getAsString());
            assertTrue(Files.isRegularFile(baseline.path().resolve("model.safetensors")));
            assertTrue(Files.isRegularFile(baseline.path().resolve("tokenizer.json")));
        }
    }

    @Test
    void theEvaluationReportIsRecordedForTheElmAndTheBaseline() {
        try (Workspace ws = Workspace.openReadOnly(demo.folder())) {
            List<EvalRun> evals = java.util.stream.LongStream.rangeClosed(1, 10).mapToObj(id -> ws.evals().get(id))
                    .flatMap(java.util.Optional::stream).toList();
            EvalRun elmEval = evals.stream().filter(e -> Long.valueOf(demo.elmRunId()).equals(e.runId())).findFirst()
                    .orElseThrow();
            assertEquals(RunStatus.FINISHED, elmEval.status());
            var results = ws.evals().results(elmEval.id());
            assertTrue(results.stream().anyMatch(r -> r.metric().equals("sc")), "SC per item");
            assertTrue(results.stream().anyMatch(r -> r.metric().equals("bc_ndcg")), "BC per item");
            assertTrue(results.stream().allMatch(r -> r.outputText() != null));
            assertTrue(evals.stream().anyMatch(e -> e.configJson().contains("\"model\":\"baseline\"")
                    && !ws.evals().results(e.id()).isEmpty()), "the baseline's scores");
        }
    }

    @Test
    void theElmLoadsFromItsRunFolderAndDescribesTheFeaturedFilm() throws IOException {
        Path elmFolder;
        float[] vector;
        try (Workspace ws = Workspace.openReadOnly(demo.folder())) {
            elmFolder = ws.checkpointsFolder().resolve("run-" + demo.elmRunId()).resolve("elm");
            Dataset dataset = ws.datasets().findByName(DemoWorkspace.DATASET).orElseThrow();
            EmbeddingSpaceRecord space = ws.embeddingSpaces().find(dataset.id(), "movies-behavioral").orElseThrow();
            vector = NpyFiles.read(space.name(), space.path(), 0).byId().apply(demo.focusMovieId());
        }
        assertTrue(demo.focusTitle().contains("("), demo.focusTitle());
        try (ElmModel elm = ElmArchive.load(elmFolder, Device.cpu())) {
            var template = elm.templates().get("summary");
            String slot = template.slots().get(0);
            String text = elm.generate(template, Map.of(slot, vector), GenerationConfig.greedy(48), null).text();
            assertFalse(text.isBlank());
            assertTrue(text.contains(" film") || text.contains("movie"), text);
        }
    }

    @Test
    void aSecondOpenReusesTheWorkspaceAndADamagedOneIsRebuilt() throws IOException {
        Path folder = temp.resolve("reuse");
        DemoWorkspace.Opened first = DemoWorkspace.openOrBuild(assets, folder);
        long builtAt = Files.getLastModifiedTime(folder.resolve(DemoWorkspace.MARKER_FILE)).toMillis();
        DemoWorkspace.Opened again = DemoWorkspace.openOrBuild(assets, folder);
        assertEquals(first, again);
        assertEquals(builtAt, Files.getLastModifiedTime(folder.resolve(DemoWorkspace.MARKER_FILE)).toMillis());

        Path adapters = folder.resolve("checkpoints").resolve("run-" + first.elmRunId()).resolve("elm")
                .resolve(ElmArchive.ADAPTERS_FILE);
        byte[] bytes = Files.readAllBytes(adapters);
        bytes[bytes.length - 1] ^= 1;
        Files.write(adapters, bytes);
        assertThrows(StorageException.class, () -> {
            try (Workspace ws = Workspace.openReadOnly(folder)) {
                ws.checkpoints().list(first.elmRunId()).forEach(CheckpointFiles::verify);
            }
        });
        DemoWorkspace.Opened rebuilt = DemoWorkspace.openOrBuild(assets, folder);
        try (Workspace ws = Workspace.openReadOnly(rebuilt.folder())) {
            ws.checkpoints().list(rebuilt.elmRunId()).forEach(CheckpointFiles::verify);
        }
        try (var siblings = Files.list(temp)) {
            assertTrue(siblings.anyMatch(p -> p.getFileName().toString().startsWith("reuse.previous-")),
                    "the damaged workspace is moved aside, not deleted");
        }
    }

    @Test
    void aFolderHoldingSomethingElseIsRefused() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("busy"));
        Files.writeString(folder.resolve("notes.txt"), "mine");
        IOException e = assertThrows(IOException.class, () -> DemoWorkspace.openOrBuild(assets, folder));
        assertTrue(e.getMessage().contains("is not a demo workspace"), e.getMessage());
        assertEquals("mine", Files.readString(folder.resolve("notes.txt")));
        assertNotEquals(0, Files.size(folder.resolve("notes.txt")));
    }
}
