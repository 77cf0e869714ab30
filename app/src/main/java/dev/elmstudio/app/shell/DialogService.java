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
}
