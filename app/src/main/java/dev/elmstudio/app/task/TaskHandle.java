package dev.elmstudio.app.task;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** A submitted task: its progress and message (updated on the UI thread) and a way to cancel it. */
public interface TaskHandle {

    ReadOnlyDoubleProperty progressProperty();

    ReadOnlyStringProperty messageProperty();

    /** Asks the work to stop; it sees {@link TaskContext#isCancelled()} and decides when. */
    void cancel();

    boolean isCancelled();
}
