package dev.elmstudio.engine.eval.experiments;

import dev.elmstudio.engine.data.task.TaskGenerator;
import dev.elmstudio.engine.data.task.TaskPrompts;
import dev.elmstudio.engine.elm.ElmModel;
import dev.elmstudio.engine.elm.PromptTemplate;
import dev.elmstudio.engine.eval.BehavioralScore;
import dev.elmstudio.engine.eval.InterpolationItem;
import dev.elmstudio.engine.eval.InterpolationPair;
import dev.elmstudio.engine.eval.InterpolationSweep;
import dev.elmstudio.engine.eval.ItemScores;
import dev.elmstudio.engine.eval.MovieBehavioralConsistency;
import dev.elmstudio.engine.eval.SemanticConsistency;
import dev.elmstudio.engine.eval.TextEmbedder;
import dev.elmstudio.engine.eval.TextToSpace;
import dev.elmstudio.engine.eval.Vectors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores both models on the same held-out items with the same metrics. Item tasks are named
 * {@code <model>:<task>} ("elm:summary", "baseline:interpolation_sweep") so one report holds both side by side.
 *
 * <ul>
 *   <li>summary (held-out films): SC against the film's semantic embedding; movie BC (NDCG, Spearman) through a
 *       ridge map semantic → behavioral fitted on the fine-tuning films, over every user of the world.</li>
 *   <li>interpolation (held-out pairs, the trained two-slot prompt): SC against the semantic midpoint and each end.</li>
 *   <li>interpolation_sweep (held-out pairs, α = 0.1 … 0.9): the ELM describes the mixed vector (1 − α)·A + α·B with
 *       its summary prompt; the baseline cannot take a vector, so it answers the trained interpolation prompt that
 *       names both titles and ignores α (a text prompt has no faithful way to say "30% of A"; untrained wording
 *       such as "70% like A" would only add noise). Both are scored against the same mixed vector.</li>
 * </ul>
 */
final class DemoScoring {
    /** Ridge penalty of the semantic → behavioral map: a few hundred films against 384 inputs needs shrinkage. */
    static final double RIDGE_LAMBDA = 1.0;

    private final DemoData data;
    private final TextEmbedder embedder;
    private final SemanticConsistency sc;
    private final MovieBehavioralConsistency bc;

    DemoScoring(DemoData data) {
        this.data = data;
        // A blank output (the model ended at once) encodes to the zero vector, whose SC is NaN ("undefined", counted
        // apart in the report): MiniLmEncoder passes " " to langchain4j, which refuses blank text.
        this.embedder = text -> text == null || text.isBlank()
                ? new float[DemoModels.SEMANTIC_DIM]
                : data.encoder().encode(List.of(text)).get(0);
        this.sc = new SemanticConsistency(embedder);
        List<float[]> semantic = new ArrayList<>();
        List<float[]> behavioral = new ArrayList<>();
        for (int id : data.train()) {
            semantic.add(data.semantic().apply(id));
            behavioral.add(data.behavioral().apply(id));
        }
        this.bc = new MovieBehavioralConsistency(embedder,
                MovieBehavioralConsistency.fitTextToBehavior(semantic, behavioral, RIDGE_LAMBDA), data.users());
    }

    /**
     * Summaries of the held-out films by {@code elm}, or (elm null) the reference texts themselves: the ceiling
     * that SC and BC reach with a perfect summary, so the models' numbers can be read against it.
     */
    List<ItemScores> summaries(String model, ElmModel elm, boolean textOnly) {
        List<ItemScores> items = new ArrayList<>();
        String prompt = TaskPrompts.of("summary");
        for (int id : data.heldOut()) {
            String output = elm == null
                    ? TaskGenerator.describingTexts(data.facts().get(id)).get(0)
                    : textOnly
                    ? DemoModels.generate(elm, DemoModels.titledPrompt(prompt, Map.of("movie", id), data.facts()), Map.of())
                    : DemoModels.generate(elm, PromptTemplate.of(prompt, DemoModels.SPACE), Map.of("movie", data.semantic().apply(id)));
            BehavioralScore behavior = output.isBlank() // no text, no behavior to compare: undefined, like SC
                    ? new BehavioralScore(Double.NaN, Double.NaN)
                    : bc.score(output, data.behavioral().apply(id));
            Map<String, Double> scores = new LinkedHashMap<>();
            scores.put("sc", sc.score(output, data.semantic().apply(id)));
            scores.put("bc_ndcg", behavior.ndcg());
            scores.put("bc_spearman", behavior.spearman());
            items.add(new ItemScores(model + ":summary", Integer.toString(id), data.facts().get(id).titleWithYear(), output, scores));
        }
        return items;
    }

    List<ItemScores> pairs(String model, ElmModel elm, boolean textOnly) {
        List<ItemScores> items = new ArrayList<>();
        for (int k = 0; k < data.pairCount(); k++) {
            int[] p = data.pair(k);
            float[] a = data.semantic().apply(p[0]);
            float[] b = data.semantic().apply(p[1]);
            String output = pairText(elm, textOnly, p);
            float[] landed = embedder.encode(output);
            Map<String, Double> scores = new LinkedHashMap<>();
            scores.put("sc", Vectors.cosine(landed, Vectors.interpolate(a, b, 0.5)));
            scores.put("sc_from", Vectors.cosine(landed, a));
            scores.put("sc_to", Vectors.cosine(landed, b));
            items.add(new ItemScores(model + ":interpolation", p[0] + "-" + p[1], label(p), output, scores));
        }
        return items;
    }

    /** The α sweep on the first {@code pairCount} held-out pairs; see the class comment for the baseline's prompt. */
    List<ItemScores> sweep(String model, ElmModel elm, boolean textOnly, int pairCount) {
        List<ItemScores> items = new ArrayList<>();
        PromptTemplate describe = PromptTemplate.of(TaskPrompts.of("summary"), DemoModels.SPACE);
        for (int k = 0; k < Math.min(pairCount, data.pairCount()); k++) {
            int[] p = data.pair(k);
            InterpolationPair pair = new InterpolationPair(data.facts().get(p[0]).titleWithYear(), data.semantic().apply(p[0]),
                    data.facts().get(p[1]).titleWithYear(), data.semantic().apply(p[1]));
            String fixed = textOnly ? pairText(elm, true, p) : null; // greedy and α-free: one text per pair
            List<InterpolationItem> swept = InterpolationSweep.paper().run(List.of(pair),
                    v -> textOnly ? fixed : DemoModels.generate(elm, describe, Map.of("movie", v)),
                    TextToSpace.semantic(embedder)).items();
            swept.forEach(item -> items.add(item.toItemScores(model + ":interpolation_sweep")));
        }
        return items;
    }

    private String pairText(ElmModel elm, boolean textOnly, int[] p) {
        String prompt = TaskPrompts.of("interpolation");
        Map<String, Integer> slots = Map.of("movie1", p[0], "movie2", p[1]);
        return textOnly
                ? DemoModels.generate(elm, DemoModels.titledPrompt(prompt, slots, data.facts()), Map.of())
                : DemoModels.generate(elm, PromptTemplate.of(prompt, DemoModels.SPACE),
                        Map.of("movie1", data.semantic().apply(p[0]), "movie2", data.semantic().apply(p[1])));
    }

    private String label(int[] p) {
        return data.facts().get(p[0]).titleWithYear() + " → " + data.facts().get(p[1]).titleWithYear();
    }
}
