package dev.elmstudio.engine.elm.experiments;

import ai.djl.Device;
import dev.elmstudio.engine.elm.AdapterConfig;
import dev.elmstudio.engine.elm.ElmExample;
import dev.elmstudio.engine.elm.ElmModel;
import dev.elmstudio.engine.elm.ElmTrainer;
import dev.elmstudio.engine.elm.ElmTrainingConfig;
import dev.elmstudio.engine.elm.PromptTemplate;
import dev.elmstudio.engine.elm.StageConfig;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.LmConfig;
import dev.elmstudio.engine.tokenizer.BpeTrainer;
import dev.elmstudio.engine.tokenizer.SpecialTokens;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The paper's toy problem (appendix D): points of a 2-D embedding space mapped to words. A point's word is its
 * compass direction from the origin (8 sectors); the ELM reads the point through the prompt
 * {@code "the point {point} is"} and must answer with the word.
 *
 * <p>The base LM is first pretrained on the same sentences without the point ({@code "the point is" → word},
 * words drawn at random), so it knows the language but not the space, as a real pretrained LLM would.
 * Points lie at radius 0.5–1 and at least {@link #MARGIN_DEGREES} from a sector border, so the labels are
 * unambiguous.
 */
public final class ToyTask {
    public static final List<String> WORDS = List.of("east", "northeast", "north", "northwest", "west", "southwest",
            "south", "southeast");
    public static final String SPACE = "plane";
    public static final PromptTemplate PROMPT = PromptTemplate.of("the point {point} is", SPACE);
    public static final PromptTemplate LM_PROMPT = PromptTemplate.of("the point is", SPACE);
    public static final double MARGIN_DEGREES = 4.0;

    private ToyTask() {}

    /** A byte-level BPE tokenizer trained on the task's sentences (each word becomes one token). */
    public static Tokenizer tokenizer(Path folder) throws IOException {
        List<String> corpus = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            for (String word : WORDS) {
                corpus.add("the point is " + word);
            }
        }
        Path file = folder.resolve("tokenizer.json");
        BpeTrainer.builder().setVocabSize(SpecialTokens.ELM.size() + 256 + 64).optSpecialTokens(SpecialTokens.ELM)
                .build().train(corpus).writeTokenizerJson(file);
        return Tokenizer.load(file);
    }

    /** The tiny base LM: GPT-2 style, 2 layers, width 32. */
    public static LmConfig lmConfig(Tokenizer tokenizer) {
        return LmConfig.gpt2(tokenizer.vocabSize(), 32, 2, 4, 16);
    }

    /** Labelled points: (x, y) → " word". */
    public static List<ElmExample> points(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ElmExample> examples = new ArrayList<>(count);
        while (examples.size() < count) {
            double degrees = random.nextDouble(360.0);
            double offset = (degrees + 22.5) % 45.0; // distance past the sector's start border
            if (offset < MARGIN_DEGREES || offset > 45.0 - MARGIN_DEGREES) {
                continue;
            }
            int sector = (int) (((degrees + 22.5) % 360.0) / 45.0);
            double radius = 0.5 + 0.5 * random.nextDouble();
            float[] xy = {(float) (radius * Math.cos(Math.toRadians(degrees))),
                    (float) (radius * Math.sin(Math.toRadians(degrees)))};
            examples.add(new ElmExample("p" + seed + "-" + examples.size(), PROMPT, Map.of("point", xy),
                    " " + WORDS.get(sector)));
        }
        return examples;
    }

    /** Pretraining sentences for the base LM: the prompt without its point, a random word. */
    public static List<ElmExample> lmSentences(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ElmExample> examples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            examples.add(new ElmExample("s" + i, LM_PROMPT, Map.of(), " " + WORDS.get(random.nextInt(WORDS.size()))));
        }
        return examples;
    }

    /** A base LM pretrained on {@link #lmSentences} until it speaks the task's language. */
    public static CausalLm pretrainedLm(Tokenizer tokenizer, int steps, long seed) throws IOException {
        CausalLm lm = new CausalLm(lmConfig(tokenizer), Device.cpu(), seed);
        ElmModel textOnly = new ElmModel(lm, tokenizer, Map.of(), seed); // no adapters; not closed: it owns only lm
        ElmTrainingConfig config = ElmTrainingConfig.of(StageConfig.skipped(), StageConfig.of(steps, 32, 3e-3), seed);
        new ElmTrainer(textOnly, lmSentences(256, seed), List.of(), config).run();
        return lm;
    }

    /** The task's adapter: 2-D → hidden 64 → ℓ positions of width D. */
    public static AdapterConfig adapter(LmConfig lm, int tokens) {
        return new AdapterConfig(2, 64, lm.hiddenSize(), tokens, AdapterConfig.Activation.GELU, 0.02);
    }
}
