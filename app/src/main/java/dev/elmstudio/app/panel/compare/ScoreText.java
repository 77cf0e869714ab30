package dev.elmstudio.app.panel.compare;

import dev.elmstudio.app.compare.ConsistencyScorer;
import java.util.Locale;

/** The line under each text: its SC and BC, saying why one is missing rather than showing NaN. */
final class ScoreText {
    private ScoreText() {}

    static String of(ConsistencyScorer.Scores scores, boolean hasUsers, String against) {
        if (Double.isNaN(scores.sc())) {
            return "SC, BC undefined: the text is blank";
        }
        String bc = !hasUsers ? "BC n/a (the dataset has no users)"
                : Double.isNaN(scores.bcNdcg()) ? "BC undefined"
                : String.format(Locale.ROOT, "BC NDCG %.3f · BC Spearman %.3f", scores.bcNdcg(), scores.bcSpearman());
        return String.format(Locale.ROOT, "SC %.3f · %s — against %s", scores.sc(), bc, against);
    }
}
