package dev.elmstudio.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The {@code checkpoints} table: which weight files a run wrote, at which stage and step, with their
 * size and SHA-256. The files themselves are written by the engine (temp file, fsync, rename) and
 * recorded here only once complete.
 */
public final class CheckpointRepository {

    private static final String COLUMNS = "id, run_id, stage, step, path, size_bytes, sha256, created_at";

    private final Connection connection;
    private final Path workspaceFolder;

    CheckpointRepository(Connection connection, Path workspaceFolder) {
        this.connection = connection;
        this.workspaceFolder = workspaceFolder;
    }

    /** Records a finished checkpoint file, reading it once to compute its size and SHA-256. */
    public Checkpoint record(long runId, Integer stage, long step, Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new StorageException("Could not record checkpoint " + file + " of run " + runId
                    + ": the file cannot be read (" + e + ")", e);
        }
        String sha256 = CheckpointFiles.sha256(file);
        Instant now = Instant.now();
        String sql = "INSERT INTO checkpoints (run_id, stage, step, path, size_bytes, sha256, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, runId);
            SqlValues.setNullableInt(insert, 2, stage);
            insert.setLong(3, step);
            insert.setString(4, SqlValues.storedPath(workspaceFolder, file));
            insert.setLong(5, size);
            insert.setString(6, sha256);
            insert.setString(7, SqlValues.timestamp(now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                Path absolute = file.toAbsolutePath().normalize();
                return new Checkpoint(keys.getLong(1), runId, stage, step, absolute, size, sha256, now);
            }
        } catch (SQLException e) {
            throw new StorageException("Could not record checkpoint " + file + " of run " + runId
                    + " (" + e.getMessage() + ")", e);
        }
    }

    /** A run's checkpoints in the order they were written. */
    public List<Checkpoint> list(long runId) {
        String sql = "SELECT " + COLUMNS + " FROM checkpoints WHERE run_id = ? ORDER BY step, id";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, runId);
            try (ResultSet row = select.executeQuery()) {
                List<Checkpoint> checkpoints = new ArrayList<>();
                while (row.next()) {
                    checkpoints.add(read(row));
                }
                return checkpoints;
            }
        } catch (SQLException e) {
            throw new StorageException("Could not list checkpoints of run " + runId, e);
        }
    }

    /** The checkpoint to resume from: the one with the largest step (the newest on a tie). */
    public Optional<Checkpoint> latest(long runId) {
        String sql = "SELECT " + COLUMNS + " FROM checkpoints WHERE run_id = ? ORDER BY step DESC, id DESC LIMIT 1";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, runId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("Could not read the latest checkpoint of run " + runId, e);
        }
    }

    /**
     * Verifies every recorded file inside {@code checkpointFolder} against its SHA-256 before a run resumes from it,
     * so a damaged or swapped file is refused instead of silently training on.
     *
     * @return how many recorded files were checked
     * @throws StorageException naming the file when one differs from what was recorded
     */
    public int verifyRecordedFilesIn(long runId, Path checkpointFolder) {
        Path folder = checkpointFolder.toAbsolutePath().normalize();
        int checked = 0;
        for (Checkpoint checkpoint : list(runId)) {
            if (checkpoint.path().startsWith(folder)) {
                CheckpointFiles.verify(checkpoint);
                checked++;
            }
        }
        return checked;
    }

    private Checkpoint read(ResultSet row) throws SQLException {
        return new Checkpoint(
                row.getLong("id"),
                row.getLong("run_id"),
                SqlValues.nullableInt(row, "stage"),
                row.getLong("step"),
                SqlValues.resolvedPath(workspaceFolder, row.getString("path")),
                row.getLong("size_bytes"),
                row.getString("sha256"),
                SqlValues.instant(row, "created_at"));
    }
}
