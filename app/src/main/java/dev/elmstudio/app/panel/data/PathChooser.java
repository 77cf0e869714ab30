package dev.elmstudio.app.panel.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Asks the user for a folder or a file. The panel uses the platform's choosers; the GUI test passes one that
 * answers with its fixture paths, because a native chooser cannot be driven on a headless screen.
 */
public interface PathChooser {

    /** The chosen folder, or null when the user cancelled. */
    Path chooseFolder(String title);

    /** The chosen file, or null; {@code extensions} like "*.csv" restrict what is offered. */
    Path chooseFile(String title, String description, List<String> extensions);
}
