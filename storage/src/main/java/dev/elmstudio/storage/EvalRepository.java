package dev.elmstudio.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code eval_runs} and {@code eval_results} tables: evaluations and their per-item scores. */
public final class EvalRepository {

    private static final String COLUMNS = "id, run_id, name, config_json, status, created_at, updated_at";

    private final Connection connection;

    EvalRepository(Connection connection) {
        this.connection = connection;
    }

    /** Records a new evaluation in status RUNNING. */
    public EvalRun create(Long runId, String name, String configJson) {
        String sql = "INSERT INTO eval_runs (run_id, name, config_json, status, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)";
        Instant now = Instant.now();
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            setNullableLong(insert, 1, runId);
            insert.setString(2, name);
            insert.setString(3, configJson);
            insert.setString(4, RunStatus.RUNNING.dbValue());
            insert.setString(5, SqlValues.timestamp(now));
            insert.setString(6, SqlValues.timestamp(now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new EvalRun(keys.getLong(1), runId, name, configJson, RunStatus.RUNNING, now, now);
            }
        } catch (SQLException e) {
            throw new StorageException("Could not record evaluation '" + name + "' (" + e.getMessage() + ")", e);
        }
    }

    public Optional<EvalRun> get(long id) {
        String sql = "SELECT " + COLUMNS + " FROM eval_runs WHERE id = ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(readRun(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("Could not read evaluation " + id, e);
        }
    }

    /** Every evaluation, newest first. */
    public List<EvalRun> list() {
        String sql = "SELECT " + COLUMNS + " FROM eval_runs ORDER BY id DESC";
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
            List<EvalRun> runs = new ArrayList<>();
            while (row.next()) {
                runs.add(readRun(row));
            }
            return runs;
        } catch (SQLException e) {
            throw new StorageException("Could not list the evaluations", e);
        }
    }

    /** The evaluations of a training run, newest first. */
    public List<EvalRun> forRun(long runId) {
        String sql = "SELECT " + COLUMNS + " FROM eval_runs WHERE run_id = ? ORDER BY id DESC";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, runId);
            try (ResultSet row = select.executeQuery()) {
                List<EvalRun> runs = new ArrayList<>();
                while (row.next()) {
                    runs.add(readRun(row));
                }
                return runs;
            }
        } catch (SQLException e) {
            throw new StorageException("Could not list the evaluations of run " + runId, e);
        }
    }

    /** Marks evaluations left running by a process that died as interrupted (called when a writer opens). */
    public int markRunningAsInterrupted() {
        String sql = "UPDATE eval_runs SET status = 'interrupted' WHERE status = 'running'";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("Could not mark evaluations left running by a crashed process as interrupted", e);
        }
    }

    public void updateStatus(long id, RunStatus status) {
        String sql = "UPDATE eval_runs SET status = ?, updated_at = ? WHERE id = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, status.dbValue());
            update.setString(2, SqlValues.timestamp(Instant.now()));
            update.setLong(3, id);
            if (update.executeUpdate() != 1) {
                throw new StorageException("Evaluation " + id + " does not exist in this workspace");
            }
        } catch (SQLException e) {
            throw new StorageException("Could not set evaluation " + id + " to " + status.dbValue(), e);
        }
    }

    /** Appends scores in one transaction, so a report never shows half a batch. */
    public void appendResults(long evalId, List<EvalResult> results) {
        String sql = "INSERT INTO eval_results (eval_id, task, item, metric, value, output_text)"
                + " VALUES (?, ?, ?, ?, ?, ?)";
        try {
            Transactions.inTransaction(connection, c -> {
                try (PreparedStatement insert = c.prepareStatement(sql)) {
                    for (EvalResult result : results) {
                        insert.setLong(1, evalId);
                        insert.setString(2, result.task());
                        insert.setString(3, result.item());
                        insert.setString(4, result.metric());
                        insert.setDouble(5, result.value());
                        insert.setString(6, result.outputText());
                        insert.executeUpdate();
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StorageException("Could not save " + results.size() + " results of evaluation " + evalId
                    + " (" + e.getMessage() + ")", e);
        }
    }

    /** An evaluation's results in task, metric, insertion order: the order reports print them. */
    public List<EvalResult> results(long evalId) {
        String sql = "SELECT task, item, metric, value, output_text FROM eval_results WHERE eval_id = ?"
                + " ORDER BY task, metric, rowid";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, evalId);
            try (ResultSet row = select.executeQuery()) {
                List<EvalResult> results = new ArrayList<>();
                while (row.next()) {
                    results.add(new EvalResult(row.getString("task"), row.getString("item"),
                            row.getString("metric"), row.getDouble("value"), row.getString("output_text")));
                }
                return results;
            }
        } catch (SQLException e) {
            throw new StorageException("Could not read the results of evaluation " + evalId, e);
        }
    }

    private static EvalRun readRun(ResultSet row) throws SQLException {
        long runIdValue = row.getLong("run_id");
        Long runId = row.wasNull() ? null : runIdValue; // before the next read: wasNull() looks at the last column read
        return new EvalRun(
                row.getLong("id"),
                runId,
                row.getString("name"),
                row.getString("config_json"),
                RunStatus.fromDb(row.getString("status")),
                SqlValues.instant(row, "created_at"),
                SqlValues.instant(row, "updated_at"));
    }

    static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }
}
