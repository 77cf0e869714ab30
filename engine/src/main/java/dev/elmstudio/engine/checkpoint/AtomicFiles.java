package dev.elmstudio.engine.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file so that readers see either the old contents or the complete new ones, never a half-written
 * file, even if the process or the machine dies mid-write: write a temporary file in the same folder, fsync
 * it, rename it over the target (atomic within one file system), then fsync the folder so the rename itself
 * survives a power cut.
 */
final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes the file's contents into the channel it is given. */
    @FunctionalInterface
    interface ContentWriter {
        void writeTo(FileChannel channel) throws IOException;
    }

    static void write(Path target, ContentWriter content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        // Hidden, and named after the target, so a leftover from a crash is recognisable. Created with
        // CREATE_NEW rather than Files.createTempFile, which would make the final file owner-only (0600).
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

    static void writeString(Path target, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(target, channel -> writeFully(channel, ByteBuffer.wrap(bytes)));
    }

    static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
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
