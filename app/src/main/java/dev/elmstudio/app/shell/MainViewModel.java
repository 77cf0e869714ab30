package dev.elmstudio.app.shell;

import dev.elmstudio.app.demo.DemoAssets;
import dev.elmstudio.app.demo.DemoWorkspace;
import dev.elmstudio.app.task.TaskRunner;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The window's state: which workspace is open, the recent ones, panel, theme, device and jobs. */
public final class MainViewModel {

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final AppSettings settings;
    private final Supplier<String> deviceProbe;

    // Properties
    private final ReadOnlyObjectWrapper<Path> workspace = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Path> recentWorkspaces = FXCollections.observableArrayList();
    private final StringProperty workspacePathInput = new SimpleStringProperty("");
    private final ObjectProperty<PanelId> panel = new SimpleObjectProperty<>(PanelId.RUNS);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper("Device: checking…");
    private final StringBinding jobsText;
    private final ObjectProperty<FocusEntity> focusEntity = new SimpleObjectProperty<>();
    private DemoSource demoSource = () -> DemoWorkspace.openOrBuild(DemoAssets.locate(), DemoWorkspace.defaultFolder());

    /** Where the demo workspace comes from: the real one by default; tests build it in a folder of their own. */
    @FunctionalInterface
    public interface DemoSource {
        DemoWorkspace.Opened open() throws Exception;
    }

