package dev.elmstudio.engine.elm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.Generation;
import dev.elmstudio.engine.lm.GenerationConfig;
import dev.elmstudio.engine.lm.Generator;
import dev.elmstudio.engine.lm.Losses;
import dev.elmstudio.engine.lm.NoGradScope;
import dev.elmstudio.engine.lm.Ops;
import dev.elmstudio.engine.lm.TokenListener;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import dev.elmstudio.engine.train.UpdateStep;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Embedding Language Model: a causal LM plus one adapter E_A per embedding space. A prompt's slot positions
 * receive E_A(w) instead of token embeddings; everything else is the LM.
 *
 * <p>Parameters are named as in the LM (Hugging Face names) plus {@code adapter.<space>.fc1.weight} and so on.
 * The model owns the LM (closing the ELM closes it); it owns the tokenizer only when it loaded it itself.
 */
public final class ElmModel implements AutoCloseable {
    /** Prefix of adapter parameter names. */
    public static final String ADAPTER_PREFIX = "adapter.";
    /** Prefix of LoRA parameter names. */
    public static final String LORA_PREFIX = "lora.";

    private final CausalLm lm;
    private final Tokenizer tokenizer;
    private final boolean ownsTokenizer;
    private final Map<String, Adapter> adapters = new LinkedHashMap<>();
    private final Map<String, PromptTemplate> templates = new LinkedHashMap<>();
    private final Collator collator;
    private Lora lora;

    /**
     * @param spaces embedding space name → adapter shape; each output width must equal the LM's hidden size
     * @param seed initialises the adapters (space i gets seed + i)
     */
    public ElmModel(CausalLm lm, Tokenizer tokenizer, Map<String, AdapterConfig> spaces, long seed) {
        this(lm, tokenizer, spaces, seed, false);
    }

    ElmModel(CausalLm lm, Tokenizer tokenizer, Map<String, AdapterConfig> spaces, long seed, boolean ownsTokenizer) {
        if (tokenizer.vocabSize() > lm.config().vocabSize()) {
            throw new IllegalArgumentException("the tokenizer has " + tokenizer.vocabSize() + " ids but the LM's"
                    + " embedding table only " + lm.config().vocabSize() + " rows");
        }
        this.lm = lm;
        this.tokenizer = tokenizer;
        this.ownsTokenizer = ownsTokenizer;
        int i = 0;
        for (Map.Entry<String, AdapterConfig> space : spaces.entrySet()) {
            AdapterConfig config = space.getValue();
            if (config.outputDim() != lm.config().hiddenSize()) {
                throw new IllegalArgumentException("adapter of space '" + space.getKey() + "' outputs width "
                        + config.outputDim() + " but the LM's hidden size is " + lm.config().hiddenSize());
            }
            if (space.getKey().isBlank() || space.getKey().contains(".")) {
                throw new IllegalArgumentException("embedding space name '" + space.getKey()
                        + "' must be non-blank and contain no '.'");
            }
            adapters.put(space.getKey(), new Adapter(config, lm.manager(), seed + i++));
        }
        Map<String, AdapterConfig> shapes = new LinkedHashMap<>();
        adapters.forEach((name, adapter) -> shapes.put(name, adapter.config()));
        this.collator = new Collator(tokenizer, shapes, lm.config().maxPositions());
    }

