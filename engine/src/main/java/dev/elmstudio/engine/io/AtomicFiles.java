package dev.elmstudio.engine.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes files and folders so that readers see either the old contents or the complete new ones, never a
 * half-written file, even if the process or the machine dies mid-write: write a temporary sibling, fsync it,
 * rename it over the target (atomic within one file system), then fsync the folder so the rename itself survives
 * a power cut. The one place the engine does this (checkpoints, datasets, embeddings, task files).
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes the file's contents into the channel it is given (for large binary writes). */
    @FunctionalInterface
    public interface ChannelBody {
        void writeTo(FileChannel channel) throws IOException;
    }

    /** Writes the file's contents into a buffered stream (for text and small records). */
    @FunctionalInterface
    public interface StreamBody {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Fills a fresh temporary folder that then replaces the target folder. */
    @FunctionalInterface
    public interface FolderBody {
        void fill(Path temporaryFolder) throws IOException;
    }

    public static void write(Path target, ChannelBody content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        // Hidden, named after the target and unique per call (two threads may write siblings at once). Created
        // with CREATE_NEW rather than Files.createTempFile, which would make the final file owner-only (0600).
        Path temp = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        boolean renamed = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(channel);
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            renamed = true;
            fsyncFolder(folder);
        } finally {
            if (!renamed) {
                Files.deleteIfExists(temp);
            }
        }
    }

    public static void writeStream(Path target, StreamBody body) throws IOException {
        write(target, channel -> {
            // Not closed: closing the stream would close the channel before write() forces it to disk.
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            body.writeTo(out);
            out.flush();
        });
    }

    public static void writeString(Path target, CharSequence text) throws IOException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        write(target, channel -> writeFully(channel, ByteBuffer.wrap(bytes)));
    }

    public static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /**
     * Fills a folder through {@code body}, which writes into a fresh temporary sibling folder; the folder then
     * replaces {@code folder} by rename. If {@code body} fails the temporary folder is removed and {@code folder}
     * is untouched.
     */
    public static void publishFolder(Path folder, FolderBody body) throws IOException {
        Path parent = folder.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, "." + folder.getFileName() + ".");
        try {
            // createTempDirectory makes it owner-only; the published folder should read like any other.
            if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            body.fill(temp);
            if (Files.exists(folder)) {
                Path old = Files.createTempDirectory(parent, "." + folder.getFileName() + ".old.");
                Files.delete(old);
                Files.move(folder, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(temp, folder, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.move(temp, folder, StandardCopyOption.ATOMIC_MOVE);
            }
            fsyncFolder(parent);
        } finally {
            if (Files.exists(temp)) {
                deleteTree(temp);
            }
        }
    }

    public static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void fsyncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder as a channel; there NTFS journals the rename itself. The file's
            // contents are already on disk, so at worst the old file survives a power cut.
        }
    }
}
