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

/** The {@code runs} table: one row per pretraining or ELM training run. */
public final class RunRepository {

    private static final String COLUMNS = "id, kind, name, config_json, status, stage, created_at, updated_at";

    private final Connection connection;

    RunRepository(Connection connection) {
        this.connection = connection;
    }

    /** Records a new run in status RUNNING and returns it with its id. */
    public Run create(RunKind kind, String name, String configJson, Integer stage) {
        String sql = "INSERT INTO runs (kind, name, config_json, status, stage, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
        Instant now = Instant.now();
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, kind.dbValue());
            insert.setString(2, name);
            insert.setString(3, configJson);
            insert.setString(4, RunStatus.RUNNING.dbValue());
            SqlValues.setNullableInt(insert, 5, stage);
            insert.setString(6, SqlValues.timestamp(now));
            insert.setString(7, SqlValues.timestamp(now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new Run(keys.getLong(1), kind, name, configJson, RunStatus.RUNNING, stage, now, now);
            }
        } catch (SQLException e) {
            throw new StorageException("Could not record new " + kind.dbValue() + " run '" + name + "'", e);
        }
    }

    public Optional<Run> get(long id) {
        String sql = "SELECT " + COLUMNS + " FROM runs WHERE id = ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("Could not read run " + id, e);
        }
    }

    /** Every run, newest first. */
    public List<Run> list() {
        String sql = "SELECT " + COLUMNS + " FROM runs ORDER BY id DESC";
        try (PreparedStatement select = connection.prepareStatement(sql);
                ResultSet row = select.executeQuery()) {
            List<Run> runs = new ArrayList<>();
            while (row.next()) {
                runs.add(read(row));
            }
            return runs;
        } catch (SQLException e) {
            throw new StorageException("Could not list runs", e);
        }
    }

    public void updateStatus(long id, RunStatus status) {
        String sql = "UPDATE runs SET status = ?, updated_at = ? WHERE id = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, status.dbValue());
            update.setString(2, SqlValues.timestamp(Instant.now()));
            update.setLong(3, id);
            requireOneRow(update.executeUpdate(), id);
        } catch (SQLException e) {
            throw new StorageException("Could not set run " + id + " to " + status.dbValue(), e);
        }
    }

    /** Moves an ELM run to training stage 1 or 2. */
    public void updateStage(long id, int stage) {
        String sql = "UPDATE runs SET stage = ?, updated_at = ? WHERE id = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setInt(1, stage);
            update.setString(2, SqlValues.timestamp(Instant.now()));
            update.setLong(3, id);
            requireOneRow(update.executeUpdate(), id);
        } catch (SQLException e) {
            throw new StorageException("Could not set run " + id + " to stage " + stage, e);
        }
    }

    /**
     * Deletes a run with its metrics and checkpoint rows (the schema cascades); evaluations and generations that
     * name it keep their rows with no run. Files are the caller's to delete. A running run is refused: its writer
     * would go on writing rows for a run that no longer exists.
     */
    public void delete(long id) {
        Run run = get(id).orElseThrow(() -> new StorageException("Run " + id + " does not exist in this workspace"));
        if (run.status() == RunStatus.RUNNING) {
            throw new StorageException("Run " + id + " is running; cancel it (or let it finish) before deleting it");
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM runs WHERE id = ?")) {
            delete.setLong(1, id);
            requireOneRow(delete.executeUpdate(), id);
        } catch (SQLException e) {
            throw new StorageException("Could not delete run " + id, e);
        }
    }

    /**
     * Marks every RUNNING run INTERRUPTED. Called when a writer opens the workspace: it holds the
     * workspace lock, so no live process is running them; they were left by one that died.
     *
     * @return how many runs were marked
     */
    public int markRunningAsInterrupted() {
        String sql = "UPDATE runs SET status = ?, updated_at = ? WHERE status = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, RunStatus.INTERRUPTED.dbValue());
            update.setString(2, SqlValues.timestamp(Instant.now()));
            update.setString(3, RunStatus.RUNNING.dbValue());
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("Could not mark runs left running by a crashed process as interrupted", e);
        }
    }

    private static void requireOneRow(int updatedRows, long id) {
        if (updatedRows != 1) {
            throw new StorageException("Run " + id + " does not exist in this workspace");
        }
    }

    private static Run read(ResultSet row) throws SQLException {
        return new Run(
                row.getLong("id"),
                RunKind.fromDb(row.getString("kind")),
                row.getString("name"),
                row.getString("config_json"),
                RunStatus.fromDb(row.getString("status")),
                SqlValues.nullableInt(row, "stage"),
                SqlValues.instant(row, "created_at"),
                SqlValues.instant(row, "updated_at"));
    }
}
