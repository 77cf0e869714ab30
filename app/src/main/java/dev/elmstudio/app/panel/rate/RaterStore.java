package dev.elmstudio.app.panel.rate;

import java.util.List;
import java.util.Map;

/**
 * What rater mode may do with the workspace: start (or resume) one rater, save that rater's answers the moment they
 * are given, and check the researcher's PIN. It offers no way to read other raters' answers or which model wrote
 * a text.
 */
public interface RaterStore extends AutoCloseable {

    /** The session's name, shown on the rater's first screen. */
    String sessionName();

    /** Whether this rater id has started the session before (resuming shows their earlier answers). */
    boolean hasStarted(String raterId);

    /** The rater's items in their own order (created and stored on first start) and their earlier answers. */
    Start start(String raterId);

    void saveScore(long itemId, String raterId, String side, int statement, int score);

    void saveComment(long itemId, String raterId, String side, String comment);

    boolean pinMatches(char[] pin);

    @Override
    void close();

    /**
     * @param scores earlier answers by {@link #key}
     * @param comments earlier comments by {@code itemId + ":" + side}
     */
    record Start(List<RaterItem> items, Map<String, Integer> scores, Map<String, String> comments) {}

    static String key(long itemId, String side, int statement) {
        return itemId + ":" + side + ":" + statement;
    }

    static String commentKey(long itemId, String side) {
        return itemId + ":" + side;
    }
}
