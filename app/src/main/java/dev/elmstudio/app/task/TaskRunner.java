package dev.elmstudio.app.task;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.collections.ObservableList;

/**
 * Runs work away from the UI thread and brings its results back to it. View models take a runner
 * through their constructor: the app passes {@link FxTaskRunner}, tests {@link DirectTaskRunner}, so
 * a view model test is deterministic and needs no window.
 */
public interface TaskRunner {

    /**
     * Starts {@code work}; exactly one of {@code onSuccess} and {@code onFailure} is then called on
     * the UI thread.
     *
     * @param name shown in the status bar while the work runs; null for housekeeping the user
     *     need not see (the Runs panel's polling), which would otherwise flicker there every second
     */
    <T> TaskHandle submit(String name, BackgroundWork<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the UI thread (later, unless this runner is direct). */
    void onUiThread(Runnable action);

    /** Names of the work running now (UI thread only). */
    ObservableList<String> runningJobs();

    /** How many jobs run now (UI thread only). */
    ReadOnlyIntegerProperty runningCount();

    /** Stops taking work and interrupts what runs; called when the window closes. */
    void shutdown();
}
