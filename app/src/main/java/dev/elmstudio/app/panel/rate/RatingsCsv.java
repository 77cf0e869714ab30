package dev.elmstudio.app.panel.rate;

import dev.elmstudio.engine.eval.Csv;
import dev.elmstudio.storage.RaterPlan;
import dev.elmstudio.storage.Rating;
import dev.elmstudio.storage.RatingComment;
import dev.elmstudio.storage.RatingItem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One row per answer, for analysis elsewhere: session, rater, item, task, model (revealed: this is the researcher's
 * export), side (where the text is stored), position (what the rater saw: A, B, or single), order (the rater's
 * k-th item, from 1), statement, score, the rater's comment on that text, and when the answer was given.
 */
public final class RatingsCsv {

    public static final String HEADER =
            "session,rater,item,task,model,side,position,order,statement,score,comment,time";

    private RatingsCsv() { }

    public static String write(long sessionId, List<RatingItem> items, List<Rating> ratings,
            List<RatingComment> comments, List<RaterPlan> plans) {
        Map<Long, RatingItem> byId = items.stream().collect(Collectors.toMap(RatingItem::id, Function.identity()));
        Map<String, String> commentByText = new HashMap<>();
        for (RatingComment c : comments) {
            commentByText.put(c.raterId() + "\u0000" + c.itemId() + ":" + c.side(), c.comment());
        }
        Map<String, RaterPlan.Step> stepByRaterItem = new HashMap<>();
        Map<String, Integer> orderByRaterItem = new HashMap<>();
        for (RaterPlan plan : plans) {
            for (int k = 0; k < plan.steps().size(); k++) {
                String key = plan.raterId() + "\u0000" + plan.steps().get(k).itemId();
                stepByRaterItem.put(key, plan.steps().get(k));
                orderByRaterItem.put(key, k + 1);
            }
        }
        StringBuilder csv = new StringBuilder(Csv.row(List.of(HEADER.split(","))));
        for (Rating r : ratings) {
            RatingItem item = byId.get(r.itemId());
            String key = r.raterId() + "\u0000" + r.itemId();
            Integer order = orderByRaterItem.get(key);
            String comment = commentByText.getOrDefault(r.raterId() + "\u0000" + r.itemId() + ":" + r.side(), "");
            csv.append(Csv.row(List.of(Long.toString(sessionId), r.raterId(), Long.toString(r.itemId()), item.task(),
                    RatingResults.modelOf(item, r.side()), r.side(), position(item, r.side(), stepByRaterItem.get(key)),
                    order == null ? "" : order.toString(), Integer.toString(r.statement()),
                    Integer.toString(r.score()), comment, r.createdAt().toString())));
        }
        return csv.toString();
    }

    /** What the rater saw this side as. */
    static String position(RatingItem item, String side, RaterPlan.Step step) {
        if (item.rightText() == null) {
            return "single";
        }
        boolean swapped = step != null && step.swapped();
        return ("left".equals(side) != swapped) ? "A" : "B";
    }
}
