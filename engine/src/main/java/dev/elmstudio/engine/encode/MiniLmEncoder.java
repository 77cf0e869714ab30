package dev.elmstudio.engine.encode;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The default encoder: sentence-transformers' all-MiniLM-L6-v2 (384 dimensions), run in process by
 * ONNX Runtime from the model packaged inside langchain4j's jar, so nothing is downloaded. Loading
 * takes a second or two; keep one instance.
 */
public final class MiniLmEncoder implements TextEncoder {
    public static final int DIMENSION = 384;

    private final AllMiniLmL6V2EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();

    @Override
    public String name() {
        return "all-MiniLM-L6-v2";
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public List<float[]> encode(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        // langchain4j refuses blank text (a space too), so blank texts skip the model and get the zero vector:
        // "no content", whose cosine with anything is 0 rather than an error for the whole batch.
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                segments.add(TextSegment.from(text));
            }
        }
        List<Embedding> embeddings = segments.isEmpty() ? List.of() : model.embedAll(segments).content();
        List<float[]> out = new ArrayList<>(texts.size());
        int next = 0;
        for (String text : texts) {
            out.add(text == null || text.isBlank() ? new float[DIMENSION] : embeddings.get(next++).vector());
        }
        return out;
    }
}
