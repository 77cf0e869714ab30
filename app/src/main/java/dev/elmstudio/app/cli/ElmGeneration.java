package dev.elmstudio.app.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.elmstudio.engine.cav.Cav;
import dev.elmstudio.engine.data.ImportListener;
import dev.elmstudio.engine.data.MalformedDataException;
import dev.elmstudio.engine.data.embedding.EmbeddingCsv;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.engine.data.embedding.NpyFiles;
import dev.elmstudio.engine.elm.ElmArchive;
import dev.elmstudio.engine.elm.ElmModel;
import dev.elmstudio.engine.elm.PromptTemplate;
import dev.elmstudio.engine.explore.VectorMoves;
import dev.elmstudio.engine.lm.Generation;
import dev.elmstudio.engine.lm.GenerationConfig;
import dev.elmstudio.app.jobs.ElmRunException;
import dev.elmstudio.app.jobs.ElmRunSettings;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.RunKind;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code elm generate --elm}: fills a task prompt's one slot with an entity's vector, or with
 * {@code alpha·v1 + (1 − alpha)·v2} between two entities, and prints what the ELM says. With a run id the vectors
 * come from the run's embedding space, {@code --cav GENRE --strength s} pushes the vector along that genre's
 * concept direction, and the text is recorded in the workspace's generations.
 */
final class ElmGeneration {
    private static final String COMMAND = "generate --elm";

    private final GenerateCommand options;
    private final GenerationConfig config;

    ElmGeneration(GenerateCommand options, GenerationConfig config) {
        this.options = options;
        this.config = config;
    }

    int run(PrintWriter out) throws IOException {
        boolean byEntity = options.entity != null;
        if (byEntity == (options.interpolate != null)) {
            throw new CommandFailure(COMMAND + ": give either --entity ID or --interpolate ID1 ID2");
        }
        if (!Double.isFinite(options.alpha)) {
            throw new CommandFailure(COMMAND + ": --alpha must be a number, got " + options.alpha);
        }
        if (options.cavGenre != null && !Double.isFinite(options.strength)) {
            throw new CommandFailure(COMMAND + ": --strength must be a number, got " + options.strength);
        }
        if (options.elm.matches("\\d+") && !Files.isDirectory(Path.of(options.elm))) {
            return fromRun(Long.parseLong(options.elm), out);
        }
        Path folder = Path.of(options.elm);
        if (!Files.isRegularFile(folder.resolve(ElmArchive.MANIFEST_FILE))) {
            throw new CommandFailure(COMMAND + ": " + folder + " is not an ELM folder (no " + ElmArchive.MANIFEST_FILE + ")");
        }
        if (options.embeddings == null) {
            throw new CommandFailure(COMMAND + ": an ELM folder needs --embeddings FILE with the vectors of its space");
        }
        if (options.cavGenre != null) {
            throw new CommandFailure(COMMAND + ": --cav needs the run's dataset for genre labels: pass a run id and --workspace");
        }
        String text = generate(folder, readEmbeddings(options.embeddings), null, out);
        return text == null ? 1 : 0;
    }

    private int fromRun(long runId, PrintWriter out) throws IOException {
        if (options.workspaceFolder == null) {
            throw new CommandFailure(COMMAND + " " + runId + ": a run id needs --workspace");
        }
        try (Workspace workspace = Workspace.open(options.workspaceFolder)) {
            Run run = workspace.runs().get(runId).orElseThrow(() -> new CommandFailure(COMMAND + ": no run " + runId
                    + " in " + workspace.folder() + " (see 'elm runs')"));
            if (run.kind() != RunKind.ELM) {
                throw new CommandFailure(COMMAND + ": run " + runId + " is a pretraining run; use generate --model");
            }
            Path folder = TrainCommand.runFolder(workspace, runId).resolve(TrainCommand.ELM_FOLDER);
            if (!Files.isRegularFile(folder.resolve(ElmArchive.MANIFEST_FILE))) {
                throw new CommandFailure(COMMAND + ": run " + runId + " has no finished model (status "
                        + run.status().dbValue() + "); finish it with 'elm train --resume " + runId + "'");
            }
            ElmRunSettings settings = settings(run.configJson(), runId);
            Dataset dataset = WorkspaceDatasets.require(workspace, COMMAND, settings.dataset());
            EmbeddingSpace space = WorkspaceDatasets.loadSpace(
                    WorkspaceDatasets.requireSpace(workspace, COMMAND, dataset, settings.space()), COMMAND);
            Cav cav = options.cavGenre == null ? null : GenreCav.train(COMMAND, WorkspaceDatasets.load(dataset, COMMAND),
                    space, options.cavGenre, 0);
            String text = generate(folder, space, cav, out);
            workspace.generations().create(runId, null, inputJson(), text);
            return 0;
        }
    }

