package dev.elmstudio.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /** Every session, newest first. */
    public List<RaterSession> sessions() {
        String sql = "SELECT id, name, pin_hash, config_json, created_at FROM rater_sessions ORDER BY id DESC";
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
            List<RaterSession> sessions = new ArrayList<>();
            while (row.next()) {
                sessions.add(readSession(row));
            }
            return sessions;
        } catch (SQLException e) {
            throw new StorageException("Could not list the rater sessions", e);
        }
    }

    public Optional<RaterSession> session(long sessionId) {
        String sql = "SELECT id, name, pin_hash, config_json, created_at FROM rater_sessions WHERE id = ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, sessionId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(readSession(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("Could not read rater session " + sessionId, e);
        }
    }

    /** The plan a rater was given when they first started this session, if they have. */
    public Optional<RaterPlan> plan(long sessionId, String raterId) {
        return plans(sessionId, raterId).stream().findFirst();
    }

    /** Every rater's plan in a session, by rater id (for the researcher's export). */
    public List<RaterPlan> plans(long sessionId) {
        return plans(sessionId, null);
    }

    /** Stores a rater's plan in one transaction; fails if the rater already has one in this session. */
    public void savePlan(RaterPlan plan) {
        try {
            Transactions.inTransaction(connection, c -> {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO raters (session_id, rater_id, seed, started_at) VALUES (?, ?, ?, ?)")) {
                    insert.setLong(1, plan.sessionId());
                    insert.setString(2, plan.raterId());
                    insert.setLong(3, plan.seed());
                    insert.setString(4, SqlValues.timestamp(plan.startedAt()));
                    insert.executeUpdate();
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO rater_item_order"
                        + " (session_id, rater_id, rank, item_id, swapped) VALUES (?, ?, ?, ?, ?)")) {
                    for (int rank = 0; rank < plan.steps().size(); rank++) {
                        insert.setLong(1, plan.sessionId());
                        insert.setString(2, plan.raterId());
                        insert.setInt(3, rank);
                        insert.setLong(4, plan.steps().get(rank).itemId());
                        insert.setInt(5, plan.steps().get(rank).swapped() ? 1 : 0);
                        insert.executeUpdate();
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StorageException("Could not save the item order of rater '" + plan.raterId() + "' in session "
                    + plan.sessionId() + " (" + e.getMessage() + ")", e);
        }
    }

    /** Saves a comment at once; an edited comment replaces the earlier one. */
    public void recordComment(RatingComment comment) {
        String sql = "INSERT INTO rating_comments (item_id, rater_id, side, comment, created_at) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (item_id, rater_id, side)"
                + " DO UPDATE SET comment = excluded.comment, created_at = excluded.created_at";
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            upsert.setLong(1, comment.itemId());
            upsert.setString(2, comment.raterId());
            upsert.setString(3, comment.side());
            upsert.setString(4, comment.comment());
            upsert.setString(5, SqlValues.timestamp(comment.createdAt()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("Could not save the comment on item " + comment.itemId() + " by rater '"
                    + comment.raterId() + "' (" + e.getMessage() + ")", e);
        }
    }

    /** Every comment of a session, or one rater's own when {@code raterId} is not null. */
    public List<RatingComment> comments(long sessionId, String raterId) {
        String sql = "SELECT c.item_id, c.rater_id, c.side, c.comment, c.created_at FROM rating_comments c"
                + " JOIN rating_items i ON i.id = c.item_id WHERE i.session_id = ?"
                + (raterId == null ? "" : " AND c.rater_id = ?") + " ORDER BY c.rowid";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, sessionId);
            if (raterId != null) {
                select.setString(2, raterId);
            }
            try (ResultSet row = select.executeQuery()) {
                List<RatingComment> comments = new ArrayList<>();
                while (row.next()) {
                    comments.add(new RatingComment(row.getLong("item_id"), row.getString("rater_id"),
                            row.getString("side"), row.getString("comment"), SqlValues.instant(row, "created_at")));
                }
                return comments;
            }
        } catch (SQLException e) {
            throw new StorageException("Could not read the comments of rater session " + sessionId, e);
        }
    }

    private List<RaterPlan> plans(long sessionId, String raterId) {
        String sql = "SELECT r.rater_id, r.seed, r.started_at, o.item_id, o.swapped FROM raters r"
                + " JOIN rater_item_order o ON o.session_id = r.session_id AND o.rater_id = r.rater_id"
                + " WHERE r.session_id = ?" + (raterId == null ? "" : " AND r.rater_id = ?")
                + " ORDER BY r.rater_id, o.rank";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, sessionId);
            if (raterId != null) {
                select.setString(2, raterId);
            }
            try (ResultSet row = select.executeQuery()) {
                List<RaterPlan> plans = new ArrayList<>();
                String current = null;
                long seed = 0;
                Instant started = null;
                List<RaterPlan.Step> steps = new ArrayList<>();
                while (row.next()) {
                    String rater = row.getString("rater_id");
                    if (!rater.equals(current)) {
                        if (current != null) {
                            plans.add(new RaterPlan(sessionId, current, seed, started, steps));
                        }
                        current = rater;
                        seed = row.getLong("seed");
                        started = SqlValues.instant(row, "started_at");
                        steps = new ArrayList<>();
                    }
                    steps.add(new RaterPlan.Step(row.getLong("item_id"), row.getInt("swapped") == 1));
                }
                if (current != null) {
                    plans.add(new RaterPlan(sessionId, current, seed, started, steps));
                }
                return plans;
            }
        } catch (SQLException e) {
            throw new StorageException("Could not read the rater plans of session " + sessionId, e);
        }
    }

    private static RaterSession readSession(ResultSet row) throws SQLException {
        return new RaterSession(row.getLong("id"), row.getString("name"), row.getString("pin_hash"),
                row.getString("config_json"), SqlValues.instant(row, "created_at"));
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
