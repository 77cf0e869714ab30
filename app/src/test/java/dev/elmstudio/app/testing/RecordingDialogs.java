package dev.elmstudio.app.testing;

import dev.elmstudio.app.shell.DialogService;
import java.util.ArrayList;
import java.util.List;

/** A dialog service that remembers what it was asked to show. */
public final class RecordingDialogs implements DialogService {

    public final List<String> errors = new ArrayList<>();
    public final List<Throwable> causes = new ArrayList<>();
    /** Questions asked through {@link #confirm}, and the answer every one gets. */
    public final List<String> questions = new ArrayList<>();
    public boolean answer;

    @Override
    public void showError(String summary, Throwable cause) {
        errors.add(summary);
        causes.add(cause);
    }

    @Override
    public boolean confirm(String question, String details, String yesLabel) {
        questions.add(question);
        return answer;
    }
}
