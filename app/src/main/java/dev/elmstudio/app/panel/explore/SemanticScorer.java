package dev.elmstudio.app.panel.explore;

import dev.elmstudio.engine.encode.TextEncoder;
import dev.elmstudio.engine.eval.SemanticConsistency;
import java.util.List;
import java.util.function.Supplier;

/**
 * SC of a generated text (background thread) with the encoder that builds the semantic spaces (all-MiniLM-L6-v2
 * in the app), asked for on first use and then kept.
 */
final class SemanticScorer {
    private final Supplier<? extends TextEncoder> encoders;
    private SemanticConsistency consistency;

    SemanticScorer(Supplier<? extends TextEncoder> encoders) {
        this.encoders = encoders;
    }

    synchronized double score(String text, float[] semanticTarget) {
        if (consistency == null) {
            TextEncoder encoder = encoders.get();
            consistency = new SemanticConsistency(t -> encoder.encode(List.of(t)).get(0));
        }
        return consistency.score(text, semanticTarget);
    }
}
