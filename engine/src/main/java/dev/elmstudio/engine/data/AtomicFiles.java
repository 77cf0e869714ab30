package dev.elmstudio.engine.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes files and folders so that readers see either the old content or the complete new one,
 * never a half-written file: write beside the target, flush to disk, then rename over it.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes into the file through {@code body}. */
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path file, Body body) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = parent.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE);
                    OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16)) {
                body.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static void writeString(Path file, CharSequence text) throws IOException {
        write(file, out -> out.write(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Fills a folder through {@code body}, which writes into a fresh temporary sibling folder; the
     * folder then replaces {@code folder} by rename. If {@code body} fails the temporary folder is
     * removed and {@code folder} is untouched.
     */
    public interface FolderBody {
        void fill(Path temporaryFolder) throws IOException;
    }

    public static void publishFolder(Path folder, FolderBody body) throws IOException {
        Path parent = folder.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, "." + folder.getFileName() + ".");
        try {
            // createTempDirectory makes it owner-only; the published folder should read like any other.
            if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
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
        } finally {
            if (Files.exists(temp)) {
                deleteTree(temp);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
