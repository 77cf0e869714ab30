package dev.elmstudio.engine.elm.experiments;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import dev.elmstudio.engine.elm.ElmExample;
import dev.elmstudio.engine.elm.ElmModel;
import dev.elmstudio.engine.elm.ElmTrainer;
import dev.elmstudio.engine.elm.ElmTrainingConfig;
import dev.elmstudio.engine.elm.StageConfig;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import dev.elmstudio.engine.train.TrainingControl;
import dev.elmstudio.engine.train.TrainingEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper's appendix-D check, on {@link ToyTask}: how many updates until the ELM names the direction of ≥ 95% of
 * held-out points exactly, when training in two stages (adapter first, then everything) versus jointly from the
 * start, with ℓ = 1 and ℓ = 4 adapter positions. Every run starts from the same pretrained base LM and the same
 * adapter initialisation; only the schedule differs.
 *
 * <p>Run: {@code java -cp … dev.elmstudio.engine.elm.experiments.ToyExperiment [budget]}. The last line reads
 * {@code RESULT toy_two_stage_steps=<n> toy_joint_steps=<m>} (ℓ = 1; a run that never converged reports the budget
 * and says so above).
 */
public final class ToyExperiment {
    public static final double TARGET_ACCURACY = 0.95;
    public static final int EVAL_EVERY = 20;
    public static final int BATCH = 32;
    /** Rate of the full stage (and of joint training). */
    public static final double LEARNING_RATE = 1e-3;
    /** Rate of the adapter-only stage: a small fresh MLP under a frozen LM takes a larger step. */
    public static final double ADAPTER_LEARNING_RATE = 1e-2;

    /** Outcome of one schedule. */
    public record Outcome(int steps, boolean converged, double accuracy) {}

    private ToyExperiment() {}

    public static void main(String[] args) throws IOException {
        int budget = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int stage1 = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path folder = Files.createTempDirectory("elm-toy");
        try (Tokenizer tokenizer = ToyTask.tokenizer(folder)) {
            long start = System.nanoTime();
            Map<String, float[]> base = snapshot(ToyTask.pretrainedLm(tokenizer, 300, 1));
            System.out.printf("base LM pretrained (%.1f s)%n", (System.nanoTime() - start) / 1e9);
            List<ElmExample> train = ToyTask.points(512, 2);
            List<ElmExample> held = ToyTask.points(128, 3);
            Map<String, Outcome> results = new LinkedHashMap<>();
            for (int ell : new int[] {1, 4}) {
                for (boolean twoStage : new boolean[] {true, false}) {
                    long t0 = System.nanoTime();
                    Outcome outcome = stepsToConverge(tokenizer, base, ell, twoStage ? stage1 : 0, ADAPTER_LEARNING_RATE, budget,
                            train, held);
                    String name = (twoStage ? "two_stage" : "joint") + "_l" + ell;
                    results.put(name, outcome);
                    System.out.printf("%-13s steps=%-5d converged=%-5s held-out exact match=%.3f (%.1f s)%n", name,
                            outcome.steps(), outcome.converged(), outcome.accuracy(), (System.nanoTime() - t0) / 1e9);
                }
            }
            System.out.printf("RESULT toy_two_stage_steps=%d toy_joint_steps=%d%n", results.get("two_stage_l1").steps(),
                    results.get("joint_l1").steps());
        }
    }

    /**
     * Trains an ELM on a copy of the base LM and reports the first evaluation step at which held-out exact match
     * reaches {@link #TARGET_ACCURACY} (checked every {@link #EVAL_EVERY} updates), or the budget.
     *
     * @param stage1Steps adapter-only updates before the full stage; 0 trains everything from the start
     */
    public static Outcome stepsToConverge(Tokenizer tokenizer, Map<String, float[]> baseWeights, int ell,
            int stage1Steps, double stage1LearningRate, int budget, List<ElmExample> train, List<ElmExample> held)
            throws IOException {
        CausalLm lm = new CausalLm(ToyTask.lmConfig(tokenizer), Device.cpu(), 0);
        restore(lm, baseWeights);
        try (ElmModel elm = new ElmModel(lm, tokenizer, Map.of(ToyTask.SPACE, ToyTask.adapter(lm.config(), ell)), 7)) {
            int first = Math.min(stage1Steps, budget);
            ElmTrainingConfig config = ElmTrainingConfig.of(
                    constant(first, stage1LearningRate), constant(budget - first, LEARNING_RATE), 11);
            TrainingControl control = new TrainingControl();
            double[] accuracy = {0};
            int[] convergedAt = {-1};
            new ElmTrainer(elm, train, List.of(), config).withControl(control).withListener((stage, event) -> {
                if (event instanceof TrainingEvent.StepEvent s && s.step() % EVAL_EVERY == 0) {
                    accuracy[0] = elm.exactMatch(held, 128);
                    if (accuracy[0] >= TARGET_ACCURACY) {
                        convergedAt[0] = s.step();
                        control.cancel();
                    }
                }
            }).run();
            return convergedAt[0] > 0
                    ? new Outcome(convergedAt[0], true, accuracy[0])
                    : new Outcome(budget, false, elm.exactMatch(held, 128));
        }
    }

    private static StageConfig constant(int steps, double lr) {
        return steps == 0
                ? StageConfig.skipped()
                : new StageConfig(steps, BATCH, lr, lr, Math.min(10, steps), 0.0, 1.0);
    }

    /** Copies of every LM weight, to start each schedule from the same base model. */
    public static Map<String, float[]> snapshot(CausalLm lm) {
        try (lm) {
            Map<String, float[]> copy = new LinkedHashMap<>();
            lm.parameters().forEach((name, array) -> copy.put(name, array.toFloatArray()));
            return copy;
        }
    }

    private static void restore(CausalLm lm, Map<String, float[]> weights) {
        try (var scratch = lm.manager().newSubManager()) {
            for (Map.Entry<String, NDArray> e : lm.parameters().entrySet()) {
                // duplicate(): CausalLm.copyParameter would otherwise alias the Java-backed buffer of create().
                lm.copyParameter(e.getKey(), scratch.create(weights.get(e.getKey()), e.getValue().getShape()).duplicate());
            }
        }
    }
}
