package dev.elmstudio.app.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.collections.ObservableList;

/** The app's runner: a pool of daemon threads; every callback goes through {@link Platform#runLater}. */
public final class FxTaskRunner implements TaskRunner {

    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "elm-task-" + threadNumber.incrementAndGet());
        thread.setDaemon(true); // a job left running must not keep the JVM alive after the window closed
        thread.setPriority(Thread.NORM_PRIORITY - 1); // training yields to the UI thread on a busy machine
        return thread;
    });
    private final JobTracking jobs = new JobTracking();

    @Override
    public <T> TaskHandle submit(String name, BackgroundWork<T> work, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        SimpleTaskHandle handle = new SimpleTaskHandle(Platform::runLater);
        if (pool.isShutdown()) {
            // The window is closing: a poll or click arriving now has nobody left to show its result to.
            handle.cancel();
            return handle;
        }
        onUiThread(() -> jobs.started(name));
        handle.attach(pool.submit(() -> {
            try {
                T result = work.call(handle);
                Platform.runLater(() -> {
                    jobs.ended(name);
                    onSuccess.accept(result);
                });
            } catch (Throwable failure) {
                Platform.runLater(() -> {
                    jobs.ended(name);
                    onFailure.accept(failure);
                });
            }
        }));
        return handle;
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override public ObservableList<String> runningJobs() { return jobs.running(); }
    @Override public ReadOnlyIntegerProperty runningCount() { return jobs.count(); }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }
}
