package dev.elmstudio.engine.elm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.elmstudio.engine.lm.Ops;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The paper's E_A: a two-layer MLP that maps a domain vector w ∈ W to ℓ positions of the LM's token-embedding
 * space Z.
 *
 * <pre>
 *   w [N, d] → fc1 → act → [N, H] → fc2 → [N, ℓ·D] → reshape → [N, ℓ, D]
 * </pre>
 *
 * Weights use torch.nn.Linear layout: {@code fc1.weight [H, d]}, {@code fc1.bias [H]}, {@code fc2.weight [ℓ·D, H]},
 * {@code fc2.bias [ℓ·D]}. They live in their own manager; ops are called on the input, so every activation joins
 * the caller's (per-step) manager.
 */
public final class Adapter implements AutoCloseable {
    private final AdapterConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> parameters = new LinkedHashMap<>();
    private final NDArray fc1Weight;
    private final NDArray fc1Bias;
    private final NDArray fc2Weight;
    private final NDArray fc2Bias;

    /**
     * A freshly initialised adapter: fc1 ~ N(0, 1/d) (so the hidden pre-activations have unit scale for unit-scale
     * inputs), fc2 ~ N(0, initStd²), zero biases. Values come from a seeded Java generator, so a seed gives the same
     * adapter on every device.
     *
     * @param parent the adapter's manager becomes a child of it (use the LM's, so both sit on one device)
     */
    public Adapter(AdapterConfig config, NDManager parent, long seed) {
        this.config = config;
        this.manager = parent.newSubManager();
        manager.setName("adapter");
        SplittableRandom random = new SplittableRandom(seed);
        int d = config.inputDim();
        int h = config.hiddenDim();
        int out = config.tokens() * config.outputDim();
        fc1Weight = register("fc1.weight", gaussian(random, 1.0 / Math.sqrt(d), h, d));
        fc1Bias = register("fc1.bias", manager.zeros(new Shape(h)));
        fc2Weight = register("fc2.weight", gaussian(random, config.initStd(), out, h));
        fc2Bias = register("fc2.bias", manager.zeros(new Shape(out)));
    }

    public AdapterConfig config() {
        return config;
    }

    /** Parameters by local name ({@code fc1.weight} …), in a fixed order. */
    public Map<String, NDArray> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /**
     * @param vectors [N, d] float32, in the caller's manager
     * @return E_A(w) [N, ℓ, D], in the manager of {@code vectors}
     */
    public NDArray forward(NDArray vectors) {
        Shape shape = vectors.getShape();
        if (shape.dimension() != 2 || shape.get(1) != config.inputDim()) {
            throw new IllegalArgumentException("adapter expects vectors [N, " + config.inputDim() + "], got " + shape);
        }
        NDArray hidden = activate(Ops.linear(vectors, fc1Weight, fc1Bias)); // [N, H]
        return Ops.linear(hidden, fc2Weight, fc2Bias)
                .reshape(shape.get(0), config.tokens(), config.outputDim()); // [N, ℓ, D]
    }

    /** Copies {@code value} into parameter {@code name}, keeping the array's identity (the optimizer holds it). */
    public void copyParameter(String name, NDArray value) {
        NDArray target = parameters.get(name);
        if (target == null) {
            throw new IllegalArgumentException("adapter has no parameter '" + name + "' (it has " + parameters.keySet()
                    + ")");
        }
        if (!target.getShape().equals(value.getShape())) {
            throw new IllegalArgumentException("adapter parameter '" + name + "' has shape " + target.getShape()
                    + " but the value has shape " + value.getShape());
        }
        boolean trainable = target.hasGradient();
        // duplicate() is a real copy: DJL's toDevice/toType with copy=true return an alias when nothing changes,
        // and an alias of a from_blob array (manager.create(float[])) dangles once that array is collected.
        NDArray copy = value.toDevice(target.getDevice(), false).toType(DataType.FLOAT32, false).duplicate();
        target.intern(copy);
        if (trainable) {
            target.setRequiresGradient(true);
        }
    }

    /** Marks every adapter weight trainable (gradient attached) or frozen. */
    public void setTrainable(boolean trainable) {
        parameters.values().forEach(p -> p.setRequiresGradient(trainable));
    }

    private NDArray activate(NDArray x) {
        return switch (config.activation()) {
            case GELU -> Ops.gelu(x);
            case RELU -> x.getNDArrayInternal().relu();
            case TANH -> x.tanh();
            case SILU -> Ops.silu(x);
        };
    }

    private NDArray gaussian(SplittableRandom random, double std, int rows, int cols) {
        float[] values = new float[rows * cols];
        for (int i = 0; i < values.length; i += 2) {
            // Box-Muller: two normals per pair of uniforms.
            double u1 = Math.max(random.nextDouble(), Double.MIN_NORMAL);
            double u2 = random.nextDouble();
            double radius = Math.sqrt(-2.0 * Math.log(u1));
            values[i] = (float) (std * radius * Math.cos(2 * Math.PI * u2));
            if (i + 1 < values.length) {
                values[i + 1] = (float) (std * radius * Math.sin(2 * Math.PI * u2));
            }
        }
        return manager.create(values, new Shape(rows, cols));
    }

    private NDArray register(String name, NDArray array) {
        array.setName(name);
        array.setRequiresGradient(true);
        parameters.put(name, array);
        return array;
    }

    @Override
    public void close() {
        manager.close();
    }
}
