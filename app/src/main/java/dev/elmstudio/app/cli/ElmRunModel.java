package dev.elmstudio.app.cli;

import ai.djl.Device;
import dev.elmstudio.engine.checkpoint.LmCheckpoint;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.engine.data.task.TaskExample;
import dev.elmstudio.engine.elm.AdapterConfig;
import dev.elmstudio.engine.elm.ElmExample;
import dev.elmstudio.engine.elm.ElmModel;
import dev.elmstudio.engine.elm.PromptTemplate;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.LmConfig;
import dev.elmstudio.engine.tokenizer.BpeTrainer;
import dev.elmstudio.engine.tokenizer.SpecialTokens;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Builds what an ELM run trains, the same way each time from its {@link TrainSettings}: the model (a base model
 * folder, or a fresh tiny GPT whose weights a resumed run then overwrites from its checkpoint) and the examples
 * (every task example whose slots all have vectors in the space, in file order).
 */
final class ElmRunModel {
    /** The adapters' name for the run's one space; parameter names stay the same whatever the space is called. */
    static final String ADAPTER_SPACE = "space";

    private ElmRunModel() {}

    /** Trains the fresh LM's tokenizer on the task texts (deterministic for the same texts). */
    static void trainTokenizer(List<TaskExample> tasks, int vocab, Path file) throws IOException {
        List<String> corpus = new ArrayList<>();
        for (TaskExample task : tasks) {
            corpus.add(task.prompt());
            corpus.add(task.target());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        BpeTrainer.builder().setVocabSize(vocab).optSpecialTokens(SpecialTokens.ELM).build().train(corpus)
                .writeTokenizerJson(file);
    }

    /** The model with freshly initialised adapters (and LM, without a base model). Closing it closes the LM. */
    static ElmModel build(TrainSettings settings, Tokenizer tokenizer, int spaceDimension) throws IOException {
        CausalLm lm = settings.baseModel() != null
                ? LmCheckpoint.load(Path.of(settings.baseModel()), Device.cpu())
                : new CausalLm(LmConfig.gpt2(tokenizer.vocabSize(), settings.width(), settings.layers(),
                        settings.heads(), settings.context()), Device.cpu(), settings.seed());
        AdapterConfig adapter = AdapterConfig.of(spaceDimension, settings.adapterHidden(), lm.config().hiddenSize());
        try {
            return new ElmModel(lm, tokenizer, Map.of(ADAPTER_SPACE, adapter), settings.seed());
        } catch (RuntimeException e) {
            lm.close();
            throw e;
        }
    }

    /** One template per task (the first prompt seen), so generation can name a task. */
    static void putTemplates(ElmModel model, List<TaskExample> tasks) {
        for (TaskExample task : tasks) {
            if (!model.templates().containsKey(task.task())) {
                model.putTemplate(task.task(), PromptTemplate.of(task.prompt(), ADAPTER_SPACE));
            }
        }
    }

    /** Task examples whose slot ids all have a vector in {@code space} (a user slot in a movie space has none). */
    static List<TaskExample> withVectors(List<TaskExample> tasks, EmbeddingSpace space) {
        java.util.Set<Integer> ids = new java.util.HashSet<>();
        for (int id : space.ids()) {
            ids.add(id);
        }
        return tasks.stream().filter(task -> ids.containsAll(task.slots().values())).toList();
    }

    /** {@link #withVectors} as ELM examples, in the same order. */
    static List<ElmExample> examples(List<TaskExample> tasks, EmbeddingSpace space) {
        IntFunction<float[]> vectors = space.byId();
        List<ElmExample> examples = new ArrayList<>();
        for (TaskExample task : withVectors(tasks, space)) {
            Map<String, float[]> slotVectors = new java.util.HashMap<>();
            task.slots().forEach((slot, id) -> slotVectors.put(slot, vectors.apply(id)));
            examples.add(new ElmExample(task.slots().values().toString(), PromptTemplate.of(task.prompt(), ADAPTER_SPACE),
                    slotVectors, task.target()));
        }
        return examples;
    }

    /** Drops examples longer than the LM's context; returns how many were dropped. */
    static int dropTooLong(ElmModel model, List<ElmExample> examples) {
        int before = examples.size();
        examples.removeIf(example -> {
            try {
                model.collator().collate(List.of(example));
                return false;
            } catch (IllegalArgumentException tooLong) {
                return true;
            }
        });
        return before - examples.size();
    }
}
