package dev.elmstudio.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {

    @TempDir
    Path folder;

    @Test
    void openOrCreateMakesTheLayoutAndACurrentWalDatabase() throws SQLException {
        Path workspaceFolder = folder.resolve("ws");
        try (Workspace workspace = Workspace.openOrCreate(workspaceFolder)) {
            assertTrue(Files.isDirectory(workspace.checkpointsFolder()));
            assertTrue(Files.isDirectory(workspace.datasetsFolder()));
            assertTrue(Files.isDirectory(workspace.exportsFolder()));
        }
        try (Connection connection = SqliteConnections.openReadOnly(workspaceFolder.resolve("elm.db"))) {
            assertEquals("wal", pragma(connection, "journal_mode"));
            assertEquals(String.valueOf(Migrator.LATEST_VERSION), pragma(connection, "user_version"));
        }
    }

    @Test
    void connectionsEnforceForeignKeys() {
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            StorageException e = assertThrows(StorageException.class,
                    () -> workspace.metrics().append(404, java.util.List.of(new Metric(1, "loss", 1.0))));
            assertTrue(e.getMessage().contains("run 404"), e.getMessage());
        }
    }

    @Test
    void reopeningIsIdempotentAndKeepsData() {
        long runId;
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            runId = workspace.runs().create(RunKind.PRETRAIN, "tiny", "{}", null).id();
            workspace.runs().updateStatus(runId, RunStatus.FINISHED);
        }
        for (int i = 0; i < 2; i++) {
            try (Workspace workspace = Workspace.open(folder)) {
                assertEquals(1, workspace.runs().list().size());
                assertEquals(RunStatus.FINISHED, workspace.runs().get(runId).orElseThrow().status());
            }
        }
    }

    @Test
    void newerSchemaIsRefusedAndTheFileIsNotChanged() throws Exception {
        Path db = folder.resolve("elm.db");
        try (Connection connection = SqliteConnections.openReadWrite(db);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE from_the_future (x)");
            statement.executeUpdate("PRAGMA user_version = " + (Migrator.LATEST_VERSION + 1));
        }
        byte[] before = Files.readAllBytes(db);

        StorageException writer = assertThrows(StorageException.class, () -> Workspace.open(folder));
        StorageException reader = assertThrows(StorageException.class, () -> Workspace.openReadOnly(folder));

        assertArrayEquals(before, Files.readAllBytes(db), "elm.db must not change when refused");
        for (StorageException e : new StorageException[] {writer, reader}) {
            assertTrue(e.getMessage().contains("schema version " + (Migrator.LATEST_VERSION + 1)), e.getMessage());
            assertTrue(e.getMessage().contains("newer ELM Studio"), e.getMessage());
        }
        // Refusing also released the writer lock: nothing stops a later, newer version opening it.
        WorkspaceLock.acquire(folder).close();
    }

    @Test
    void runLeftRunningByACrashedProcessBecomesInterruptedOnReopen() {
        long crashed;
        long finished;
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            crashed = workspace.runs().create(RunKind.ELM, "stage one", "{}", 1).id();
            finished = workspace.runs().create(RunKind.ELM, "done", "{}", 2).id();
            workspace.runs().updateStatus(finished, RunStatus.FINISHED);
        } // closing without finishing the run is what a crash leaves behind

        try (Workspace reader = Workspace.openReadOnly(folder)) {
            assertEquals(RunStatus.RUNNING, reader.runs().get(crashed).orElseThrow().status(),
                    "a reader must not decide that a run crashed: the writer may be alive");
        }
        try (Workspace workspace = Workspace.open(folder)) {
            assertEquals(RunStatus.INTERRUPTED, workspace.runs().get(crashed).orElseThrow().status());
            assertEquals(RunStatus.FINISHED, workspace.runs().get(finished).orElseThrow().status());
        }
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstIsOpenButReadersAreNot() {
        try (Workspace writer = Workspace.openOrCreate(folder)) {
            long runId = writer.runs().create(RunKind.PRETRAIN, "live", "{}", null).id();

            StorageException e = assertThrows(StorageException.class, () -> Workspace.open(folder));
            assertTrue(e.getMessage().contains("already open for writing"), e.getMessage());
            try (Workspace reader = Workspace.openReadOnly(folder)) {
                assertEquals(RunStatus.RUNNING, reader.runs().get(runId).orElseThrow().status());
                assertTrue(reader.isReadOnly());
            }
        }
    }

    @Test
    void missingFolderOrDatabaseIsReportedByPath() {
        Path missing = folder.resolve("nope");
        StorageException noFolder = assertThrows(StorageException.class, () -> Workspace.openReadOnly(missing));
        assertTrue(noFolder.getMessage().contains(missing + " does not exist"), noFolder.getMessage());

        StorageException noDatabase = assertThrows(StorageException.class, () -> Workspace.open(folder));
        assertTrue(noDatabase.getMessage().contains("elm.db is missing"), noDatabase.getMessage());
        assertTrue(Files.notExists(folder.resolve("elm.db")), "a failed open must not create elm.db");
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("PRAGMA " + name)) {
            row.next();
            return row.getString(1);
        }
    }
}
