package dev.elmstudio.app.shell;

/**
 * How view models talk to the user without knowing about windows. The app shows real dialogs
 * ({@link FxDialogService}); view model tests pass a fake that records what was shown.
 */
public interface DialogService {

    /**
     * Tells the user that something failed.
     *
     * @param summary one sentence in the user's terms: what failed and what to do
     * @param cause kept for the copyable details; may be null
     */
    void showError(String summary, Throwable cause);

    /**
     * Asks a yes/no question and waits for the answer (UI thread).
     *
     * @param question one sentence, the dialog's header
     * @param details what happens on yes, in the user's terms
     * @param yesLabel the button that says yes, e.g. "Open the demo"
     * @return true when the user chose {@code yesLabel}; false by default, for services that cannot ask
     */
    default boolean confirm(String question, String details, String yesLabel) {
        return false;
    }
}
