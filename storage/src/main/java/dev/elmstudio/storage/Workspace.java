package dev.elmstudio.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A workspace folder: {@code elm.db} (SQLite) beside {@code checkpoints/}, {@code datasets/} and
 * {@code exports/}. Weights and data are files; the database records runs, metrics and where the
 * files are.
 *
 * <h2>One writer, many readers</h2>
 * A workspace has a single writer: the one {@code Workspace} opened with {@link #open} or
 * {@link #openOrCreate}, which holds an OS lock on {@code elm.lock} for as long as it is open. In
 * the app, its connection belongs to the one job thread that takes training events and writes them
 * in order; its repositories must not be used from two threads at once. Everything else (the UI,
 * a second {@code elm runs} process) reads through {@link #openReadOnly}, on its own connection.
 * The database is in WAL mode, so readers never block the writer nor wait for it, and they see only
 * committed transactions: a batch of metrics appears whole or not at all.
 *
 * <p>Because the writer holds the lock, a run still marked 'running' when the lock is taken was
 * left by a process that died; opening for writing marks such runs 'interrupted'.
 */
public final class Workspace implements AutoCloseable {

    public static final String DATABASE_FILE = "elm.db";
    public static final String CHECKPOINTS_FOLDER = "checkpoints";
    public static final String DATASETS_FOLDER = "datasets";
    public static final String EXPORTS_FOLDER = "exports";

    private final Path folder;
    private final Connection connection;
    private final WorkspaceLock writerLock; // null for a read-only workspace
    private final RunRepository runs;
    private final MetricRepository metrics;
    private final CheckpointRepository checkpoints;
    private final BaseModelRepository baseModels;
    private final DatasetRepository datasets;
    private final EmbeddingSpaceRepository embeddingSpaces;
    private final EvalRepository evals;
    private final GenerationRepository generations;
    private final RatingRepository ratings;

    private Workspace(Path folder, Connection connection, WorkspaceLock writerLock) {
        this.folder = folder;
        this.connection = connection;
        this.writerLock = writerLock;
        this.runs = new RunRepository(connection);
        this.metrics = new MetricRepository(connection);
        this.checkpoints = new CheckpointRepository(connection, folder);
        this.baseModels = new BaseModelRepository(connection, folder);
        this.datasets = new DatasetRepository(connection, folder);
        this.embeddingSpaces = new EmbeddingSpaceRepository(connection, folder);
        this.evals = new EvalRepository(connection);
        this.generations = new GenerationRepository(connection);
        this.ratings = new RatingRepository(connection);
    }

    /** Opens a workspace for writing, creating the folder and an empty database if needed. */
    public static Workspace openOrCreate(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StorageException("Could not create workspace folder " + folder + " (" + e + ")", e);
        }
        return openForWriting(folder);
    }

    /** Opens an existing workspace for writing; fails when {@code folder} holds no {@code elm.db}. */
    public static Workspace open(Path folder) {
        requireExistingDatabase(folder);
        return openForWriting(folder);
    }

    /**
     * Opens an existing workspace for reading, beside a writer in this or another process. Never
     * migrates, never writes; a database that still needs migrating is refused with a hint.
     */
    public static Workspace openReadOnly(Path folder) {
        Path databaseFile = requireExistingDatabase(folder);
        Connection connection = SqliteConnections.openReadOnly(databaseFile);
        try {
            int version = Migrator.schemaVersion(connection, databaseFile);
            Migrator.refuseNewer(version, databaseFile);
            if (version < Migrator.LATEST_VERSION) {
                throw new StorageException(databaseFile + " has schema version " + version
                        + " and needs upgrading to " + Migrator.LATEST_VERSION
                        + ": open the workspace for writing once (the app or any command that writes).");
            }
            return new Workspace(folder, connection, null);
        } catch (RuntimeException e) {
            closeQuietly(connection, e);
            throw e;
        }
    }

    public Path folder() {
        return folder;
    }

    public Path databaseFile() {
        return folder.resolve(DATABASE_FILE);
    }

    public Path checkpointsFolder() {
        return folder.resolve(CHECKPOINTS_FOLDER);
    }

    public Path datasetsFolder() {
        return folder.resolve(DATASETS_FOLDER);
    }

    public Path exportsFolder() {
        return folder.resolve(EXPORTS_FOLDER);
    }

    public boolean isReadOnly() {
        return writerLock == null;
    }

    public RunRepository runs() {
        return runs;
    }

    public MetricRepository metrics() {
        return metrics;
    }

    public CheckpointRepository checkpoints() {
        return checkpoints;
    }

    public BaseModelRepository baseModels() {
        return baseModels;
    }

    public DatasetRepository datasets() {
        return datasets;
    }

    public EmbeddingSpaceRepository embeddingSpaces() {
        return embeddingSpaces;
    }

    public EvalRepository evals() {
        return evals;
    }

    public RatingRepository ratings() {
        return ratings;
    }

    public GenerationRepository generations() {
        return generations;
    }

    /** Closes the connection, then gives up the writer lock so another process may write. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StorageException(databaseFile() + ": could not close the database", e);
        } finally {
            if (writerLock != null) {
                writerLock.close();
            }
        }
    }

    private static Workspace openForWriting(Path folder) {
        Path databaseFile = folder.resolve(DATABASE_FILE);
        WorkspaceLock lock = WorkspaceLock.acquire(folder);
        Connection connection = null;
        try {
            connection = SqliteConnections.openReadWrite(databaseFile);
            Migrator.migrate(connection, databaseFile); // refuses a newer schema before any write
            SqliteConnections.enableWal(connection, databaseFile);
            createLayout(folder);
            Workspace workspace = new Workspace(folder, connection, lock);
            workspace.runs.markRunningAsInterrupted();
            workspace.evals.markRunningAsInterrupted();
            return workspace;
        } catch (RuntimeException e) {
            closeQuietly(connection, e);
            lock.close();
            throw e;
        }
    }

    private static Path requireExistingDatabase(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new StorageException("Workspace folder " + folder + " does not exist."
                    + " Check the path, or create a workspace by running a command that writes to it.");
        }
        Path databaseFile = folder.resolve(DATABASE_FILE);
        if (!Files.isRegularFile(databaseFile)) {
            throw new StorageException(folder + " is not an ELM Studio workspace: " + DATABASE_FILE
                    + " is missing. Check the path, or create a workspace by running a command that writes to it.");
        }
        return databaseFile;
    }

    private static void createLayout(Path folder) {
        for (String name : new String[] {CHECKPOINTS_FOLDER, DATASETS_FOLDER, EXPORTS_FOLDER}) {
            try {
                Files.createDirectories(folder.resolve(name));
            } catch (IOException e) {
                throw new StorageException("Could not create " + folder.resolve(name) + " (" + e + ")", e);
            }
        }
    }

    private static void closeQuietly(Connection connection, Throwable failure) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException closeFailure) {
            failure.addSuppressed(closeFailure);
        }
    }
}
