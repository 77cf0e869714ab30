package dev.elmstudio.app.panel.rate;

import dev.elmstudio.storage.RaterSession;
import dev.elmstudio.storage.RatingItem;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Path;
import java.util.List;

/** One session's results as the researcher sees them, with the CSV ready to save. */
record SessionResults(RaterSession session, int items, RatingResults.Summary summary, String csv) {

    static SessionResults read(Path workspaceFolder, long sessionId) {
        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            RaterSession session = workspace.ratings().session(sessionId).orElseThrow(
                    () -> new IllegalArgumentException("Rater session " + sessionId + " is not in " + workspaceFolder));
            List<RatingItem> items = workspace.ratings().items(sessionId);
            var ratings = workspace.ratings().ratings(sessionId);
            String csv = RatingsCsv.write(sessionId, items, ratings, workspace.ratings().comments(sessionId, null),
                    workspace.ratings().plans(sessionId));
            return new SessionResults(session, items.size(), RatingResults.summarise(items, ratings), csv);
        }
    }
}
