package dev.elmstudio.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Brings a workspace database up to the schema this code knows.
 *
 * <p>Migrations are SQL files in {@code db/migration/} on the classpath, named {@code V001__init.sql},
 * {@code V002__<what it adds>.sql}, ... Their number is the schema version, kept in SQLite's
 * {@code PRAGMA user_version} (0 for a new, empty file). Each pending migration runs in its own
 * transaction together with the version bump, so a failure leaves the file at the last good version.
 * A shipped migration is never edited; a change is a new file.
 *
 * <p>A database whose version is newer than {@link #LATEST_VERSION} was written by a newer ELM
 * Studio: it is refused before anything is written, because this code cannot know what the newer
 * tables mean.
 */
public final class Migrator {

    /**
     * Every migration in order; entry i is version i + 1. Listed here because a jar cannot list a
     * resource folder; {@code MigratorTest} checks that this list and the folder agree.
     */
    static final List<String> MIGRATIONS =
            List.of("V001__init.sql", "V002__datasets_spaces_eval.sql", "V003__rater_sessions.sql",
                    "V004__rating_plans_comments.sql");

    /** The schema version this code reads and writes. */
    public static final int LATEST_VERSION = MIGRATIONS.size();

    private static final String RESOURCE_FOLDER = "/db/migration/";

    private Migrator() {}

    /** Applies every pending migration. Does nothing when the database is already current. */
    public static void migrate(Connection connection, Path databaseFile) {
        migrateTo(connection, databaseFile, LATEST_VERSION);
    }

    /** Applies migrations up to {@code targetVersion}; tests use it to build every older schema. */
    static void migrateTo(Connection connection, Path databaseFile, int targetVersion) {
        int current = schemaVersion(connection, databaseFile);
        refuseNewer(current, databaseFile);
        for (int version = current + 1; version <= targetVersion; version++) {
            apply(connection, databaseFile, version);
        }
    }

    /** Reads {@code PRAGMA user_version}: 0 for a new file, otherwise the last migration applied. */
    public static int schemaVersion(Connection connection, Path databaseFile) {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA user_version")) {
            return result.next() ? result.getInt(1) : 0;
        } catch (SQLException e) {
            throw new StorageException(
                    databaseFile + ": could not read the schema version (" + e.getMessage()
                            + "). Is this an ELM Studio workspace database?",
                    e);
        }
    }

    /** Throws when the file was written by a newer ELM Studio than this one. */
    static void refuseNewer(int version, Path databaseFile) {
        if (version > LATEST_VERSION) {
            throw new StorageException(databaseFile + " has schema version " + version
                    + ", but this ELM Studio knows versions up to " + LATEST_VERSION
                    + ". It was written by a newer ELM Studio; open it with that version."
                    + " The file was not changed.");
        }
    }

    private static void apply(Connection connection, Path databaseFile, int version) {
        String name = MIGRATIONS.get(version - 1);
        String sql = readMigration(name);
        try {
            Transactions.inTransaction(connection, c -> {
                try (Statement statement = c.createStatement()) {
                    // sqlite-jdbc runs every statement of a multi-statement string here
                    // (sqlite3_exec); MigratorTest checks that all V001 tables exist.
                    statement.executeUpdate(sql);
                    // PRAGMA takes no bind parameters; version is an int we computed.
                    statement.executeUpdate("PRAGMA user_version = " + version);
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StorageException(databaseFile + ": migration " + name + " failed ("
                    + e.getMessage() + "). The database was left at version " + (version - 1) + ".", e);
        }
    }

    private static String readMigration(String name) {
        try (InputStream in = Migrator.class.getResourceAsStream(RESOURCE_FOLDER + name)) {
            if (in == null) {
                throw new StorageException("Migration " + RESOURCE_FOLDER + name
                        + " is missing from the classpath: the storage jar is incomplete; rebuild it.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StorageException("Could not read migration " + RESOURCE_FOLDER + name, e);
        }
    }
}
