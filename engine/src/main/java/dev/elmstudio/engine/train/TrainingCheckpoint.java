package dev.elmstudio.engine.train;

import ai.djl.ndarray.NDManager;
import dev.elmstudio.engine.checkpoint.LmCheckpoint;
import dev.elmstudio.engine.checkpoint.SafeTensors;
import dev.elmstudio.engine.lm.CausalLm;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A resumable checkpoint: one folder {@code step-NNNNNNNN/} holding the model (via
 * {@link LmCheckpoint}: weights + config.json), {@code optimizer.safetensors} (AdamW moments) and
 * {@code trainer.json} ({@link CheckpointManifest}).
 *
 * <p>The folder appears atomically: everything is written into a hidden temporary folder next to
 * it, every file and the folder are fsynced, and only then is it renamed into place. A crash leaves
 * either no checkpoint or a complete one, plus at worst a {@code .step-…tmp} folder to delete.
 */
final class TrainingCheckpoint {

    static final String MANIFEST_FILE = "trainer.json";
    static final String OPTIMIZER_FILE = "optimizer.safetensors";
    private static final Pattern FOLDER_NAME = Pattern.compile("step-(\\d{8,})");

    private TrainingCheckpoint() { }

    static String folderName(int step) {
        return String.format("step-%08d", step);
    }

    /** Writes a checkpoint under {@code root} and returns its folder (replacing one of the same step). */
    static Path write(Path root, CausalLm model, AdamW optimizer, CheckpointManifest manifest) throws IOException {
        Files.createDirectories(root);
        String name = folderName(manifest.step());
        Path temp = root.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
        Files.createDirectory(temp);
        try {
            LmCheckpoint.save(model, temp);
            SafeTensors.write(temp.resolve(OPTIMIZER_FILE), optimizer.exportState(),
                    Map.of("optimizer", "AdamW", "step", Integer.toString(optimizer.stepCount())));
            writeSynced(temp.resolve(MANIFEST_FILE), manifest.toJson()); // last: its presence means complete
            syncTree(temp);
            Path target = root.resolve(name);
            moveIntoPlace(temp, target);
            syncFolder(root);
            return target;
        } catch (IOException | RuntimeException e) {
            deleteTree(temp);
            throw e;
        }
    }

    static CheckpointManifest readManifest(Path folder) throws IOException {
        Path file = folder.resolve(MANIFEST_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(folder + " is not a training checkpoint: it has no " + MANIFEST_FILE);
        }
        return CheckpointManifest.fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Copies the saved moments into {@code optimizer}, which must train the same parameters. */
    static void restoreOptimizer(Path folder, AdamW optimizer, int optimizerSteps, NDManager manager)
            throws IOException {
        try (SafeTensors file = SafeTensors.open(folder.resolve(OPTIMIZER_FILE));
                NDManager scratch = manager.newSubManager()) {
            optimizer.importState(file.readAll(scratch), optimizerSteps);
        }
    }

    /** The checkpoint with the highest step under {@code root}, if any complete one exists. */
    static Optional<Path> latest(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children
                    .filter(p -> FOLDER_NAME.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isRegularFile(p.resolve(MANIFEST_FILE)))
                    .max(Comparator.comparingLong(TrainingCheckpoint::stepOf));
        }
    }

    private static long stepOf(Path folder) {
        Matcher matcher = FOLDER_NAME.matcher(folder.getFileName().toString());
        return matcher.matches() ? Long.parseLong(matcher.group(1)) : -1;
    }

    /**
     * Renames {@code source} to {@code target}. A folder cannot be renamed over a non-empty one, so
     * an existing checkpoint of the same step (from an earlier, longer attempt) is first moved aside
     * and deleted after the swap; its data exists under one name or the other throughout.
     */
    private static void moveIntoPlace(Path source, Path target) throws IOException {
        Path displaced = null;
        if (Files.exists(target)) {
            displaced = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".old");
            Files.move(target, displaced, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        if (displaced != null) {
            deleteTree(displaced);
        }
    }

    private static void writeSynced(Path file, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }

    /** fsyncs every file below {@code folder}, then the folders, so the rename publishes durable data. */
    private static void syncTree(Path folder) throws IOException {
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(folder)) {
            entries = walk.sorted(Comparator.reverseOrder()).toList(); // children before their folder
        }
        for (Path entry : entries) {
            if (Files.isRegularFile(entry)) {
                try (FileChannel channel = FileChannel.open(entry, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            } else if (Files.isDirectory(entry)) {
                syncFolder(entry);
            }
        }
    }

    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder as a channel; NTFS journals the rename itself.
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path entry : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(entry);
            }
        } catch (IOException e) {
            // Best effort: a leftover hidden .tmp/.old folder is harmless and recognisable by name.
        }
    }
}
