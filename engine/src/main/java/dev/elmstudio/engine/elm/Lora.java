package dev.elmstudio.engine.elm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.LinearDelta;
import dev.elmstudio.engine.lm.Ops;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Low-rank updates of an LM's projections: for each targeted weight W [out, in], y = x·Wᵀ + b + s·(x·Aᵀ)·Bᵀ with
 * A [r, in] ~ U(−1/√in, 1/√in) (as peft initialises it), B [out, r] = 0 and s = alpha / r. Installed into the LM
 * as its {@link LinearDelta}; {@link #mergeInto} folds s·B·A into the base weights for export.
 *
 * <p>Parameter names follow peft: {@code <module>.lora_A.weight}, {@code <module>.lora_B.weight}, where the
 * module is the weight's name without {@code .weight}.
 */
public final class Lora implements LinearDelta, AutoCloseable {
    private record Pair(NDArray a, NDArray b) {}

    private final LoraConfig config;
    private final NDManager manager;
    private final Map<String, Pair> byWeight = new LinkedHashMap<>();
    private final Map<String, NDArray> parameters = new LinkedHashMap<>();

    public Lora(CausalLm lm, LoraConfig config, long seed) {
        this.config = config;
        this.manager = lm.manager().newSubManager();
        manager.setName("lora");
        SplittableRandom random = new SplittableRandom(seed);
        for (Map.Entry<String, NDArray> e : lm.parameters().entrySet()) {
            String name = e.getKey();
            Shape shape = e.getValue().getShape();
            if (shape.dimension() != 2 || config.targets().stream().noneMatch(t -> name.endsWith(t + ".weight"))) {
                continue;
            }
            int out = Math.toIntExact(shape.get(0));
            int in = Math.toIntExact(shape.get(1));
            float[] a = new float[config.rank() * in];
            double bound = 1.0 / Math.sqrt(in);
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
            }
            String module = name.substring(0, name.length() - ".weight".length());
            // duplicate(): parameters must live in libtorch memory, not in the Java buffer create() wraps.
            NDArray aArray = register(module + ".lora_A.weight", manager.create(a, new Shape(config.rank(), in)));
            NDArray bArray = register(module + ".lora_B.weight", manager.zeros(new Shape(out, config.rank())));
            byWeight.put(name, new Pair(aArray, bArray));
        }
        if (byWeight.isEmpty()) {
            throw new IllegalArgumentException("no LM weight matches the LoRA targets " + config.targets()
                    + " (names look like " + lm.parameters().keySet().stream().skip(2).findFirst().orElse("?") + ")");
        }
    }

    public LoraConfig config() {
        return config;
    }

    /** LoRA parameters by peft name, in a fixed order. */
    public Map<String, NDArray> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    @Override
    public NDArray apply(String weightName, NDArray input) {
        Pair pair = byWeight.get(weightName);
        if (pair == null) {
            return null;
        }
        NDArray low = Ops.linear(input, pair.a(), null); // [..., r]
        return Ops.linear(low, pair.b(), null).mul(Ops.scalar(low, (float) config.scale())); // [..., out]
    }

    /** Adds s·B·A to each targeted base weight of {@code lm} (the LM must no longer use this delta afterwards). */
    public void mergeInto(CausalLm lm) {
        try (NDManager scratch = lm.manager().newSubManager()) {
            for (Map.Entry<String, Pair> e : byWeight.entrySet()) {
                NDArray a = e.getValue().a().duplicate();
                a.attach(scratch);
                NDArray b = e.getValue().b().duplicate();
                b.attach(scratch);
                NDArray base = lm.parameters().get(e.getKey()).duplicate();
                base.attach(scratch);
                NDArray merged = base.add(b.matMul(a).mul(Ops.scalar(a, (float) config.scale()))); // [out, in]
                lm.copyParameter(e.getKey(), merged);
            }
        }
    }

    /** Marks every LoRA weight trainable or frozen. */
    public void setTrainable(boolean trainable) {
        parameters.values().forEach(p -> p.setRequiresGradient(trainable));
    }

    private NDArray register(String name, NDArray created) {
        NDArray owned = created.duplicate(); // libtorch memory: safe for autograd to keep
        created.close();
        owned.setName(name);
        parameters.put(name, owned);
        return owned;
    }

    @Override
    public void close() {
        manager.close();
    }
}
