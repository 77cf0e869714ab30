package dev.elmstudio.engine.eval.experiments;

import dev.elmstudio.engine.data.task.MovieFacts;
import dev.elmstudio.engine.data.task.TaskExample;
import dev.elmstudio.engine.elm.AdapterConfig;
import dev.elmstudio.engine.elm.ElmExample;
import dev.elmstudio.engine.elm.ElmModel;
import dev.elmstudio.engine.elm.ElmTrainer;
import dev.elmstudio.engine.elm.ElmTrainingConfig;
import dev.elmstudio.engine.elm.PromptTemplate;
import dev.elmstudio.engine.elm.StageConfig;
import dev.elmstudio.engine.elm.TextOnlyPrompt;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.GenerationConfig;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import dev.elmstudio.engine.train.TrainingEvent;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two fine-tuned models of the comparison, both from the same base LM and the same task examples:
 * <ul>
 *   <li>the ELM: each slot of a task prompt takes the movie's semantic embedding through an adapter, trained in
 *       two stages (adapter only, then everything);</li>
 *   <li>the text-only baseline: the same prompt with each slot replaced by the movie's title and year, trained for
 *       the same total number of updates (it has no adapter, so it has one stage).</li>
 * </ul>
 */
final class DemoModels {
    static final String SPACE = "movies";
    /** Width of the semantic space (all-MiniLM-L6-v2). */
    static final int SEMANTIC_DIM = 384;
    private static final int MAX_NEW_TOKENS = 80;

    private DemoModels() {}

    static ElmExample elmExample(TaskExample t, DemoData data) {
        Map<String, float[]> vectors = new LinkedHashMap<>();
        t.slots().forEach((slot, id) -> vectors.put(slot, data.semantic().apply(id)));
        return new ElmExample(t.task() + ":" + t.slots().values(), PromptTemplate.of(t.prompt(), SPACE), vectors, t.target());
    }

    static ElmExample baselineExample(TaskExample t, DemoData data) {
        return new ElmExample(t.task() + ":" + t.slots().values(), titledPrompt(t.prompt(), t.slots(), data.facts()), Map.of(),
                t.target());
    }

    /** The prompt with every {slot} replaced by the film's "Title (year)" (see {@link TextOnlyPrompt}). */
    static PromptTemplate titledPrompt(String prompt, Map<String, Integer> slots, Map<Integer, MovieFacts> facts) {
        return TextOnlyPrompt.of(prompt, slots, id -> facts.get(id).titleWithYear());
    }

    static ElmModel trainElm(CausalLm base, Tokenizer tokenizer, List<ElmExample> train, DemoSettings s) throws IOException {
        AdapterConfig adapter = AdapterConfig.of(SEMANTIC_DIM, 2 * base.config().hiddenSize(), base.config().hiddenSize());
        ElmModel elm = new ElmModel(base, tokenizer, Map.of(SPACE, adapter), s.seed());
        // Stage 1 trains a small fresh MLP under a frozen LM, which takes a larger step (as in ToyExperiment).
        StageConfig stage1 = new StageConfig(s.adapterSteps(), s.batch(), 1e-2, 1e-3, Math.min(20, s.adapterSteps()), 0, 1);
        ElmTrainingConfig config = ElmTrainingConfig.of(stage1, fullStage(s.fullSteps(), s), s.seed());
        run(elm, train, config, "ELM");
        return elm;
    }

    static ElmModel trainBaseline(CausalLm base, Tokenizer tokenizer, List<ElmExample> train, DemoSettings s)
            throws IOException {
        ElmModel textOnly = new ElmModel(base, tokenizer, Map.of(), s.seed());
        ElmTrainingConfig config = ElmTrainingConfig.of(StageConfig.skipped(),
                fullStage(s.adapterSteps() + s.fullSteps(), s), s.seed());
        run(textOnly, train, config, "baseline");
        return textOnly;
    }

    private static StageConfig fullStage(int steps, DemoSettings s) {
        return new StageConfig(steps, s.batch(), 1e-3, 1e-4, Math.min(20, steps), 0.0, 1.0);
    }

    private static void run(ElmModel model, List<ElmExample> train, ElmTrainingConfig config, String name)
            throws IOException {
        int every = Math.max(1, config.totalSteps() / 6);
        new ElmTrainer(model, train, List.of(), config).withListener((stage, event) -> {
            if (event instanceof TrainingEvent.StepEvent step && step.step() % every == 0) {
                System.out.printf("  %s %s step %d/%d loss %.3f%n", name, stage, step.step(), step.totalSteps(), step.loss());
            }
        }).run();
    }

    /** Greedy text for a prompt (greedy, so a run is reproducible). */
    static String generate(ElmModel model, PromptTemplate template, Map<String, float[]> vectors) {
        return model.generate(template, vectors, GenerationConfig.greedy(MAX_NEW_TOKENS), null).text().strip();
    }
}
