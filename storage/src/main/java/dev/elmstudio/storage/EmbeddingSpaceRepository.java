package dev.elmstudio.storage;

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

/** The {@code embedding_spaces} table: vector files attached to a dataset. */
public final class EmbeddingSpaceRepository {

    private static final String COLUMNS = "id, dataset_id, name, kind, dim, count, path, created_at";

    private final Connection connection;
    private final Path workspaceFolder;

    EmbeddingSpaceRepository(Connection connection, Path workspaceFolder) {
        this.connection = connection;
        this.workspaceFolder = workspaceFolder;
    }

    /** Records a space; its name must be unique within the dataset. */
    public EmbeddingSpaceRecord create(long datasetId, String name, String kind, int dimension, int count, Path file) {
        String sql = "INSERT INTO embedding_spaces (dataset_id, name, kind, dim, count, path, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
        Instant now = Instant.now();
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, datasetId);
            insert.setString(2, name);
            insert.setString(3, kind);
            insert.setInt(4, dimension);
            insert.setInt(5, count);
            insert.setString(6, SqlValues.storedPath(workspaceFolder, file));
            insert.setString(7, SqlValues.timestamp(now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new EmbeddingSpaceRecord(keys.getLong(1), datasetId, name, kind, dimension, count,
                        file.toAbsolutePath().normalize(), now);
            }
        } catch (SQLException e) {
            throw new StorageException("Could not record embedding space '" + name + "' (" + e.getMessage()
                    + "). Space names must be unique within a dataset.", e);
        }
    }

    public Optional<EmbeddingSpaceRecord> find(long datasetId, String name) {
        String sql = "SELECT " + COLUMNS + " FROM embedding_spaces WHERE dataset_id = ? AND name = ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, datasetId);
            select.setString(2, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("Could not read embedding space '" + name + "'", e);
        }
    }

    /** A dataset's spaces, by name. */
    public List<EmbeddingSpaceRecord> list(long datasetId) {
        String sql = "SELECT " + COLUMNS + " FROM embedding_spaces WHERE dataset_id = ? ORDER BY name";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, datasetId);
            try (ResultSet row = select.executeQuery()) {
                List<EmbeddingSpaceRecord> spaces = new ArrayList<>();
                while (row.next()) {
                    spaces.add(read(row));
                }
                return spaces;
            }
        } catch (SQLException e) {
            throw new StorageException("Could not list the embedding spaces of dataset " + datasetId, e);
        }
    }

    private EmbeddingSpaceRecord read(ResultSet row) throws SQLException {
        return new EmbeddingSpaceRecord(
                row.getLong("id"),
                row.getLong("dataset_id"),
                row.getString("name"),
                row.getString("kind"),
                row.getInt("dim"),
                row.getInt("count"),
                SqlValues.resolvedPath(workspaceFolder, row.getString("path")),
                SqlValues.instant(row, "created_at"));
    }
}
