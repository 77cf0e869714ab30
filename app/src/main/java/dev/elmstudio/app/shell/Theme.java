package dev.elmstudio.app.shell;

/**
 * Light or dark. Each is one small style sheet that sets the colour variables ({@code -color-bg},
 * {@code -color-fg}, ...); {@code app.css} uses only the variables, so switching swaps one sheet.
 */
public enum Theme {
    LIGHT("light.css"),
    DARK("dark.css");

    private final String styleSheet;

    Theme(String styleSheet) {
        this.styleSheet = styleSheet;
    }

    /** Resource name next to {@code app.css}. */
    public String styleSheet() {
        return styleSheet;
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
