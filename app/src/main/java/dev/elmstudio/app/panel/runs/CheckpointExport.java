package dev.elmstudio.app.panel.runs;

import dev.elmstudio.storage.Checkpoint;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies a checkpoint out of the workspace. A pretraining checkpoint is a {@code step-N} folder
 * (weights, config, optimizer state); the table records its weights file, so the folder is the
 * file's parent. The copy goes to a temporary folder first and is renamed when complete, so a
 * half-written export never looks finished.
 */
final class CheckpointExport {

    private CheckpointExport() {}

    static Path export(Checkpoint checkpoint, String runName, Path targetFolder) throws IOException {
        Path source = checkpoint.path();
        Path folder = Files.isDirectory(source) ? source : source.getParent();
        Path target = targetFolder.resolve(runName + "-step-" + checkpoint.step());
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "an export of this checkpoint is already there");
        }
        Files.createDirectories(targetFolder);
        Path partial = targetFolder.resolve("." + target.getFileName() + ".partial");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.toList();
        }
        for (Path file : files) {
            Path copy = partial.resolve(folder.relativize(file).toString());
            if (Files.isDirectory(file)) {
                Files.createDirectories(copy);
            } else {
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
