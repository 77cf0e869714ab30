package dev.elmstudio.app.task;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.collections.ObservableList;

/**
 * Runs work on the calling thread and calls back at once, so view model tests see the result on the
 * next line. The job list still records work in flight, for tests that look at it from inside.
 */
public final class DirectTaskRunner implements TaskRunner {

    private final JobTracking jobs = new JobTracking();

    @Override
    public <T> TaskHandle submit(String name, BackgroundWork<T> work, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        SimpleTaskHandle handle = new SimpleTaskHandle(Runnable::run);
        jobs.started(name);
        T result;
        try {
            result = work.call(handle);
        } catch (Throwable failure) {
            jobs.ended(name);
            onFailure.accept(failure);
            return handle;
        }
        jobs.ended(name);
        onSuccess.accept(result);
        return handle;
    }

    @Override public void onUiThread(Runnable action) { action.run(); }
    @Override public ObservableList<String> runningJobs() { return jobs.running(); }
    @Override public ReadOnlyIntegerProperty runningCount() { return jobs.count(); }
    @Override public void shutdown() { }
}
