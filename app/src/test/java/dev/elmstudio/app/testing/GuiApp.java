package dev.elmstudio.app.testing;

import dev.elmstudio.app.shell.ElmStudioApp;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real ELM Studio window of a GUI test, on settings of its own: started in {@code @BeforeAll} with
 * {@link #start()}, stopped in {@code @AfterAll} with {@link #close()}, with the steps the GUI tests share.
 */
public final class GuiApp implements AutoCloseable {

    private final TestSettings settings;
    private final ElmStudioApp app;
    private final FxRobot robot = new FxRobot();

    private GuiApp(TestSettings settings, ElmStudioApp app) {
        this.settings = settings;
        this.app = app;
    }

    /** Registers TestFX's primary stage and shows the app in it. */
    public static GuiApp start() throws Exception {
        TestSettings settings = new TestSettings();
        FxToolkit.registerPrimaryStage();
        ElmStudioApp app = (ElmStudioApp) FxToolkit.setupApplication(() -> new ElmStudioApp(settings.settings()));
        return new GuiApp(settings, app);
    }

    public ElmStudioApp app() {
        return app;
    }

    /** Closes the app and every stage, and removes the settings' preferences node. */
    @Override
    public void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        settings.close();
    }

    /** Types a folder into the workspace field, clicks Create and waits (10 s) until it is the open workspace. */
    public void createWorkspace(Path workspace) throws Exception {
        submitWorkspace(workspace, "#workspace-create");
        waitUntil(10, () -> workspace.equals(app.mainModel().workspaceProperty().get()));
    }

    /** Types a folder into the workspace field, clicks Open and waits (10 s) until it is the open workspace. */
    public void openWorkspace(Path workspace) throws Exception {
        submitWorkspace(workspace, "#workspace-open");
        waitUntil(10, () -> workspace.equals(app.mainModel().workspaceProperty().get()));
    }

    /** Clicks the workspace field, puts {@code workspace} in it and clicks {@code button}; does not wait. */
    public void submitWorkspace(Path workspace, String button) {
        robot.clickOn("#workspace-path");
        typeWorkspacePath(workspace);
        robot.clickOn(button);
    }

    /** Puts {@code workspace} in the workspace field's editor, without clicking anything. */
    public void typeWorkspacePath(Path workspace) {
        robot.interact(() -> lookup("#workspace-path", ComboBox.class).getEditor().setText(workspace.toString()));
    }

    /** The one node {@code query} finds, as {@code type}. */
    public <T> T lookup(String query, Class<T> type) {
        return type.cast(robot.lookup(query).query());
    }

    /** Sets the text of the text field {@code id} on the FX thread. */
    public void fill(String id, String text) {
        TextField field = lookup(id, TextField.class);
        robot.interact(() -> field.setText(text));
    }

    /** Clicks the text field {@code id} first (focusing it, as a user would), then sets its text. */
    public void clickAndFill(String id, String text) {
        TextField field = lookup(id, TextField.class);
        robot.clickOn(field);
        robot.interact(() -> field.setText(text));
    }

    /** The root of the first window: the main window, for screenshots. */
    public Node window() {
        return robot.listWindows().get(0).getScene().getRoot();
    }

    /** Saves the main window as the screenshot {@code name}. */
    public void screenshot(String name) {
        robot.interact(() -> Screenshots.save(window(), name));
    }

    /** Waits up to {@code seconds} for {@code condition} (checked off the FX thread), then for pending FX events. */
    public static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits up to {@code seconds} for {@code condition}, checked on the FX thread where the view models live. */
    public static void waitUntilOnFx(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition::getAsBoolean));
    }

    /** Runs {@code action} on the FX thread and returns its result (at most 30 s). */
    public static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
    }
}
