package dev.elmstudio.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code metrics} table: the series a run logs step by step (loss, lr, tokens/s, ...). */
public final class MetricRepository {

    private final Connection connection;

    MetricRepository(Connection connection) {
        this.connection = connection;
    }

    /**
     * Appends a batch of values for one run in one transaction, so a reader sees all of them or
     * none. The trainer calls this every few steps rather than once per value: one commit (one
     * fsync) per batch is what keeps logging cheap.
     */
    public void append(long runId, List<Metric> batch) {
        String sql = "INSERT INTO metrics (run_id, step, name, value) VALUES (?, ?, ?, ?)";
        try {
            Transactions.inTransaction(connection, c -> {
                try (PreparedStatement insert = c.prepareStatement(sql)) {
                    for (Metric metric : batch) {
                        insert.setLong(1, runId);
                        insert.setLong(2, metric.step());
                        insert.setString(3, metric.name());
                        insert.setDouble(4, metric.value());
                        insert.executeUpdate();
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StorageException("Could not save " + batch.size() + " metric values of run " + runId
                    + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Removes a run's values after {@code step}: a run resumed from the checkpoint at that step recomputes them,
     * and the series must not hold the lost attempt's values beside the new ones.
     *
     * @return how many values were removed
     */
    public int deleteAfter(long runId, long step) {
        String sql = "DELETE FROM metrics WHERE run_id = ? AND step > ?";
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setLong(1, runId);
            delete.setLong(2, step);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("Could not remove metrics of run " + runId + " after step " + step, e);
        }
    }

    /** One named series of a run, in step order. */
    public List<Metric> series(long runId, String name) {
        String sql = "SELECT step, name, value FROM metrics WHERE run_id = ? AND name = ? ORDER BY step";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, runId);
            select.setString(2, name);
            try (ResultSet row = select.executeQuery()) {
                List<Metric> series = new ArrayList<>();
                while (row.next()) {
                    series.add(new Metric(row.getLong("step"), row.getString("name"), row.getDouble("value")));
                }
                return series;
            }
        } catch (SQLException e) {
            throw new StorageException("Could not read metric '" + name + "' of run " + runId, e);
        }
    }

    /** The last value (largest step) of every series a run has logged, sorted by name. */
    public List<Metric> latestValues(long runId) {
        // SQLite takes a bare column (value) from the row that holds MAX(step): documented behaviour.
        String sql = "SELECT name, MAX(step) AS step, value FROM metrics WHERE run_id = ? GROUP BY name ORDER BY name";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, runId);
            try (ResultSet row = select.executeQuery()) {
                List<Metric> latest = new ArrayList<>();
                while (row.next()) {
                    latest.add(new Metric(row.getLong("step"), row.getString("name"), row.getDouble("value")));
                }
                return latest;
            }
        } catch (SQLException e) {
            throw new StorageException("Could not read the latest metric values of run " + runId, e);
        }
    }
}
