package dev.elmstudio.app.panel.data;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The platform's folder and file choosers, opening where the last choice was. */
final class FxPathChooser implements PathChooser {

    private final Supplier<Window> owner;
    private File lastFolder;

    FxPathChooser(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Path chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File folder = chooser.showDialog(owner.get());
        if (folder == null) {
            return null;
        }
        lastFolder = folder.getParentFile();
        return folder.toPath();
    }

    @Override
    public Path chooseFile(String title, String description, List<String> extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, extensions));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File file = chooser.showOpenDialog(owner.get());
        if (file == null) {
            return null;
        }
        lastFolder = file.getParentFile();
        return file.toPath();
    }
}
