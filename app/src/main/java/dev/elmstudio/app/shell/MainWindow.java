package dev.elmstudio.app.shell;

import dev.elmstudio.app.panel.runs.RunsViewModel;
import dev.elmstudio.app.ui.Styles;
import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;

/**
 * The main window: workspace chooser on top, panel navigation on the left, the chosen panel in the
 * middle, status bar (workspace, device, running jobs) at the bottom. Builds the view top to bottom
 * and binds it to {@link MainViewModel}; it holds no state of its own beyond the window bounds.
 */
public final class MainWindow {

    private static final String APP_CSS = "app.css";

    private final Stage stage;
    private final MainViewModel model;
    private final Map<PanelId, Node> panels = new EnumMap<>(PanelId.class);
    private final RunsViewModel runs;
    private ComboBox<String> workspaceField;

    /**
     * @param panels the view of each panel, built by the application; the navigation lists them in
     *               {@link PanelId} order, so a new panel needs no change here
     */
    public MainWindow(Stage stage, MainViewModel model, RunsViewModel runs, Map<PanelId, Node> panels) {
        this.stage = stage;
        this.model = model;
        this.runs = runs;
        this.panels.putAll(panels);
    }

    public void show() {
        BorderPane root = new BorderPane();
        root.setId("main-window");
        root.setTop(createWorkspaceBar());
        root.setLeft(createNavigation());
        root.setCenter(createPanelArea());
        root.setBottom(createStatusBar());
        Scene scene = new Scene(root, 1200, 780);
        applyTheme(scene, model.themeProperty().get());
        model.themeProperty().addListener((obs, old, theme) -> applyTheme(scene, theme));
        installShortcuts(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> model.workspaceProperty().get() == null
                ? "ELM Studio" : "ELM Studio — " + model.workspaceProperty().get(), model.workspaceProperty()));
        restoreBounds();
        stage.setOnCloseRequest(event -> saveBounds());
        stage.show();
    }

    public Parent root() {
        return stage.getScene().getRoot();
    }

    private Node createWorkspaceBar() {
        workspaceField = new ComboBox<>();
        workspaceField.setId("workspace-path");
        workspaceField.setEditable(true);
        workspaceField.setPromptText("Workspace folder");
        workspaceField.setPrefWidth(520);
        syncRecentItems();
        model.recentWorkspaces().addListener((ListChangeListener<Path>) change -> syncRecentItems());
        workspaceField.getEditor().textProperty().bindBidirectional(model.workspacePathInputProperty());
        workspaceField.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.workspacePathInputProperty().set(now);
            }
        });
        Button open = button("Open", "workspace-open", "Open the workspace in this folder (Ctrl+O)", model::openTypedWorkspace);
        Button create = button("Create", "workspace-create", "Create a workspace in this folder (Ctrl+N)", model::createWorkspace);
        Button browse = button("Browse…", "workspace-browse", "Choose a folder", this::browseWorkspace);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button theme = button("Light / dark", "theme-toggle", "Switch theme (Ctrl+T)", model::toggleTheme);
        Label label = new Label("Workspace");
        HBox bar = new HBox(8, label, workspaceField, browse, open, create, spacer, theme);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("workspace-bar");
        return bar;
    }

    private Node createNavigation() {
        ToggleGroup group = new ToggleGroup();
        VBox nav = new VBox(4);
        nav.getStyleClass().add(Styles.NAV);
        int number = 1;
        for (PanelId id : PanelId.values()) {
            ToggleButton button = new ToggleButton(id.title());
            button.setId("nav-" + id.name().toLowerCase(java.util.Locale.ROOT));
            button.getStyleClass().add(Styles.NAV_BUTTON);
            button.setTooltip(new Tooltip(id.description() + " (Ctrl+" + number++ + ")"));
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setSelected(model.panelProperty().get() == id);
            button.setOnAction(event -> model.panelProperty().set(id));
            model.panelProperty().addListener((obs, old, now) -> button.setSelected(now == id));
            nav.getChildren().add(button);
        }
        nav.setPadding(new Insets(12, 8, 12, 8));
        nav.setPrefWidth(110);
        return nav;
    }

    private Node createPanelArea() {
        StackPane area = new StackPane();
        for (Map.Entry<PanelId, Node> entry : panels.entrySet()) {
            Node panel = entry.getValue();
            panel.visibleProperty().bind(model.panelProperty().isEqualTo(entry.getKey())
                    .and(model.workspaceProperty().isNotNull()));
            area.getChildren().add(panel);
        }
        Label welcome = new Label("Choose a workspace folder above: Open an existing one, or Create a new one.\n"
                + "A workspace holds runs, metrics and checkpoints (elm.db and checkpoints/).");
        welcome.setId("welcome");
        welcome.getStyleClass().add(Styles.MUTED);
        welcome.visibleProperty().bind(model.workspaceProperty().isNull());
        area.getChildren().add(welcome);
        return area;
    }

    private Node createStatusBar() {
        StatusBar status = new StatusBar();
        status.setId("status-bar");
        status.textProperty().bind(Bindings.createStringBinding(() -> model.workspaceProperty().get() == null
                ? "No workspace" : model.workspaceProperty().get().toString(), model.workspaceProperty()));
        Label device = new Label();
        device.setId("status-device");
        device.textProperty().bind(model.deviceProperty());
        Label jobs = new Label();
        jobs.setId("status-jobs");
        jobs.textProperty().bind(model.jobsTextProperty());
        status.getRightItems().addAll(jobs, new Label("  |  "), device);
        return status;
    }

    private void installShortcuts(Scene scene) {
        PanelId[] ids = PanelId.values();
        for (int i = 0; i < ids.length; i++) {
            PanelId id = ids[i];
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(i + 1)),
                    KeyCombination.SHORTCUT_DOWN), () -> model.panelProperty().set(id));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::browseWorkspace);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), model::createWorkspace);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), model::toggleTheme);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), runs::refresh);
    }

    private void browseWorkspace() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Workspace folder (an existing workspace, or an empty folder to create one in)");
        File folder = chooser.showDialog(stage);
        if (folder != null) {
            model.workspacePathInputProperty().set(folder.getAbsolutePath());
            model.openWorkspace(folder.toPath(), !new File(folder, "elm.db").isFile());
        }
    }

    private void syncRecentItems() {
        workspaceField.getItems().setAll(model.recentWorkspaces().stream().map(Path::toString).toList());
    }

    private static void applyTheme(Scene scene, Theme theme) {
        scene.getStylesheets().setAll(
                MainWindow.class.getResource(theme.styleSheet()).toExternalForm(),
                MainWindow.class.getResource(APP_CSS).toExternalForm());
    }

    private void restoreBounds() {
        double[] bounds = model.settings().windowBounds();
        if (bounds.length == 4 && bounds[2] >= 400 && bounds[3] >= 300) {
            stage.setX(bounds[0]);
            stage.setY(bounds[1]);
            stage.setWidth(bounds[2]);
            stage.setHeight(bounds[3]);
        }
    }

    private void saveBounds() {
        model.settings().setWindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    }

    private static Button button(String text, String id, String tooltip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(event -> action.run());
        return button;
    }
}
