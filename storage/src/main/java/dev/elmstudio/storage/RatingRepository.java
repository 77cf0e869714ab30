package dev.elmstudio.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rater tables. Each answer is committed on its own the moment it is given (autocommit), so a rater loses
 * nothing when the app is killed right after a key press.
 */
public final class RatingRepository {

    private final Connection connection;

    RatingRepository(Connection connection) {
        this.connection = connection;
    }

    /** Creates a session with its items in the given order (the caller shuffles) in one transaction. */
    public long createSession(String name, String pinHash, String configJson, List<RatingItem.Draft> items) {
        try {
            return Transactions.inTransaction(connection, c -> {
                long sessionId;
                String insertSession = "INSERT INTO rater_sessions (name, pin_hash, config_json, created_at)"
                        + " VALUES (?, ?, ?, ?)";
                try (PreparedStatement insert = c.prepareStatement(insertSession, Statement.RETURN_GENERATED_KEYS)) {
                    insert.setString(1, name);
                    insert.setString(2, pinHash);
                    insert.setString(3, configJson);
                    insert.setString(4, SqlValues.timestamp(Instant.now()));
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        sessionId = keys.getLong(1);
                    }
                }
                String insertItem = "INSERT INTO rating_items (session_id, position, task, input_json, left_text,"
                        + " right_text, left_model, right_model) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
                try (PreparedStatement insert = c.prepareStatement(insertItem)) {
                    for (int position = 0; position < items.size(); position++) {
                        RatingItem.Draft item = items.get(position);
                        insert.setLong(1, sessionId);
                        insert.setInt(2, position);
                        insert.setString(3, item.task());
                        insert.setString(4, item.inputJson());
                        insert.setString(5, item.leftText());
                        insert.setString(6, item.rightText());
                        insert.setString(7, item.leftModel());
                        insert.setString(8, item.rightModel());
                        insert.executeUpdate();
                    }
                }
                return sessionId;
            });
        } catch (SQLException e) {
            throw new StorageException("Could not create rater session '" + name + "' (" + e.getMessage() + ")", e);
        }
    }

    /** A session's items in the order raters see them. */
    public List<RatingItem> items(long sessionId) {
        String sql = "SELECT id, session_id, position, task, input_json, left_text, right_text, left_model,"
                + " right_model FROM rating_items WHERE session_id = ? ORDER BY position";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, sessionId);
            try (ResultSet row = select.executeQuery()) {
                List<RatingItem> items = new ArrayList<>();
                while (row.next()) {
                    items.add(new RatingItem(row.getLong("id"), row.getLong("session_id"), row.getInt("position"),
                            row.getString("task"), row.getString("input_json"), row.getString("left_text"),
                            row.getString("right_text"), row.getString("left_model"), row.getString("right_model")));
                }
                return items;
            }
        } catch (SQLException e) {
            throw new StorageException("Could not read the items of rater session " + sessionId, e);
        }
    }

    /** Saves one answer at once; answering the same statement again replaces the earlier answer. */
    public void record(Rating rating) {
        String sql = "INSERT INTO ratings (item_id, rater_id, side, statement, score, comment, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (item_id, rater_id, side, statement)"
                + " DO UPDATE SET score = excluded.score, comment = excluded.comment, created_at = excluded.created_at";
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            upsert.setLong(1, rating.itemId());
            upsert.setString(2, rating.raterId());
            upsert.setString(3, rating.side());
            upsert.setInt(4, rating.statement());
            upsert.setInt(5, rating.score());
            upsert.setString(6, rating.comment());
            upsert.setString(7, SqlValues.timestamp(rating.createdAt()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("Could not save the rating of item " + rating.itemId() + " by rater '"
                    + rating.raterId() + "' (" + e.getMessage() + ")", e);
        }
    }

    /** Every answer of a session (for researchers; the rater view only ever asks for its own). */
    public List<Rating> ratings(long sessionId) {
        return select("SELECT r.item_id, r.rater_id, r.side, r.statement, r.score, r.comment, r.created_at"
                + " FROM ratings r JOIN rating_items i ON i.id = r.item_id WHERE i.session_id = ?"
                + " ORDER BY r.id", sessionId, null);
    }

    /** One rater's own answers in a session: what rater mode may show (never other raters'). */
    public List<Rating> ratingsBy(long sessionId, String raterId) {
        return select("SELECT r.item_id, r.rater_id, r.side, r.statement, r.score, r.comment, r.created_at"
                + " FROM ratings r JOIN rating_items i ON i.id = r.item_id WHERE i.session_id = ? AND r.rater_id = ?"
                + " ORDER BY r.id", sessionId, raterId);
    }

    private List<Rating> select(String sql, long sessionId, String raterId) {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, sessionId);
            if (raterId != null) {
                select.setString(2, raterId);
            }
            try (ResultSet row = select.executeQuery()) {
                List<Rating> ratings = new ArrayList<>();
                while (row.next()) {
                    ratings.add(new Rating(row.getLong("item_id"), row.getString("rater_id"), row.getString("side"),
                            row.getInt("statement"), row.getInt("score"), row.getString("comment"),
                            SqlValues.instant(row, "created_at")));
                }
                return ratings;
            }
        } catch (SQLException e) {
            throw new StorageException("Could not read the ratings of rater session " + sessionId, e);
        }
    }
}
