package dev.elmstudio.app.task;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The list of running jobs both runners keep; touched on the UI thread only. */
final class JobTracking {

    private final ObservableList<String> running = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper();

    JobTracking() {
        count.bind(Bindings.size(running));
    }

    void started(String name) {
        if (name != null) {
            running.add(name);
        }
    }

    void ended(String name) {
        if (name != null) {
            running.remove(name);
        }
    }

    ObservableList<String> running() {
        return FXCollections.unmodifiableObservableList(running);
    }

    ReadOnlyIntegerProperty count() {
        return count.getReadOnlyProperty();
    }
}
