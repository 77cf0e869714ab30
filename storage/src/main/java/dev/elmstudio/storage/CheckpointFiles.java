package dev.elmstudio.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Checksums of weight files. The workspace records each checkpoint's SHA-256 when it is written and
 * checks it before loading, so a file that was truncated, half-copied or swapped is refused instead
 * of silently producing a different model.
 */
public final class CheckpointFiles {

    private static final int BUFFER_BYTES = 1 << 20;

    private CheckpointFiles() {}

    /** Lowercase hex SHA-256 of a file's bytes, read in a streaming pass (files can be GBs). */
    public static String sha256(Path file) {
        MessageDigest digest = newSha256();
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new StorageException("Could not read " + file + " to compute its SHA-256 (" + e + ")", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Checks a file against an expected SHA-256; throws, naming the file, when they differ. */
    public static void verify(Path file, String expectedSha256) {
        if (!Files.isRegularFile(file)) {
            throw new StorageException("Checkpoint file " + file + " is missing. It was moved or deleted;"
                    + " restore it, or train again from an earlier checkpoint.");
        }
        String actual = sha256(file);
        if (!actual.equalsIgnoreCase(expectedSha256)) {
            throw new StorageException("Checkpoint file " + file + " is not the file the workspace recorded:"
                    + " SHA-256 is " + actual + ", expected " + expectedSha256
                    + ". It was changed or damaged after it was written; restore it from a copy,"
                    + " or train again from an earlier checkpoint.");
        }
    }

    /** Checks a recorded checkpoint's file against its recorded SHA-256. */
    public static void verify(Checkpoint checkpoint) {
        verify(checkpoint.path(), checkpoint.sha256());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