    public MainViewModel(TaskRunner tasks, DialogService dialogs, AppSettings settings, Supplier<String> deviceProbe) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.settings = settings;
        this.deviceProbe = deviceProbe;
        recentWorkspaces.setAll(settings.recentWorkspaces());
        theme.set(settings.theme());
        theme.addListener((obs, old, now) -> settings.setTheme(now));
        jobsText = Bindings.createStringBinding(() -> tasks.runningJobs().isEmpty() ? "No jobs running"
                : tasks.runningJobs().size() + " running: " + String.join(", ", tasks.runningJobs()),
                tasks.runningJobs());
    }

    // Properties

    /** The open workspace, null before one is chosen. */
    public ReadOnlyObjectProperty<Path> workspaceProperty() { return workspace.getReadOnlyProperty(); }
    public ObservableList<Path> recentWorkspaces() { return recentWorkspaces; }
    /** The folder typed or picked in the workspace chooser. */
    public StringProperty workspacePathInputProperty() { return workspacePathInput; }
    public ObjectProperty<PanelId> panelProperty() { return panel; }
    public ObjectProperty<Theme> themeProperty() { return theme; }
    public ReadOnlyStringProperty deviceProperty() { return device.getReadOnlyProperty(); }
    public StringBinding jobsTextProperty() { return jobsText; }

    public AppSettings settings() { return settings; }
    /** The entity panels should show; set when the demo opens (its featured film), null otherwise. */
    public ObjectProperty<FocusEntity> focusEntityProperty() { return focusEntity; }

    public void setDemoSource(DemoSource source) { this.demoSource = source; }

    // Commands

    /** Finds the device off the UI thread: loading DJL's engine takes seconds. */
    public void probeDevice() {
        tasks.submit("Detecting device", context -> deviceProbe.get(),
                text -> device.set("Device: " + text), failure -> device.set("Device: unknown"));
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    /** Creates a workspace in the folder typed in the chooser (an existing one is opened). */
    public void createWorkspace() {
        Path folder = inputFolder();
        if (folder != null) {
            openWorkspace(folder, true);
        }
    }

    /** Opens the workspace in the folder typed in the chooser. */
    public void openTypedWorkspace() {
        Path folder = inputFolder();
        if (folder != null) {
            openWorkspace(folder, false);
        }
    }

    /**
     * Opens (or creates) the workspace in {@code folder}. Opening for writing once migrates an old
     * schema and marks runs a crashed process left 'running' as interrupted; then the writer lock is
     * given back, so command-line runs can record while the app shows them. When another process
     * holds the lock (a CLI run in progress), the workspace opens read-only instead.
     */
    public void openWorkspace(Path folder, boolean create) {
        openWorkspace(folder, create, opened -> { });
    }

    private void openWorkspace(Path folder, boolean create, java.util.function.Consumer<Path> then) {
        Path target = folder.toAbsolutePath().normalize();
        tasks.submit("Opening workspace", context -> {
            if (!create && !Files.isRegularFile(target.resolve(Workspace.DATABASE_FILE))) {
                Workspace.openReadOnly(target).close(); // fails with the storage layer's explanation
            }
            try (Workspace opened = create ? Workspace.openOrCreate(target) : Workspace.open(target)) {
                return target;
            } catch (RuntimeException lockedByAnotherWriter) {
                if (create || !Files.isRegularFile(target.resolve(Workspace.DATABASE_FILE))) {
                    throw lockedByAnotherWriter;
                }
                Workspace.openReadOnly(target).close();
                return target;
            }
        }, opened -> {
            workspace.set(opened);
            workspacePathInput.set(opened.toString());
            recentWorkspaces.setAll(settings.rememberWorkspace(opened));
            then.accept(opened);
        }, failure -> dialogs.showError((create ? "Could not create the workspace in " : "Could not open the workspace ")
                + target + ".", failure));
    }

    /** The recent workspace list's first entry, opened on start when it still exists. */
    public void reopenLastWorkspace() {
        if (hasReopenableWorkspace()) {
            openWorkspace(recentWorkspaces.get(0), false);
        }
    }

    /** On start: the last workspace when it still exists, else (first run) the offer to open the demo. */
    public void startUp() {
        if (hasReopenableWorkspace()) {
            reopenLastWorkspace();
        } else {
            offerDemo();
        }
    }

    /** Asks whether to open the demo workspace, and opens it on yes. */
    public void offerDemo() {
        if (dialogs.confirm("Open the demo workspace?", "ELM Studio comes with a demo: 2,500 films rated by a"
                + " simulated audience, their behavioral embedding space and an ELM trained to describe it. It is"
                + " prepared in a few seconds, offline, in " + DemoWorkspace.defaultFolder() + ".", "Open the demo")) {
            openDemoWorkspace();
        }
    }

    /**
     * Builds (or reuses) the demo workspace off the UI thread, opens it, then shows the Explore panel when the app has
     * one and publishes the featured film as the {@link #focusEntityProperty() focus entity}.
     */
    public void openDemoWorkspace() {
        tasks.submit("Preparing the demo workspace", context -> demoSource.open(),
                demo -> openWorkspace(demo.folder(), false, opened -> {
                    explorePanel().ifPresent(panel::set);
                    focusEntity.set(new FocusEntity(DemoWorkspace.DATASET, "movie", demo.focusMovieId(),
                            demo.focusTitle(), demo.elmRunId(), DemoWorkspace.FOCUS_CONCEPT));
                }),
                failure -> dialogs.showError("Could not prepare the demo workspace.", failure));
    }

    /** The Explore panel, found by name so this compiles before (and after) that panel exists. */
    static java.util.Optional<PanelId> explorePanel() {
        return java.util.Arrays.stream(PanelId.values()).filter(p -> p.name().equals("EXPLORE")).findFirst();
    }

    private boolean hasReopenableWorkspace() {
        return !recentWorkspaces.isEmpty()
                && Files.isRegularFile(recentWorkspaces.get(0).resolve(Workspace.DATABASE_FILE));
    }

    private Path inputFolder() {
        String text = workspacePathInput.get() == null ? "" : workspacePathInput.get().trim();
        if (text.isEmpty()) {
            dialogs.showError("Type or choose a workspace folder first.", null);
            return null;
        }
        try {
            return Path.of(text);
        } catch (RuntimeException e) {
            dialogs.showError("'" + text + "' is not a valid folder path.", e);
            return null;
        }
    }
}
