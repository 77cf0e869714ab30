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

/** The {@code base_models} table: language models (pretrained here or imported) to train ELMs on. */
public final class BaseModelRepository {

    private static final String COLUMNS = "id, name, path, config_json, created_at";

    private final Connection connection;
    private final Path workspaceFolder;

    BaseModelRepository(Connection connection, Path workspaceFolder) {
        this.connection = connection;
        this.workspaceFolder = workspaceFolder;
    }

    /** Registers a model folder under a unique name. */
    public BaseModel create(String name, Path modelFolder, String configJson) {
        Instant now = Instant.now();
        String sql = "INSERT INTO base_models (name, path, config_json, created_at) VALUES (?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, name);
            insert.setString(2, SqlValues.storedPath(workspaceFolder, modelFolder));
            insert.setString(3, configJson);
            insert.setString(4, SqlValues.timestamp(now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new BaseModel(keys.getLong(1), name, modelFolder.toAbsolutePath().normalize(), configJson, now);
            }
        } catch (SQLException e) {
            throw new StorageException("Could not register base model '" + name + "' (" + e.getMessage()
                    + "). Names must be unique in a workspace.", e);
        }
    }

    public Optional<BaseModel> findByName(String name) {
        String sql = "SELECT " + COLUMNS + " FROM base_models WHERE name = ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("Could not read base model '" + name + "'", e);
        }
    }

    /** Every base model, by name. */
    public List<BaseModel> list() {
        String sql = "SELECT " + COLUMNS + " FROM base_models ORDER BY name";
        try (PreparedStatement select = connection.prepareStatement(sql);
                ResultSet row = select.executeQuery()) {
            List<BaseModel> models = new ArrayList<>();
            while (row.next()) {
                models.add(read(row));
            }
            return models;
        } catch (SQLException e) {
            throw new StorageException("Could not list base models", e);
        }
    }

    private BaseModel read(ResultSet row) throws SQLException {
        return new BaseModel(
                row.getLong("id"),
                row.getString("name"),
                SqlValues.resolvedPath(workspaceFolder, row.getString("path")),
                row.getString("config_json"),
                SqlValues.instant(row, "created_at"));
    }
}
