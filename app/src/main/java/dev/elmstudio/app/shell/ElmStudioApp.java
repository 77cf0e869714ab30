package dev.elmstudio.app.shell;

import dev.elmstudio.app.panel.compare.CompareView;
import dev.elmstudio.app.panel.compare.CompareViewModel;
import dev.elmstudio.app.panel.data.DataPanel;
import dev.elmstudio.app.panel.data.DataViewModel;
import dev.elmstudio.app.panel.rate.RatePanel;
import dev.elmstudio.app.panel.rate.RateViewModel;
import dev.elmstudio.app.panel.runs.RunsPanel;
import dev.elmstudio.app.panel.runs.RunsViewModel;
import dev.elmstudio.app.panel.train.TrainPanel;
import dev.elmstudio.app.panel.train.TrainViewModel;
import dev.elmstudio.app.task.FxTaskRunner;
import dev.elmstudio.engine.encode.MiniLmEncoder;
import java.util.EnumMap;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.stage.Stage;

/**
 * The desktop application: wires services into view models and view models into the window.
 * Started through {@link DesktopLauncher}, never as the jar's main class (see there why).
 */
public final class ElmStudioApp extends Application {

    private final AppSettings settings;
    private final FxTaskRunner tasks = new FxTaskRunner();
    private MainViewModel main;
    private DataViewModel data;
    private TrainViewModel train;
    private CompareViewModel compare;
    private RateViewModel rate;
    private RunsViewModel runs;
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
        data = new DataViewModel(tasks, errors);
        data.workspaceProperty().bind(main.workspaceProperty());
        train = new TrainViewModel(tasks, errors, DeviceProbe::trainingDevice);
        train.workspaceProperty().bind(main.workspaceProperty());
        rate = new RateViewModel(tasks, errors);
        rate.workspaceProperty().bind(main.workspaceProperty());
        compare = new CompareViewModel(tasks, errors, MiniLmEncoder::new);
        compare.workspaceProperty().bind(main.workspaceProperty());
        runs = new RunsViewModel(tasks, errors);
        runs.workspaceProperty().bind(main.workspaceProperty());

        Map<PanelId, Node> panels = new EnumMap<>(PanelId.class);
        panels.put(PanelId.DATA, new DataPanel(data));
        panels.put(PanelId.TRAIN, new TrainPanel(train));
        panels.put(PanelId.COMPARE, new CompareView(compare));
        panels.put(PanelId.RATE, new RatePanel(rate));
        panels.put(PanelId.RUNS, new RunsPanel(runs));
        window = new MainWindow(stage, main, runs, panels);
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
        if (compare != null) {
            compare.close();
        }
        tasks.shutdown();
    }

    public MainViewModel mainModel() { return main; }
    public DataViewModel dataModel() { return data; }
    public TrainViewModel trainModel() { return train; }
    public CompareViewModel compareModel() { return compare; }
    public RateViewModel rateModel() { return rate; }
    public RunsViewModel runsModel() { return runs; }
    public MainWindow window() { return window; }
}
