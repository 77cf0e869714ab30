package dev.elmstudio.app.task;

import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Handle and context in one: the work writes progress from its thread, the UI reads the properties. */
final class SimpleTaskHandle implements TaskHandle, TaskContext {

    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Consumer<Runnable> uiThread;
    private volatile Future<?> future;

    SimpleTaskHandle(Consumer<Runnable> uiThread) {
        this.uiThread = uiThread;
    }

    void attach(Future<?> running) {
        this.future = running;
    }

    @Override public void progress(double fraction) { uiThread.accept(() -> progress.set(fraction)); }
    @Override public void message(String text) { uiThread.accept(() -> message.set(text)); }
    @Override public boolean isCancelled() { return cancelled.get(); }
    @Override public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    @Override public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    @Override
    public void cancel() {
        cancelled.set(true);
        // No interrupt: work such as training stops between steps through its own control, and an
        // interrupt in the middle of a SQLite or file write would only turn a clean stop into an error.
    }
}
