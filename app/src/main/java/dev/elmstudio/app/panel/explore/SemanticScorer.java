package dev.elmstudio.app.panel.explore;

import dev.elmstudio.engine.encode.MiniLmEncoder;
import dev.elmstudio.engine.eval.SemanticConsistency;
import java.util.List;

/**
 * SC of a generated text (background thread): all-MiniLM-L6-v2, the encoder that builds the semantic spaces,
 * loaded on first use (a second or two) and then kept.
 */
final class SemanticScorer {
    private SemanticConsistency consistency;

    synchronized double score(String text, float[] semanticTarget) {
        if (consistency == null) {
            MiniLmEncoder encoder = new MiniLmEncoder();
            consistency = new SemanticConsistency(t -> encoder.encode(List.of(t)).get(0));
        }
        return consistency.score(text, semanticTarget);
    }
}