    public CausalLm lm() {
        return lm;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public Collator collator() {
        return collator;
    }

    /** Embedding space name → its adapter's shape, in creation order. */
    public Map<String, AdapterConfig> spaces() {
        Map<String, AdapterConfig> shapes = new LinkedHashMap<>();
        adapters.forEach((name, adapter) -> shapes.put(name, adapter.config()));
        return Collections.unmodifiableMap(shapes);
    }

    public Adapter adapter(String space) {
        Adapter adapter = adapters.get(space);
        if (adapter == null) {
            throw new IllegalArgumentException("no adapter for embedding space '" + space + "' (spaces: "
                    + adapters.keySet() + ")");
        }
        return adapter;
    }

    /** Registers a task's prompt (saved with the model), after checking its slots read spaces this model has. */
    public void putTemplate(String task, PromptTemplate template) {
        template.slotSpaces().forEach((slot, space) -> adapter(space));
        templates.put(task, template);
    }

    /** Task name → prompt template. */
    public Map<String, PromptTemplate> templates() {
        return Collections.unmodifiableMap(templates);
    }

    /**
     * Switches stage 2 to LoRA: the LM's targeted projections get low-rank updates, and {@link #setTrainable}
     * then trains those and the adapters while every base LM weight stays frozen.
     */
    public Lora enableLora(LoraConfig config, long seed) {
        if (lora != null) {
            throw new IllegalStateException("LoRA is already enabled; merge it first");
        }
        lora = new Lora(lm, config, seed);
        lm.setLinearDelta(lora);
        return lora;
    }

    /** The LoRA updates in use, or null. */
    public Lora lora() {
        return lora;
    }

    /** Folds the LoRA updates into the base weights (for export) and removes them: same outputs, plain LM. */
    public void mergeLora() {
        if (lora == null) {
            throw new IllegalStateException("LoRA is not enabled");
        }
        lm.setLinearDelta(null);
        lora.mergeInto(lm);
        lora.close();
        lora = null;
    }

    /** Adapter parameters as {@code adapter.<space>.<name>}. */
    public Map<String, NDArray> adapterParameters() {
        Map<String, NDArray> all = new LinkedHashMap<>();
        adapters.forEach((space, adapter) -> adapter.parameters()
                .forEach((name, array) -> all.put(ADAPTER_PREFIX + space + "." + name, array)));
        return all;
    }

    /** LoRA parameters as {@code lora.<module>.lora_A.weight} …; empty without LoRA. */
    public Map<String, NDArray> loraParameters() {
        Map<String, NDArray> all = new LinkedHashMap<>();
        if (lora != null) {
            lora.parameters().forEach((name, array) -> all.put(LORA_PREFIX + name, array));
        }
        return all;
    }

    /** Every parameter: the LM's, then the adapters', then LoRA's. */
    public Map<String, NDArray> parameters() {
        Map<String, NDArray> all = new LinkedHashMap<>(lm.parameters());
        all.putAll(adapterParameters());
        all.putAll(loraParameters());
        return all;
    }

    /** Copies a value into a parameter named as in {@link #parameters()}, keeping the array's identity. */
    public void copyParameter(String name, NDArray value) {
        if (name.startsWith(LORA_PREFIX)) {
            NDArray target = loraParameters().get(name);
            if (target == null) {
                throw new IllegalArgumentException("no LoRA parameter named '" + name + "'"
                        + (lora == null ? " (LoRA is not enabled)" : ""));
            }
            if (!target.getShape().equals(value.getShape())) {
                throw new IllegalArgumentException("LoRA parameter '" + name + "' has shape " + target.getShape()
                        + " but the value has shape " + value.getShape());
            }
            boolean trainable = target.hasGradient();
            target.intern(value.toDevice(target.getDevice(), false).duplicate());
            target.setRequiresGradient(trainable);
        } else if (name.startsWith(ADAPTER_PREFIX)) {
            String rest = name.substring(ADAPTER_PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot < 0) {
                throw new IllegalArgumentException("'" + name + "' is not an adapter parameter name");
            }
            adapter(rest.substring(0, dot)).copyParameter(rest.substring(dot + 1), value);
        } else {
            // A real copy first: CausalLm.copyParameter keeps an alias of its argument when device and type match
            // (DJL ignores copy=true then), which dangles if the caller's array wraps a Java buffer.
            NDArray owned = value.duplicate();
            try {
                lm.copyParameter(name, owned);
            } finally {
                owned.close();
            }
        }
    }

    /**
     * Stage 1 ({@code trainLm = false}): adapters trainable, every LM weight (and LoRA) frozen. Stage 2: everything
     * trainable, or with LoRA enabled the adapters and LoRA while the base LM stays frozen.
     *
     * @return the trainable parameters by name
     */
    public Map<String, NDArray> setTrainable(boolean trainLm) {
        lm.setTrainable(name -> trainLm && lora == null);
        adapters.values().forEach(a -> a.setTrainable(true));
        if (lora != null) {
            lora.setTrainable(trainLm);
        }
        return trainableParameters(trainLm);
    }

    /** What {@link #setTrainable} would train, without changing anything. */
    public Map<String, NDArray> trainableParameters(boolean trainLm) {
        if (!trainLm) {
            return adapterParameters();
        }
        if (lora == null) {
            return parameters();
        }
        Map<String, NDArray> trainable = adapterParameters();
        trainable.putAll(loraParameters());
        return trainable;
    }

    /**
     * The LM's input: token embeddings, with E_A(w) at every slot position.
     *
     * @return [B, T, D] in {@code step}
     */
    public NDArray inputEmbeddings(ElmBatch batch, NDManager step) {
        int b = batch.batchSize();
        int t = batch.length();
        NDArray ids = step.create(batch.inputIds(), new Shape(b, t));
        NDArray tokens = lm.embedTokens(ids); // [B, T, D]
        if (batch.slots().isEmpty()) {
            return tokens;
        }
        // All adapter outputs form one table [M, D]; a gather by "row of the table for this position" then puts
        // them in place, and the mask keeps token embeddings everywhere else. Both steps are differentiable.
        List<NDArray> rows = new ArrayList<>();
        long[] rowOfPosition = new long[b * t];
        float[] isSlot = new float[b * t];
        float[] isToken = new float[b * t];
        int next = 0;
        for (Map.Entry<String, ElmBatch.SlotInputs> entry : batch.slots().entrySet()) {
            Adapter adapter = adapter(entry.getKey());
            ElmBatch.SlotInputs inputs = entry.getValue();
            NDArray vectors = step.create(inputs.vectors(), new Shape(inputs.count(), adapter.config().inputDim()));
            rows.add(adapter.forward(vectors).reshape(-1, lm.config().hiddenSize())); // [N·ℓ, D]
            for (int position : inputs.positions()) {
                rowOfPosition[position] = next++;
                isSlot[position] = 1f;
            }
        }
        NDArray table = rows.size() == 1 ? rows.get(0) : concat(rows); // [M, D]
        NDArray gathered = Ops.embedding(step.create(rowOfPosition, new Shape(b, t)), table); // [B, T, D]
        for (int i = 0; i < isToken.length; i++) {
            isToken[i] = 1f - isSlot[i]; // on the host: no Java-backed scalar for autograd to keep
        }
        NDArray slotMask = step.create(isSlot, new Shape(b, t, 1));
        NDArray tokenMask = step.create(isToken, new Shape(b, t, 1));
        return tokens.mul(tokenMask).add(gathered.mul(slotMask));
    }

    /** Logits [B, T, V] for a collated batch, in {@code step}. */
    public NDArray logits(ElmBatch batch, NDManager step) {
        NDArray mask = step.create(batch.attentionMask(), new Shape(batch.batchSize(), batch.length()));
        return lm.forwardEmbeddings(inputEmbeddings(batch, step), mask, null, false);
    }

    /**
     * What a training step needs for {@code batch}: the LM's input embeddings (with the adapters' graph), the
     * attention mask and the masked cross-entropy of the logits — {@link #loss} taken apart so that the trainer can
     * run the LM with micro-batches, mixed precision or activation checkpointing.
     */
    public UpdateStep.LmInputs trainingInputs(ElmBatch batch, NDManager step) {
        Shape shape = new Shape(batch.batchSize(), batch.length());
        NDArray targets = step.create(batch.targetIds(), shape);
        NDArray lossMask = step.create(batch.lossMask(), shape);
        NDArray mask = step.create(batch.attentionMask(), shape);
        return new UpdateStep.LmInputs(inputEmbeddings(batch, step), mask,
                logits -> Losses.crossEntropy(logits, targets, lossMask));
    }

    /** Mean cross-entropy over target tokens (scalar, in {@code step}). */
    public NDArray loss(ElmBatch batch, NDManager step) {
        Shape shape = new Shape(batch.batchSize(), batch.length());
        NDArray targets = step.create(batch.targetIds(), shape);
        NDArray lossMask = step.create(batch.lossMask(), shape);
        return Losses.crossEntropy(logits(batch, step), targets, lossMask);
    }

    /**
     * Fraction of examples whose every target token (and the end-of-sequence) is the argmax under teacher
     * forcing: exactly the examples greedy decoding would reproduce, in one batched forward pass.
     */
    public double exactMatch(List<ElmExample> examples, int batchSize) {
        int correct = 0;
        try (NoGradScope noGrad = NoGradScope.enter()) {
            for (int from = 0; from < examples.size(); from += batchSize) {
                ElmBatch batch = collator.collate(examples.subList(from, Math.min(examples.size(), from + batchSize)));
                try (NDManager step = lm.manager().newSubManager()) {
                    long[] predicted = logits(batch, step).argMax(2).toType(DataType.INT64, false).toLongArray();
                    for (int row = 0; row < batch.batchSize(); row++) {
                        boolean all = true;
                        for (int i = row * batch.length(); i < (row + 1) * batch.length() && all; i++) {
                            all = batch.lossMask()[i] == 0f || predicted[i] == batch.targetIds()[i];
                        }
                        correct += all ? 1 : 0;
                    }
                }
            }
        }
        return examples.isEmpty() ? 0 : (double) correct / examples.size();
    }

    /**
     * Generates text from a prompt whose slots take any vectors: an entity's, an interpolation, a point pushed along
     * a concept direction. Streams through {@code listener} (may be null). Stops at end-of-sequence unless the
     * config names other stop tokens. Safe on any thread: it turns autograd off for its own.
     */
    public Generation generate(PromptTemplate template, Map<String, float[]> vectors, GenerationConfig config,
            TokenListener listener) {
        ElmBatch prompt = collator.prompt(new ElmExample("", template, vectors, ""));
        GenerationConfig effective = config.stopTokenIds().isEmpty()
                ? config.withStopTokenIds(List.of(tokenizer.eosId()))
                : config;
        Generator generator = new Generator(lm, ids -> tokenizer.decode(ids, true));
        try (NoGradScope noGrad = NoGradScope.enter(); NDManager step = lm.manager().newSubManager()) {
            return generator.generateFromEmbeddings(inputEmbeddings(prompt, step), effective, listener);
        }
    }

    private static NDArray concat(List<NDArray> arrays) {
        NDArray result = arrays.get(0);
        for (int i = 1; i < arrays.size(); i++) {
            result = result.concat(arrays.get(i), 0);
        }
        return result;
    }

    Map<String, Adapter> adaptersBySpace() {
        return Collections.unmodifiableMap(adapters);
    }

    @Override
    public void close() {
        if (lora != null) {
            lm.setLinearDelta(null);
            lora.close();
        }
        adapters.values().forEach(Adapter::close);
        lm.close();
        if (ownsTokenizer) {
            tokenizer.close();
        }
    }

    /** The device the model runs on. */
    public Device device() {
        return lm.device();
    }
}
