package dev.elmstudio.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigratorTest {

    @TempDir
    Path folder;

    @Test
    void migrationListMatchesTheResourceFolder() throws URISyntaxException, IOException {
        Path migrations = Path.of(Migrator.class.getResource("/db/migration/").toURI());
        List<String> files;
        try (Stream<Path> listing = Files.list(migrations)) {
            files = listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(files, Migrator.MIGRATIONS, "db/migration/ and Migrator.MIGRATIONS must list the same files");
        for (int i = 0; i < files.size(); i++) {
            String expectedPrefix = String.format("V%03d__", i + 1);
            assertTrue(files.get(i).startsWith(expectedPrefix), files.get(i) + " should start with " + expectedPrefix);
        }
    }

    @Test
    void migrateFromEmptyCreatesEveryTableAndSetsUserVersion() throws SQLException {
        Path db = folder.resolve("elm.db");
        try (Connection connection = SqliteConnections.openReadWrite(db)) {
            Migrator.migrate(connection, db);

            assertEquals(Migrator.LATEST_VERSION, Migrator.schemaVersion(connection, db));
            assertEquals(List.of("base_models", "checkpoints", "datasets", "embedding_spaces", "eval_results",
                    "eval_runs", "generations", "metrics", "rater_item_order", "rater_sessions", "raters", "rating_comments",
                    "rating_items", "ratings", "runs"),
                    tableNames(connection));
        }
    }

    @Test
    void migrateFromEveryOlderVersionReachesTheSameSchema() throws SQLException {
        String freshSchema = schemaAfter(0, "fresh.db");
        for (int start = 1; start <= Migrator.LATEST_VERSION; start++) {
            assertEquals(freshSchema, schemaAfter(start, "from-v" + start + ".db"), "migrating from V" + start);
        }
    }

    /** Builds a database at version {@code start}, then migrates it to the latest version. */
    private String schemaAfter(int start, String fileName) throws SQLException {
        Path db = folder.resolve(fileName);
        try (Connection connection = SqliteConnections.openReadWrite(db)) {
            Migrator.migrateTo(connection, db, start);
            Migrator.migrate(connection, db);
            return schemaText(connection);
        }
    }

    private static List<String> tableNames(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT name FROM sqlite_master"
                                + " WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (row.next()) {
                names.add(row.getString(1));
            }
        }
        return names;
    }

    private static String schemaText(Connection connection) throws SQLException {
        StringBuilder schema = new StringBuilder();
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")) {
            while (row.next()) {
                schema.append(row.getString(1)).append('\n');
            }
        }
        return schema.toString();
    }
}
