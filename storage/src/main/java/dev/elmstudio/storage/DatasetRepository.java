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

/** The {@code datasets} table: imported datasets, each a folder under {@code datasets/}. */
public final class DatasetRepository {

    private static final String COLUMNS = "id, name, kind, path, stats_json, created_at";

    private final Connection connection;
    private final Path workspaceFolder;

    DatasetRepository(Connection connection, Path workspaceFolder) {
        this.connection = connection;
        this.workspaceFolder = workspaceFolder;
    }

    /** Records an imported dataset under a unique name. */
    public Dataset create(String name, String kind, Path folder, String statsJson) {
        String sql = "INSERT INTO datasets (name, kind, path, stats_json, created_at) VALUES (?, ?, ?, ?, ?)";
        Instant now = Instant.now();
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, name);
            insert.setString(2, kind);
            insert.setString(3, SqlValues.storedPath(workspaceFolder, folder));
            insert.setString(4, statsJson);
            insert.setString(5, SqlValues.timestamp(now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new Dataset(keys.getLong(1), name, kind, folder.toAbsolutePath().normalize(), statsJson, now);
            }
        } catch (SQLException e) {
            throw new StorageException("Could not record dataset '" + name + "' (" + e.getMessage()
                    + "). Dataset names must be unique in a workspace.", e);
        }
    }

    /** Replaces a dataset's counts (after tasks or spaces are added to it). */
    public void updateStats(long id, String statsJson) {
        String sql = "UPDATE datasets SET stats_json = ? WHERE id = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, statsJson);
            update.setLong(2, id);
            if (update.executeUpdate() != 1) {
                throw new StorageException("Dataset " + id + " does not exist in this workspace");
            }
        } catch (SQLException e) {
            throw new StorageException("Could not update the counts of dataset " + id, e);
        }
    }

    public Optional<Dataset> findByName(String name) {
        String sql = "SELECT " + COLUMNS + " FROM datasets WHERE name = ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("Could not read dataset '" + name + "'", e);
        }
    }

    /** Every dataset, by name. */
    public List<Dataset> list() {
        String sql = "SELECT " + COLUMNS + " FROM datasets ORDER BY name";
        try (PreparedStatement select = connection.prepareStatement(sql);
                ResultSet row = select.executeQuery()) {
            List<Dataset> datasets = new ArrayList<>();
            while (row.next()) {
                datasets.add(read(row));
            }
            return datasets;
        } catch (SQLException e) {
            throw new StorageException("Could not list datasets", e);
        }
    }

    private Dataset read(ResultSet row) throws SQLException {
        return new Dataset(
                row.getLong("id"),
                row.getString("name"),
                row.getString("kind"),
                SqlValues.resolvedPath(workspaceFolder, row.getString("path")),
                row.getString("stats_json"),
                SqlValues.instant(row, "created_at"));
    }
}