    /** Prints and returns the generated text. */
    private String generate(Path folder, EmbeddingSpace space, Cav cav, PrintWriter out) throws IOException {
        float[] point = options.entity != null ? vectorOf(space, options.entity)
                : mix(vectorOf(space, options.interpolate.get(0)), vectorOf(space, options.interpolate.get(1)), options.alpha);
        float[] vector = cav == null ? point : GenreCav.shift(point, cav, options.strength);
        try (ElmModel model = ElmArchive.load(folder, options.device())) {
            PromptTemplate template = template(model);
            if (template.slots().size() != 1) {
                throw new CommandFailure(COMMAND + ": task '" + options.task + "' has " + template.slots().size()
                        + " slots; choose a task with one slot (--task)");
            }
            int adapterInput = model.spaces().values().iterator().next().inputDim();
            if (adapterInput != space.dimension()) {
                throw new CommandFailure(COMMAND + ": the vectors have dimension " + space.dimension()
                        + " but the ELM's adapter reads " + adapterInput);
            }
            int[] printed = {0};
            Generation generation = model.generate(template, Map.of(template.slots().get(0), vector), config,
                    (id, text) -> {
                        out.print(text.substring(Math.min(printed[0], text.length())));
                        out.flush();
                        printed[0] = text.length();
                        return true;
                    });
            out.println(generation.text().substring(Math.min(printed[0], generation.text().length())));
            out.flush();
            return generation.text();
        }
    }

    private PromptTemplate template(ElmModel model) {
        if (model.templates().isEmpty()) {
            throw new CommandFailure(COMMAND + ": the ELM has no prompt templates to generate with");
        }
        if (options.task == null) {
            options.task = model.templates().keySet().iterator().next();
        }
        PromptTemplate template = model.templates().get(options.task);
        if (template == null) {
            throw new CommandFailure(COMMAND + ": the ELM has no task '" + options.task + "' (it has "
                    + String.join(", ", model.templates().keySet()) + ")");
        }
        return template;
    }

    private static float[] vectorOf(EmbeddingSpace space, int id) {
        int row = space.rowOf(id);
        if (row < 0) {
            throw new CommandFailure(COMMAND + ": entity " + id + " has no vector in space '" + space.name() + "'");
        }
        return space.vector(row);
    }

    /** alpha·a + (1 − alpha)·b: alpha = 1 is the first entity, 0 the second. */
    static float[] mix(float[] a, float[] b, double alpha) {
        return VectorMoves.between(b, a, alpha);
    }

    private String inputJson() {
        JsonObject input = new JsonObject();
        input.addProperty("task", options.task);
        if (options.entity != null) {
            input.addProperty("entity", options.entity);
        } else {
            JsonArray ids = new JsonArray();
            options.interpolate.forEach(ids::add);
            input.add("interpolate", ids);
            input.addProperty("alpha", options.alpha);
        }
        if (options.cavGenre != null) {
            input.addProperty("cav", "genre:" + options.cavGenre);
            input.addProperty("strength", options.strength);
        }
        return input.toString();
    }

    private static EmbeddingSpace readEmbeddings(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CommandFailure(COMMAND + ": embeddings file not found: " + file);
        }
        try {
            return file.toString().endsWith(".csv") ? EmbeddingCsv.read("vectors", file, 0, ImportListener.NONE)
                    : NpyFiles.read("vectors", file, 0);
        } catch (MalformedDataException | IOException | IllegalArgumentException e) {
            throw new CommandFailure(COMMAND + ": " + e.getMessage(), e);
        }
    }

    private static ElmRunSettings settings(String json, long runId) {
        try {
            return ElmRunSettings.fromJson(json, runId);
        } catch (ElmRunException e) {
            throw new CommandFailure(COMMAND + ": " + e.getMessage(), e);
        }
    }
}
