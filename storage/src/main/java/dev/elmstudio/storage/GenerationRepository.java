package dev.elmstudio.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code generations} table: texts ELMs produced, with the input that produced them. */
public final class GenerationRepository {

    private final Connection connection;

    GenerationRepository(Connection connection) {
        this.connection = connection;
    }

    public Generation create(Long runId, Long checkpointId, String inputJson, String text) {
        String sql = "INSERT INTO generations (run_id, checkpoint_id, input_json, text, created_at)"
                + " VALUES (?, ?, ?, ?, ?)";
        Instant now = Instant.now();
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            EvalRepository.setNullableLong(insert, 1, runId);
            EvalRepository.setNullableLong(insert, 2, checkpointId);
            insert.setString(3, inputJson);
            insert.setString(4, text);
            insert.setString(5, SqlValues.timestamp(now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new Generation(keys.getLong(1), runId, checkpointId, inputJson, text, now);
            }
        } catch (SQLException e) {
            throw new StorageException("Could not save a generation (" + e.getMessage() + ")", e);
        }
    }

    /** A run's generations, oldest first. */
    public List<Generation> listForRun(long runId) {
        String sql = "SELECT id, run_id, checkpoint_id, input_json, text, created_at FROM generations"
                + " WHERE run_id = ? ORDER BY id";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, runId);
            try (ResultSet row = select.executeQuery()) {
                List<Generation> generations = new ArrayList<>();
                while (row.next()) {
                    long checkpoint = row.getLong("checkpoint_id");
                    Long checkpointId = row.wasNull() ? null : checkpoint;
                    generations.add(new Generation(row.getLong("id"), row.getLong("run_id"), checkpointId,
                            row.getString("input_json"), row.getString("text"), SqlValues.instant(row, "created_at")));
                }
                return generations;
            }
        } catch (SQLException e) {
            throw new StorageException("Could not list the generations of run " + runId, e);
        }
    }
}
