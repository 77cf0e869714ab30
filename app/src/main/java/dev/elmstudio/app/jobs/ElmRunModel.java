package dev.elmstudio.app.jobs;

import ai.djl.Device;
import dev.elmstudio.engine.checkpoint.LmCheckpoint;
import dev.elmstudio.engine.data.task.TaskExample;
import dev.elmstudio.engine.elm.AdapterConfig;
import dev.elmstudio.engine.elm.ElmExample;
import dev.elmstudio.engine.elm.ElmModel;
import dev.elmstudio.engine.elm.PromptTemplate;
import dev.elmstudio.engine.elm.TextOnlyPrompt;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.LmConfig;
import dev.elmstudio.engine.tokenizer.BpeTrainer;
import dev.elmstudio.engine.tokenizer.SpecialTokens;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Builds what an ELM run trains, the same way each time from its {@link ElmRunSettings} and {@link ElmRunInputs}:
 * the model (a base model folder, or a fresh tiny GPT whose weights a resumed run then overwrites from its
 * checkpoint) with one adapter per embedding space, and the examples (every task example whose slots all have a
 * vector in their slot's space, in file order).
 */
public final class ElmRunModel {
    /**
     * The adapter's name when the run reads one space: parameter names stay the same whatever the space is called, so
     * an ELM trained on one space can be used with another space of the same dimension.
     */
    public static final String ADAPTER_SPACE = "space";

    private ElmRunModel() {}

    /** Trains the fresh LM's tokenizer on the task texts (deterministic for the same texts). */
    public static void trainTokenizer(List<TaskExample> tasks, int vocab, Path file) throws IOException {
        List<String> corpus = new ArrayList<>();
        for (TaskExample task : tasks) {
            corpus.add(task.prompt());
            corpus.add(task.target());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        BpeTrainer.builder().setVocabSize(vocab).optSpecialTokens(SpecialTokens.ELM).build().train(corpus)
                .writeTokenizerJson(file);
    }

    /** Adapter name of each space the inputs read: {@link #ADAPTER_SPACE} for a single space, else the space's name. */
    public static Map<String, String> adapterNames(ElmRunInputs inputs) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String space : inputs.spaces().keySet()) {
            names.put(space, inputs.spaces().size() == 1 ? ADAPTER_SPACE : space);
        }
        return names;
    }

    /** The model with freshly initialised adapters (and LM, without a base model). Closing it closes the LM. */
    public static ElmModel build(ElmRunSettings settings, Tokenizer tokenizer, ElmRunInputs inputs, Device device)
            throws IOException {
        CausalLm lm = baseLm(settings, tokenizer, device);
        Map<String, AdapterConfig> adapters = new LinkedHashMap<>();
        (settings.textOnly() ? Map.<String, String>of() : adapterNames(inputs)).forEach((space, adapter) -> adapters.put(adapter,
                AdapterConfig.of(inputs.spaces().get(space).dimension(), settings.adapterHidden(), lm.config().hiddenSize())));
        try {
            return new ElmModel(lm, tokenizer, adapters, settings.seed());
        } catch (RuntimeException e) {
            lm.close();
            throw e;
        }
    }

    /**
     * The LM a run starts from: its base model folder, or a fresh tiny GPT initialised from the run's seed, so the
     * text-only baseline ({@code elm baseline}) starts from exactly the weights the ELM started from.
     */
    public static CausalLm baseLm(ElmRunSettings settings, Tokenizer tokenizer, Device device) throws IOException {
        return settings.baseModel() != null
                ? LmCheckpoint.load(Path.of(settings.baseModel()), device)
                : new CausalLm(LmConfig.gpt2(tokenizer.vocabSize(), settings.width(), settings.layers(),
                        settings.heads(), settings.context()), device, settings.seed());
    }

    /** One template per task (the first prompt seen), so generation can name a task. */
    public static void putTemplates(ElmModel model, ElmRunSettings settings, ElmRunInputs inputs) {
        Map<String, String> adapters = adapterNames(inputs);
        for (TaskExample task : inputs.tasks()) {
            if (!model.templates().containsKey(task.task())) {
                model.putTemplate(task.task(), template(task.prompt(), settings, adapters));
            }
        }
    }

    /** Task examples whose prompt slots all have an id with a vector in the slot's space. */
    public static List<TaskExample> withVectors(ElmRunSettings settings, ElmRunInputs inputs) {
        Map<String, Set<Integer>> ids = new HashMap<>();
        inputs.spaces().forEach((name, space) -> {
            Set<Integer> set = new HashSet<>();
            for (int id : space.ids()) {
                set.add(id);
            }
            ids.put(name, set);
        });
        return inputs.tasks().stream().filter(task -> {
            for (String slot : PromptTemplate.of(task.prompt(), ADAPTER_SPACE).slots()) {
                Integer id = task.slots().get(slot);
                Set<Integer> known = ids.get(settings.spaceFor(slot));
                if (id == null || known == null || !known.contains(id)) {
                    return false;
                }
            }
            return true;
        }).toList();
    }

    /** {@link #withVectors} as ELM examples, in the same order. */
    public static List<ElmExample> examples(ElmRunSettings settings, ElmRunInputs inputs) {
        Map<String, String> adapters = adapterNames(inputs);
        Map<String, IntFunction<float[]>> vectors = new HashMap<>();
        inputs.spaces().forEach((name, space) -> vectors.put(name, space.byId()));
        List<ElmExample> examples = new ArrayList<>();
        for (TaskExample task : withVectors(settings, inputs)) {
            Map<String, float[]> slotVectors = new HashMap<>();
            task.slots().forEach((slot, id) -> {
                IntFunction<float[]> space = vectors.get(settings.spaceFor(slot));
                if (space != null && task.prompt().contains("{" + slot + "}")) {
                    slotVectors.put(slot, space.apply(id));
                }
            });
            examples.add(new ElmExample(task.slots().values().toString(), template(task.prompt(), settings, adapters),
                    slotVectors, task.target()));
        }
        return examples;
    }

    /** One task example as the text-only baseline reads it; its entity id matches the ELM example's. */
    public static ElmExample textOnlyExample(TaskExample task, IntFunction<String> nameOf) {
        return new ElmExample(task.slots().values().toString(), TextOnlyPrompt.of(task.prompt(), task.slots(), nameOf),
                Map.of(), task.target());
    }

    /**
     * The text-only baseline's examples: {@link #withVectors}' tasks (the same ones an ELM on these spaces trains on),
     * each prompt with every {slot} replaced by the entity's text (films: "Title (year)"), no vectors. A task naming
     * an id without a text is left out.
     */
    public static List<ElmExample> textOnlyExamples(ElmRunSettings settings, ElmRunInputs inputs, IntFunction<String> names) {
        List<ElmExample> examples = new ArrayList<>();
        for (TaskExample task : withVectors(settings, inputs)) {
            String prompt = slotsAsText(task.prompt(), task.slots(), names);
            if (prompt != null) {
                examples.add(new ElmExample(task.slots().values().toString(), PromptTemplate.of(prompt, ADAPTER_SPACE),
                        Map.of(), task.target()));
            }
        }
        return examples;
    }

    /** {@code prompt} with each {slot} replaced by its entity's text (braces escaped), or null when one has none. */
    public static String slotsAsText(String prompt, Map<String, Integer> slots, IntFunction<String> names) {
        String text = prompt;
        for (Map.Entry<String, Integer> slot : slots.entrySet()) {
            if (!text.contains("{" + slot.getKey() + "}")) {
                continue;
            }
            String name = names.apply(slot.getValue());
            if (name == null) {
                return null;
            }
            text = text.replace("{" + slot.getKey() + "}", name.replace("{", "{{").replace("}", "}}"));
        }
        return text;
    }

    /** Film id → "Title (year)" from the run's dataset catalogue, for the text-only baseline's prompts. */
    public static IntFunction<String> titles(dev.elmstudio.storage.Workspace workspace, ElmRunSettings settings) {
        dev.elmstudio.storage.Dataset dataset = workspace.datasets().findByName(settings.dataset()).orElseThrow(
                () -> new ElmRunException("no dataset '" + settings.dataset() + "' in " + workspace.folder()));
        dev.elmstudio.engine.data.Catalogue catalogue = dev.elmstudio.app.dataimport.DatasetFolder.load(dataset).catalogue();
        return id -> catalogue.byId(id).map(m -> dev.elmstudio.engine.data.task.MovieFacts.of(m).titleWithYear())
                .orElse(null);
    }

    /** Drops examples longer than the LM's context; returns how many were dropped. */
    public static int dropTooLong(ElmModel model, List<ElmExample> examples) {
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

    /**
     * Moves the examples of a seeded random {@code fraction} of the entities into the validation set, so the
     * validation loss is measured on entities the training never saw. Keeps at least one entity for training.
     *
     * @param examples all examples; the training ones stay, in order
     * @return the validation examples, in file order
     */
    public static List<ElmExample> holdOut(List<ElmExample> examples, double fraction, long seed) {
        Set<String> distinct = new java.util.LinkedHashSet<>();
        examples.forEach(e -> distinct.add(e.entityId()));
        List<String> entities = new ArrayList<>(distinct);
        int count = (int) Math.min(entities.size() - 1L, Math.round(Math.ceil(fraction * entities.size())));
        if (fraction <= 0 || count <= 0) {
            return List.of();
        }
        java.util.Collections.shuffle(entities, new Random(seed));
        Set<String> held = new HashSet<>(entities.subList(0, count));
        List<ElmExample> validation = examples.stream().filter(e -> held.contains(e.entityId())).toList();
        examples.removeIf(e -> held.contains(e.entityId()));
        return validation;
    }

    private static PromptTemplate template(String prompt, ElmRunSettings settings, Map<String, String> adapters) {
        Map<String, String> bindings = new LinkedHashMap<>();
        for (String slot : PromptTemplate.of(prompt, ADAPTER_SPACE).slots()) {
            String adapter = adapters.get(settings.spaceFor(slot));
            bindings.put(slot, adapter == null ? ADAPTER_SPACE : adapter);
        }
        return new PromptTemplate(prompt, bindings);
    }
}
