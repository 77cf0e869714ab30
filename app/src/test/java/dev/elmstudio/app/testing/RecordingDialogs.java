package dev.elmstudio.app.testing;

import dev.elmstudio.app.shell.DialogService;
import java.util.ArrayList;
import java.util.List;

/** A dialog service that remembers what it was asked to show. */
public final class RecordingDialogs implements DialogService {

    public final List<String> errors = new ArrayList<>();
    public final List<Throwable> causes = new ArrayList<>();

    @Override
    public void showError(String summary, Throwable cause) {
        errors.add(summary);
        causes.add(cause);
    }
}
