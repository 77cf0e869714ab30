package dev.elmstudio.app.shell;

import dev.elmstudio.app.panel.data.DataViewModel;
import dev.elmstudio.app.panel.runs.RunsViewModel;
import dev.elmstudio.app.panel.train.TrainViewModel;
import dev.elmstudio.app.task.FxTaskRunner;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The desktop application: wires services into view models and view models into the window.
 * Started through {@link DesktopLauncher}, never as the jar's main class (see there why).
 */
public final class ElmStudioApp extends Application {

    private final AppSettings settings;
    private final FxTaskRunner tasks = new FxTaskRunner();
    private MainViewModel main;
    private RunsViewModel runs;
    private TrainViewModel train;
    private DataViewModel data;
    private MainWindow window;

    public ElmStudioApp() {
        this(AppSettings.forUser());
    }

    /** Tests pass settings of their own, so the user's recent workspaces stay untouched. */
    public ElmStudioApp(AppSettings settings) {
        this.settings = settings;
    }

    @Override
    public void start(Stage stage) {
        ErrorDialog errors = new ErrorDialog(stage);
        errors.installAsDefault();
        main = new MainViewModel(tasks, errors, settings, DeviceProbe::describe);
        runs = new RunsViewModel(tasks, errors);
        runs.workspaceProperty().bind(main.workspaceProperty());
        train = new TrainViewModel(tasks, errors, DeviceProbe::trainingDevice);
        train.workspaceProperty().bind(main.workspaceProperty());
        data = new DataViewModel(tasks, errors);
        data.workspaceProperty().bind(main.workspaceProperty());
        window = new MainWindow(stage, main, runs, train, data);
        window.show();
        main.probeDevice();
        main.reopenLastWorkspace();
    }

    @Override
    public void stop() {
        // A run stops cleanly after its current step and is recorded 'cancelled', so it can resume.
        // If the JVM exits first, the next writer marks it 'interrupted', which resumes the same way.
        if (train != null) {
            train.cancel();
        }
        tasks.shutdown();
    }

    public MainViewModel mainModel() { return main; }
    public RunsViewModel runsModel() { return runs; }
    public TrainViewModel trainModel() { return train; }
    public DataViewModel dataModel() { return data; }
    public MainWindow window() { return window; }
}
