package dev.elmstudio.app.shell;

import dev.elmstudio.app.encode.SharedEncoder;
import dev.elmstudio.app.panel.compare.CompareView;
import dev.elmstudio.app.panel.compare.CompareViewModel;
import dev.elmstudio.app.panel.data.DataPanel;
import dev.elmstudio.app.panel.data.DataViewModel;
import dev.elmstudio.app.panel.explore.ExplorePanel;
import dev.elmstudio.app.panel.explore.ExploreViewModel;
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

    /** {@code gui --demo}: open the demo workspace straight away (scripts/demo.sh passes it). */
    public static final String DEMO_OPTION = "--demo";

    private final AppSettings settings;
    private final boolean offerDemo;
    private final FxTaskRunner tasks = new FxTaskRunner();
    private MainViewModel main;
    private DataViewModel data;
    private TrainViewModel train;
    private ExploreViewModel explore;
    private CompareViewModel compare;
    private RateViewModel rate;
    private RunsViewModel runs;
    private MainWindow window;

    public ElmStudioApp() {
        this(AppSettings.forUser(), true);
    }

    /**
     * Tests pass settings of their own, so the user's recent workspaces stay untouched; they start without the
     * first-run offer of the demo (a modal dialog) unless they ask for it with the other constructor.
     */
    public ElmStudioApp(AppSettings settings) {
        this(settings, false);
    }

    /** @param offerDemo whether a start without a workspace to reopen asks to open the demo workspace */
    public ElmStudioApp(AppSettings settings, boolean offerDemo) {
        this.settings = settings;
        this.offerDemo = offerDemo;
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
        // One all-MiniLM-L6-v2 for Explore's SC and Compare's SC/BC, loaded by whichever asks first.
        SharedEncoder encoder = new SharedEncoder(MiniLmEncoder::new);
        explore = new ExploreViewModel(tasks, errors, encoder);
        explore.workspaceProperty().bind(main.workspaceProperty());
        // The demo's first run (and anything else that publishes a focus entity) lands in Explore on that film.
        main.focusEntityProperty().addListener((obs, old, focus) -> {
            if (focus != null && focus.elmRunId() != null) {
                explore.focusEntity(focus.elmRunId(), focus.id());
            } else if (focus != null) {
                explore.focusEntity(focus.id());
            }
            if (focus != null && focus.concept() != null) {
                explore.focusConcept(focus.concept());
            }
        });
        rate = new RateViewModel(tasks, errors);
        rate.workspaceProperty().bind(main.workspaceProperty());
        compare = new CompareViewModel(tasks, errors, encoder);
        compare.workspaceProperty().bind(main.workspaceProperty());
        runs = new RunsViewModel(tasks, errors);
        runs.workspaceProperty().bind(main.workspaceProperty());

        Map<PanelId, Node> panels = new EnumMap<>(PanelId.class);
        panels.put(PanelId.DATA, new DataPanel(data));
        panels.put(PanelId.TRAIN, new TrainPanel(train));
        panels.put(PanelId.EXPLORE, new ExplorePanel(explore));
        panels.put(PanelId.COMPARE, new CompareView(compare));
        panels.put(PanelId.RATE, new RatePanel(rate));
        panels.put(PanelId.RUNS, new RunsPanel(runs));
        window = new MainWindow(stage, main, runs, panels);
        window.show();
        main.probeDevice();
        if (getParameters() != null && getParameters().getRaw().contains(DEMO_OPTION)) {
            main.openDemoWorkspace();
        } else if (offerDemo) {
            // later, so the window is painted before the first-run question appears over it
            tasks.onUiThread(main::startUp); // the last workspace, or on a first run the offer to open the demo
        } else {
            main.reopenLastWorkspace();
        }
    }

    @Override
    public void stop() {
        // A run stops cleanly after its current step and is recorded 'cancelled', so it can resume.
        // If the JVM exits first, the next writer marks it 'interrupted', which resumes the same way.
        if (train != null) {
            train.cancel();
        }
        if (explore != null) {
            explore.close();
        }
        if (compare != null) {
            compare.close();
        }
        tasks.shutdown();
    }

    public MainViewModel mainModel() { return main; }
    public DataViewModel dataModel() { return data; }
    public TrainViewModel trainModel() { return train; }
    public ExploreViewModel exploreModel() { return explore; }
    public CompareViewModel compareModel() { return compare; }
    public RateViewModel rateModel() { return rate; }
    public RunsViewModel runsModel() { return runs; }
    public MainWindow window() { return window; }
}
