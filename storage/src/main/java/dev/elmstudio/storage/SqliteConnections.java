package dev.elmstudio.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/** Opens connections to a workspace's {@code elm.db} with the settings every connection needs. */
final class SqliteConnections {

    /**
     * How long a statement waits for another connection's lock before failing with SQLITE_BUSY. In
     * WAL mode readers never wait; only a second writer (which the workspace lock prevents) or a
     * checkpoint can make one wait.
     */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private SqliteConnections() {}

    /**
     * Opens a read-write connection. Foreign keys and the busy timeout are per-connection settings
     * and change nothing in the file; WAL is switched on separately ({@link #enableWal}) only after
     * the schema version was checked, because switching it rewrites the file header.
     */
    static Connection openReadWrite(Path databaseFile) {
        return open(databaseFile, false);
    }

    /** Opens a connection that cannot write; used by readers beside the single writer. */
    static Connection openReadOnly(Path databaseFile) {
        return open(databaseFile, true);
    }

    /**
     * Switches the database to write-ahead logging, so readers see the last committed state while
     * the writer keeps writing. The mode is stored in the file, so this matters once per database.
     */
    static void enableWal(Connection connection, Path databaseFile) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = WAL");
        } catch (SQLException e) {
            throw new StorageException(databaseFile + ": could not switch to WAL journal mode", e);
        }
    }

    private static Connection open(Path databaseFile, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setReadOnly(readOnly);
        try {
            return config.createConnection("jdbc:sqlite:" + databaseFile.toAbsolutePath());
        } catch (SQLException e) {
            throw new StorageException(
                    databaseFile + ": could not open the database (" + e.getMessage()
                            + "). Check that the file exists, is readable and is an ELM Studio workspace.",
                    e);
        }
    }
}
