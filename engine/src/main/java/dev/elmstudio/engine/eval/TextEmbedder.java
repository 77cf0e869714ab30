package dev.elmstudio.engine.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The one thing evaluation needs from a text encoder: a vector for a text. Kept minimal so the
 * real encoder (all-MiniLM in {@code encode/}) plugs in with a one-line adapter, and tests can use
 * a fake. It must be the encoder that built the semantic space, or SC means nothing.
 */
@FunctionalInterface
public interface TextEmbedder {

    float[] encode(String text);

    /** One vector per text, in order. Override where the encoder batches better. */
    default List<float[]> encodeAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            vectors.add(encode(text));
        }
        return vectors;
    }
}
