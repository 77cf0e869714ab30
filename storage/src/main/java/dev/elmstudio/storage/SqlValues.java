package dev.elmstudio.storage;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** Conversions between Java values and the columns of {@code elm.db}. */
final class SqlValues {

    private SqlValues() {}

    static Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    static void setNullableInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    /** Timestamps are ISO-8601 UTC text, so they sort as text and read well in the sqlite3 shell. */
    static String timestamp(Instant instant) {
        return instant.toString();
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        return Instant.parse(row.getString(column));
    }

    /**
     * Stores a path relative to the workspace folder when it lies inside it, so that a workspace
     * can be moved or copied whole; paths outside stay absolute.
     */
    static String storedPath(Path workspaceFolder, Path file) {
        Path root = workspaceFolder.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }

    static Path resolvedPath(Path workspaceFolder, String stored) {
        return workspaceFolder.toAbsolutePath().normalize().resolve(stored);
    }
}
