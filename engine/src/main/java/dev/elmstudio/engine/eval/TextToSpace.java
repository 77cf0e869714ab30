package dev.elmstudio.engine.eval;

/**
 * Where generated text lands in the space an input vector lives in: encode it, then (for a
 * behavioral space) map it with the ridge map fitted on training items. Sweeps score text against
 * vectors through this, so SC and attribute scores compare like with like.
 */
@FunctionalInterface
public interface TextToSpace {

    float[] embed(String text);

    /** The semantic space itself: the encoder's output as is. */
    static TextToSpace semantic(TextEmbedder encoder) {
        return encoder::encode;
    }

    /** A behavioral space: the encoder's output through a text→space map. */
    static TextToSpace through(TextEmbedder encoder, LinearMap textToSpace) {
        return text -> textToSpace.apply(encoder.encode(text));
    }
}
