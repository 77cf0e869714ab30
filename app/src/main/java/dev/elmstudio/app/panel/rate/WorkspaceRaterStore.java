package dev.elmstudio.app.panel.rate;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.elmstudio.storage.Rating;
import dev.elmstudio.storage.RaterPlan;
import dev.elmstudio.storage.RaterSession;
import dev.elmstudio.storage.RatingComment;
import dev.elmstudio.storage.RatingItem;
import dev.elmstudio.storage.StorageException;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rater mode's workspace: opened for writing for as long as rater mode lasts, so each answer is one autocommitted
 * row written the moment it is given (a few milliseconds; nothing is queued that a crash could lose).
 */
public final class WorkspaceRaterStore implements RaterStore {

    private final Workspace workspace;
    private final RaterSession session;
    private final long sessionSeed;

    private WorkspaceRaterStore(Workspace workspace, RaterSession session) {
        this.workspace = workspace;
        this.session = session;
        JsonObject config = JsonParser.parseString(session.configJson()).getAsJsonObject();
        this.sessionSeed = config.has("seed") ? config.get("seed").getAsLong() : session.id();
    }

    /** Opens the workspace for writing; fails naming the workspace when another writer (a training) holds it. */
    public static WorkspaceRaterStore open(Path workspaceFolder, long sessionId) {
        Workspace workspace = Workspace.open(workspaceFolder);
        try {
            RaterSession session = workspace.ratings().session(sessionId).orElseThrow(
                    () -> new StorageException("Rater session " + sessionId + " is not in " + workspaceFolder));
            return new WorkspaceRaterStore(workspace, session);
        } catch (RuntimeException e) {
            workspace.close();
            throw e;
        }
    }

    @Override
    public String sessionName() {
        return session.name();
    }

    @Override
    public boolean hasStarted(String raterId) {
        return workspace.ratings().plan(session.id(), raterId).isPresent();
    }

    @Override
    public Start start(String raterId) {
        List<RatingItem> items = workspace.ratings().items(session.id());
        RaterPlan plan = workspace.ratings().plan(session.id(), raterId).orElseGet(() -> {
            RaterPlan created = RaterPlans.plan(session.id(), raterId, RaterPlans.seedFor(sessionSeed, raterId), items);
            workspace.ratings().savePlan(created);
            return created;
        });
        Map<Long, RatingItem> byId = items.stream().collect(Collectors.toMap(RatingItem::id, Function.identity()));
        List<RaterItem> shown = new ArrayList<>();
        for (RaterPlan.Step step : plan.steps()) {
            shown.add(forRater(byId.get(step.itemId()), step.swapped()));
        }
        Map<String, Integer> scores = new HashMap<>();
        for (Rating rating : workspace.ratings().ratingsBy(session.id(), raterId)) {
            scores.put(RaterStore.key(rating.itemId(), rating.side(), rating.statement()), rating.score());
        }
        Map<String, String> comments = new HashMap<>();
        for (RatingComment comment : workspace.ratings().comments(session.id(), raterId)) {
            comments.put(RaterStore.commentKey(comment.itemId(), comment.side()), comment.comment());
        }
        return new Start(shown, scores, comments);
    }

    /** Drops the model names: the rater's item knows texts only as Text A / Text B. */
    static RaterItem forRater(RatingItem item, boolean swapped) {
        JsonObject input = JsonParser.parseString(item.inputJson()).getAsJsonObject();
        String label = input.has("label") ? input.get("label").getAsString() : "";
        String prompt = input.has("prompt") ? input.get("prompt").getAsString() : item.task();
        List<RaterItem.Text> texts = new ArrayList<>();
        if (item.rightText() == null) {
            texts.add(new RaterItem.Text("Text", item.leftText(), "left"));
        } else if (swapped) {
            texts.add(new RaterItem.Text("Text A", item.rightText(), "right"));
            texts.add(new RaterItem.Text("Text B", item.leftText(), "left"));
        } else {
            texts.add(new RaterItem.Text("Text A", item.leftText(), "left"));
            texts.add(new RaterItem.Text("Text B", item.rightText(), "right"));
        }
        return new RaterItem(item.id(), item.task(), label, prompt, texts);
    }

    @Override
    public void saveScore(long itemId, String raterId, String side, int statement, int score) {
        workspace.ratings().record(new Rating(itemId, raterId, side, statement, score, null, Instant.now()));
    }

    @Override
    public void saveComment(long itemId, String raterId, String side, String comment) {
        workspace.ratings().recordComment(new RatingComment(itemId, raterId, side, comment, Instant.now()));
    }

    @Override
    public boolean pinMatches(char[] pin) {
        return PinHash.matches(pin, session.pinHash());
    }

    @Override
    public void close() {
        workspace.close();
    }
}
