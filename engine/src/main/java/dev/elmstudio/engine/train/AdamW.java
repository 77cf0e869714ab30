package dev.elmstudio.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW with the semantics of {@code torch.optim.AdamW}, one fused native call per parameter.
 *
 * <p>DJL's native {@code adamUpdate} (PyTorch engine) computes, with g = rescaleGrad · grad:
 * <pre>
 *   w ← w − lr · wd · w                      (adamw = true: decoupled decay, uses the plain lr)
 *   m ← β1 m + (1 − β1) g ;  v ← β2 v + (1 − β2) g²
 *   w ← w − lrBiasCorrection · m / (√v + eps')
 * </pre>
 * and zeroes the parameter's gradient. PyTorch's update is lr · m̂ / (√v̂ + eps) with m̂ = m / bc1,
 * v̂ = v / bc2, bc_i = 1 − β_i^t. Multiplying numerator and denominator by √bc2 gives
 * (lr · √bc2 / bc1) · m / (√v + eps · √bc2), so we pass lrBiasCorrection = lr · √bc2 / bc1 and
 * eps' = eps · √bc2: the same update, not the approximation with the unscaled eps.
 *
 * <p>Following nanoGPT, tensors with two or more dimensions (matrices, embeddings) decay; vectors
 * (norm gains, biases) do not. Moments live in this optimizer's own manager, a child of the one
 * passed in, so {@link #close()} frees them and nothing else.
 */
public final class AdamW implements AutoCloseable {

    private static final String MEAN_SUFFIX = ".exp_avg";
    private static final String VARIANCE_SUFFIX = ".exp_avg_sq";

    private final List<String> names = new ArrayList<>();
    private final List<NDArray> parameters = new ArrayList<>();
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    private final NDManager stateManager;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private int stepCount;

    /**
     * @param trainable parameters to update, by name; the same array under two names (tied
     *     embeddings) is updated once, under its first name
     * @param parentManager the moments live in a child of it (use the model's manager so they sit
     *     on the parameters' device)
     */
    public AdamW(Map<String, NDArray> trainable, NDManager parentManager, double beta1, double beta2,
            double epsilon, double weightDecay) {
        if (trainable.isEmpty()) {
            throw new IllegalArgumentException("AdamW needs at least one trainable parameter");
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(epsilon > 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("need epsilon > 0 and weightDecay >= 0, got " + epsilon + ", "
                    + weightDecay);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        this.stateManager = parentManager.newSubManager();
        stateManager.setName("adamw-state");
        Map<NDArray, String> seen = new IdentityHashMap<>();
        for (Map.Entry<String, NDArray> entry : trainable.entrySet()) {
            NDArray parameter = entry.getValue();
            if (seen.putIfAbsent(parameter, entry.getKey()) != null) {
                continue;
            }
            if (!parameter.hasGradient()) {
                throw new IllegalArgumentException("parameter '" + entry.getKey() + "' does not require a gradient;"
                        + " pass only trainable parameters");
            }
            names.add(entry.getKey());
            parameters.add(parameter);
            means.add(stateManager.zeros(parameter.getShape(), parameter.getDataType(), parameter.getDevice()));
            variances.add(stateManager.zeros(parameter.getShape(), parameter.getDataType(), parameter.getDevice()));
        }
    }

    /** Updates taken so far (t in the bias corrections). */
    public int stepCount() {
        return stepCount;
    }

    /** Names of the parameters this optimizer updates, in update order. */
    public List<String> parameterNames() {
        return List.copyOf(names);
    }

    /**
     * Takes one update from the gradients that backward left on the parameters, then zeroes them.
     *
     * @param learningRate lr for this update (from the schedule)
     * @param maxGradNorm global-norm clip threshold; 0 = no clipping
     * @param stepManager per-step manager that receives the gradient handles and temporaries
     * @return the global gradient norm before clipping
     * @throws IllegalStateException when the gradient is not finite; the weights are then untouched
     */
    public double step(double learningRate, double maxGradNorm, NDManager stepManager) {
        return step(learningRate, maxGradNorm, stepManager, 1.0, false);
    }

    /**
     * {@link #step(double, double, NDManager)} for gradients of a loss multiplied by {@code gradientScale} (fp16 loss
     * scaling): the scale is divided out inside the fused update, so clipping and AdamW see the true gradient.
     *
     * @param skipNonFinite when the gradient holds inf or NaN: true zeroes the gradients and leaves weights, moments
     *     and the update count untouched (the loss scaler then lowers the scale), false throws
     * @return the global norm of the true (unscaled) gradient before clipping; not finite when skipped
     */
    public double step(double learningRate, double maxGradNorm, NDManager stepManager, double gradientScale,
            boolean skipNonFinite) {
        List<NDArray> gradients = new ArrayList<>(parameters.size());
        for (NDArray parameter : parameters) {
            NDArray gradient = parameter.getGradient();
            gradient.attach(stepManager); // getGradient() returns a new handle on the model's manager
            gradients.add(gradient);
        }
        double norm = GradientClipper.globalNorm(gradients) / gradientScale;
        if (!Double.isFinite(norm)) {
            if (skipNonFinite) {
                for (NDArray parameter : parameters) {
                    JniUtils.zeroGrad((PtNDArray) parameter);
                }
                return norm;
            }
            throw new IllegalStateException("gradient norm is " + norm + " at update " + (stepCount + 1)
                    + "; the loss diverged. Lower the learning rate or raise warm-up.");
        }
        float rescale = (float) (GradientClipper.scaleFor(norm, maxGradNorm) / gradientScale);
        stepCount++;
        double biasCorrection1 = 1 - Math.pow(beta1, stepCount);
        double sqrtBiasCorrection2 = Math.sqrt(1 - Math.pow(beta2, stepCount));
        float lrBiasCorrected = (float) (learningRate * sqrtBiasCorrection2 / biasCorrection1);
        float scaledEpsilon = (float) (epsilon * sqrtBiasCorrection2);
        for (int i = 0; i < parameters.size(); i++) {
            NDArray parameter = parameters.get(i);
            float decay = parameter.getShape().dimension() >= 2 ? (float) weightDecay : 0f;
            parameter.getNDArrayInternal().adamUpdate(
                    new NDList(parameter, gradients.get(i), means.get(i), variances.get(i)), new NDList(parameter),
                    (float) learningRate, lrBiasCorrected, decay, rescale, -1f /* no element clip */,
                    (float) beta1, (float) beta2, scaledEpsilon, false, true);
        }
        return norm;
    }

    /**
     * The moments by name ({@code <param>.exp_avg}, {@code <param>.exp_avg_sq}, as in a PyTorch
     * state dict). These are the live arrays: write them out, do not close or modify them.
     */
    public Map<String, NDArray> exportState() {
        Map<String, NDArray> state = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            state.put(names.get(i) + MEAN_SUFFIX, means.get(i));
            state.put(names.get(i) + VARIANCE_SUFFIX, variances.get(i));
        }
        return state;
    }

    /** Copies saved moments and the update count into this optimizer (for an exact resume). */
    public void importState(Map<String, NDArray> state, int savedStepCount) {
        if (savedStepCount < 0) {
            throw new IllegalArgumentException("step count must be >= 0, got " + savedStepCount);
        }
        for (int i = 0; i < names.size(); i++) {
            copyInto(state, names.get(i) + MEAN_SUFFIX, means.get(i));
            copyInto(state, names.get(i) + VARIANCE_SUFFIX, variances.get(i));
        }
        if (state.size() != 2 * names.size()) {
            throw new IllegalArgumentException("optimizer state holds " + state.size() + " tensors, expected "
                    + 2 * names.size() + " (2 per trainable parameter); it was saved for other parameters");
        }
        stepCount = savedStepCount;
    }

    private static void copyInto(Map<String, NDArray> state, String key, NDArray target) {
        NDArray saved = state.get(key);
        if (saved == null) {
            throw new IllegalArgumentException("optimizer state lacks '" + key + "'");
        }
        if (!saved.getShape().equals(target.getShape()) || saved.getDataType() != target.getDataType()) {
            throw new IllegalArgumentException("optimizer state '" + key + "' is " + saved.getDataType() + " "
                    + saved.getShape() + ", expected " + target.getDataType() + " " + target.getShape());
        }
        // A libtorch-owned copy swapped into the existing array, so the moment keeps its identity and
        // shares no memory with the file's arrays (NDArray.set would alias a Java direct buffer).
        NDArray owned = saved.getDevice().equals(target.getDevice())
                ? saved.duplicate()
                : saved.toDevice(target.getDevice(), true);
        target.intern(owned);
    }

    /** Arrays held in the optimizer's own manager: 2 per parameter, and it must stay so. */
    int stateArrayCount() {
        return stateManager.getManagedArrays().size();
    }

    @Override
    public void close() {
        stateManager.close();
    }
}
