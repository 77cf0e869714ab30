package dev.elmstudio.app.compare;

import ai.djl.Device;
import dev.elmstudio.engine.cav.ConceptLabels;
import dev.elmstudio.engine.data.DatasetFiles;
import dev.elmstudio.engine.data.Movie;
import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.engine.data.embedding.NpyFiles;
import dev.elmstudio.engine.data.task.TaskPrompts;
import dev.elmstudio.engine.elm.ElmArchive;
import dev.elmstudio.engine.elm.ElmModel;
import dev.elmstudio.engine.elm.PromptTemplate;
import dev.elmstudio.engine.elm.TextOnlyPrompt;
import dev.elmstudio.engine.encode.TextEncoder;
import dev.elmstudio.engine.eval.Vectors;
import dev.elmstudio.engine.explore.ConceptDirections;
import dev.elmstudio.engine.explore.VectorMoves;
import dev.elmstudio.engine.lm.GenerationConfig;
import dev.elmstudio.engine.lm.TokenListener;
import dev.elmstudio.storage.BaseModel;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.EmbeddingSpaceRecord;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An ELM run and its text-only baseline loaded side by side, answering the same input (a film, an interpolation
 * between two films, a film shifted along a genre's CAV) and scoring both answers with the same SC/BC reference.
 * Each answer says what its model actually received, because the baseline cannot take what the ELM takes:
 * <ul>
 *   <li>entity: the baseline's prompt names the film ("Title (year)") where the ELM's slot takes its vector;</li>
 *   <li>interpolation: the ELM describes (1 − t)·A + t·B with the entity task; the baseline answers the
 *       interpolation prompt naming both films, the same text for every t (as in the demo evaluation);</li>
 *   <li>CAV shift: the baseline answers the run's "more_&lt;genre&gt;" task for the film if it has one, else the
 *       plain entity prompt.</li>
 * </ul>
 * Slow (loads models, generates): call from a background thread. One generation at a time.
 */
public final class CompareSession implements AutoCloseable {
    public static final String ELM = "ELM";
    public static final String BASELINE = "Text-only baseline";
    private static final long CAV_SEED = 0;

    private final ElmRunRef run;
    private final MovieLensDataset data;
    private final EmbeddingSpace space;
    private final ElmModel elm;
    private final BaseModel baselineRecord;
    private final TextOnlyModel baseline;
    private final ConsistencyScorer scorer;
    /** Labelled and trained as Explore does (same labels, same seed), so a concept names the same direction in both. */
    private final ConceptDirections concepts;

    private CompareSession(ElmRunRef run, MovieLensDataset data, EmbeddingSpace space, ElmModel elm,
            BaseModel baselineRecord, TextOnlyModel baseline, ConsistencyScorer scorer) {
        this.run = run;
        this.data = data;
        this.space = space;
        this.elm = elm;
        this.baselineRecord = baselineRecord;
        this.baseline = baseline;
        this.scorer = scorer;
        this.concepts = new ConceptDirections(space, ConceptLabels.of(data, space), CAV_SEED);
    }

    /** Loads run {@code runId} of the workspace, its newest baseline (if any) and the scorer. */
    public static CompareSession open(Path workspaceFolder, long runId, TextEncoder encoder) throws IOException {
        ElmRunRef ref;
        Dataset dataset;
        EmbeddingSpaceRecord spaceRecord;
        EmbeddingSpaceRecord semanticRecord;
        Optional<BaseModel> baselineRecord;
        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            Run run = workspace.runs().get(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId
                    + " in " + workspaceFolder));
            ref = ElmRunRef.of(workspace, run);
            dataset = workspace.datasets().findByName(ref.dataset()).orElseThrow(() -> new IllegalArgumentException(
                    "run " + runId + ": its dataset '" + ref.dataset() + "' is not in the workspace"));
            spaceRecord = workspace.embeddingSpaces().find(dataset.id(), ref.space()).orElseThrow(() ->
                    new IllegalArgumentException("run " + runId + ": dataset '" + ref.dataset() + "' has no space '"
                            + ref.space() + "'"));
            semanticRecord = ConsistencyScorer.semanticSpace(workspace, dataset.id(), ref.space(), encoder.dimension());
            baselineRecord = BaselineContract.find(workspace, runId);
        }
        if (!Files.isRegularFile(ref.elmFolder().resolve(ElmArchive.MANIFEST_FILE))) {
            throw new IllegalArgumentException("run " + runId + " has no finished model in " + ref.elmFolder());
        }
        MovieLensDataset data = DatasetFiles.read(dataset.path());
        EmbeddingSpace space = NpyFiles.read(spaceRecord.name(), spaceRecord.path(), spaceRecord.dimension());
        EmbeddingSpace semantic = semanticRecord == null ? null
                : NpyFiles.read(semanticRecord.name(), semanticRecord.path(), semanticRecord.dimension());
        ElmModel elm = ElmArchive.load(ref.elmFolder(), Device.cpu());
        TextOnlyModel baseline = null;
        try {
            if (baselineRecord.isPresent()) {
                baseline = TextOnlyModel.load(baselineRecord.get().path());
            }
            return new CompareSession(ref, data, space, elm, baselineRecord.orElse(null), baseline,
                    new ConsistencyScorer(data, semantic, encoder));
        } catch (IOException | RuntimeException e) {
            elm.close();
            if (baseline != null) {
                baseline.close();
            }
            throw e;
        }
    }

    public ElmRunRef run() {
        return run;
    }

    /** The baseline's base_models row, if the run has one. */
    public Optional<BaseModel> baselineModel() {
        return Optional.ofNullable(baselineRecord);
    }

    /** Films the ELM can take (a vector in the run's space), by title. */
    public List<Film> films() {
        return Arrays.stream(space.ids()).mapToObj(data.catalogue()::byId).flatMap(Optional::stream)
                .map(m -> new Film(m.id(), m.displayTitle())).sorted(Comparator.comparing(Film::title)).toList();
    }

    /** A film as the panel lists it. */
    public record Film(int id, String title) {
        @Override
        public String toString() {
            return title;
        }
    }

    /**
     * The ELM's tasks with one slot reading the run's main space (a film's): what an entity, an interpolation point
     * or a CAV shift can be asked. A slot reading another space (users) cannot take a film's vector.
     */
    public List<String> entityTasks() {
        return elm.templates().entrySet().stream()
                .filter(e -> e.getValue().slots().size() == 1
                        && run.settings().spaceFor(e.getValue().slots().get(0)).equals(run.space()))
                .map(Map.Entry::getKey).toList();
    }

    /** Genre concepts a CAV can be trained for, named as Explore names them ("genre:Horror"), sorted. */
    public List<String> genres() {
        return concepts.concepts().stream().filter(c -> c.startsWith(ConceptLabels.GENRE)).toList();
    }

    /** Sets up BC scoring ahead of the first comparison (seconds on a large dataset). */
    public void prepareScoring() {
        scorer.prepare();
    }

    public boolean hasUsers() {
        return scorer.hasUsers();
    }

    /** The ELM's answer, streamed through {@code listener} (which may stop it by returning false). */
    public Answer elm(CompareInput input, int maxTokens, TokenListener listener) {
        PromptTemplate template = entityTemplate(input.task());
        String slot = template.slots().get(0);
        float[] vector;
        String vectorText;
        ConsistencyScorer.Reference reference;
        switch (input) {
            case CompareInput.Entity e -> {
                vector = vectorOf(e.movieId());
                vectorText = "⟨vector of " + title(e.movieId()) + "⟩";
                reference = scorer.movie(e.movieId());
            }
            case CompareInput.Interpolation i -> {
                vector = Vectors.interpolate(vectorOf(i.from()), vectorOf(i.to()), i.t());
                vectorText = String.format(Locale.ROOT, "⟨(1 − t)·%s + t·%s, t = %.2f⟩", title(i.from()), title(i.to()), i.t());
                reference = scorer.between(i.from(), i.to(), i.t());
            }
            case CompareInput.CavShift c -> {
                // strength is in units of the CAV's unit direction (not Explore's spread units): Compare's scale
                vector = VectorMoves.shift(vectorOf(c.movieId()), concepts.get(c.genre()).cav().direction(),
                        c.strength());
                vectorText = String.format(Locale.ROOT, "⟨vector of %s %+.2f·CAV(%s)⟩", title(c.movieId()),
                        c.strength(), c.genre());
                reference = scorer.movie(c.movieId());
            }
        }
        String text = elm.generate(template, Map.of(slot, vector), GenerationConfig.greedy(maxTokens), listener)
                .text().strip();
        String received = template.text().replace("{" + slot + "}", vectorText);
        return new Answer(ELM, received, "", text, scorer.score(text, reference), scoredAgainst(input, reference));
    }

    /** The baseline's answer to the same input; empty when the run has no baseline. */
    public Optional<Answer> baseline(CompareInput input, int maxTokens, TokenListener listener) {
        if (baseline == null) {
            return Optional.empty();
        }
        PromptTemplate elmTemplate = entityTemplate(input.task());
        String slot = elmTemplate.slots().get(0);
        PromptTemplate prompt;
        String note;
        ConsistencyScorer.Reference reference;
        switch (input) {
            case CompareInput.Entity e -> {
                prompt = titled(elmTemplate.text(), Map.of(slot, e.movieId()));
                note = "The film's title and year stand where the ELM's slot takes its vector.";
                reference = scorer.movie(e.movieId());
            }
            case CompareInput.Interpolation i -> {
                PromptTemplate trained = elm.templates().get("interpolation");
                String text = trained != null && trained.slots().size() == 2 ? trained.text() : TaskPrompts.of("interpolation");
                List<String> slots = PromptTemplate.of(text, "movies").slots();
                prompt = titled(text, Map.of(slots.get(0), i.from(), slots.get(1), i.to()));
                note = "t reaches only the ELM: a text prompt has no faithful way to say \"t of the way from A to B\","
                        + " so the baseline answers the interpolation prompt naming both films, the same text for every t"
                        + (trained == null ? " (this run has no 'interpolation' task, so the baseline was not fine-tuned on it)." : ".");
                reference = scorer.between(i.from(), i.to(), i.t());
            }
            case CompareInput.CavShift c -> {
                String genre = c.genre().startsWith(ConceptLabels.GENRE) ? c.genre().substring(ConceptLabels.GENRE.length())
                        : c.genre();
                String more = "more_" + genre.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
                PromptTemplate moreTask = elm.templates().get(more);
                if (moreTask != null && moreTask.slots().size() == 1) {
                    prompt = titled(moreTask.text(), Map.of(moreTask.slots().get(0), c.movieId()));
                    note = "The baseline cannot move along a direction in embedding space: it got the run's '" + more
                            + "' task for the film; the strength does not reach it.";
                } else {
                    prompt = titled(elmTemplate.text(), Map.of(slot, c.movieId()));
                    note = "The baseline cannot move along a direction in embedding space, and this run has no '" + more
                            + "' task: it got the plain entity prompt, the same for every strength.";
                }
                reference = scorer.movie(c.movieId());
            }
        }
        String text = baseline.model().generate(prompt, Map.of(), GenerationConfig.greedy(maxTokens), listener)
                .text().strip();
        return Optional.of(new Answer(BASELINE, prompt.text().replace("{{", "{").replace("}}", "}"), note, text,
                scorer.score(text, reference), scoredAgainst(input, reference)));
    }

    private String scoredAgainst(CompareInput input, ConsistencyScorer.Reference reference) {
        return input instanceof CompareInput.CavShift ? reference.label() + " (the unshifted film)" : reference.label();
    }

    private PromptTemplate titled(String prompt, Map<String, Integer> slots) {
        return TextOnlyPrompt.of(prompt, slots, this::title);
    }

    private PromptTemplate entityTemplate(String task) {
        PromptTemplate template = elm.templates().get(task);
        if (template == null || !entityTasks().contains(task)) {
            throw new IllegalArgumentException("the ELM of run " + run.runId() + " has no one-slot task '" + task
                    + "' (it has " + entityTasks() + ")");
        }
        return template;
    }

    private float[] vectorOf(int movieId) {
        int row = space.rowOf(movieId);
        if (row < 0) {
            throw new IllegalArgumentException("movie " + movieId + " has no vector in space '" + space.name() + "'");
        }
        return space.vector(row);
    }

    private String title(int movieId) {
        return data.catalogue().byId(movieId).map(Movie::displayTitle).orElse("movie " + movieId);
    }

    @Override
    public void close() {
        elm.close();
        if (baseline != null) {
            baseline.close();
        }
    }
}
