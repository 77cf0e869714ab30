package dev.elmstudio.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An operating-system lock on {@code elm.lock} that marks the one process allowed to write a
 * workspace. The OS drops it when the process dies, so a run still marked 'running' while nobody
 * holds the lock was left by a process that crashed.
 *
 * <p>The lock file itself is never deleted: deleting it would let two processes lock two different
 * files of the same name.
 */
final class WorkspaceLock implements AutoCloseable {

    static final String FILE_NAME = "elm.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private WorkspaceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or fails at once, naming the workspace, when another writer holds it. */
    static WorkspaceLock acquire(Path folder) {
        Path lockFile = folder.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StorageException(lockFile + ": could not create the workspace lock file ("
                    + e.getMessage() + "). Check that the folder is writable.", e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this same process, through another Workspace
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StorageException(lockFile + ": could not lock the workspace (" + e.getMessage() + ")", e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new StorageException("Workspace " + folder + " is already open for writing by another"
                    + " ELM Studio window or command. Close it first, or open the workspace read-only.");
        }
        return new WorkspaceLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases it too.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing left to release; the OS frees the handle when the process ends.
        }
    }
}
