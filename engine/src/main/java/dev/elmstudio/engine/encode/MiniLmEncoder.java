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
    private static final int DIMENSION = 384;

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
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            // An empty segment is refused by langchain4j; a single space encodes to "no content".
            segments.add(TextSegment.from(text == null || text.isBlank() ? " " : text));
        }
        List<Embedding> embeddings = model.embedAll(segments).content();
        List<float[]> out = new ArrayList<>(embeddings.size());
        for (Embedding embedding : embeddings) {
            out.add(embedding.vector());
        }
        return out;
    }
}
