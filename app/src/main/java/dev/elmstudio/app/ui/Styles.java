package dev.elmstudio.app.ui;

/** Style class names shared by views and the app's CSS, so a rename cannot miss one side. */
public final class Styles {

    public static final String PANEL = "panel";
    public static final String PANEL_TITLE = "panel-title";
    public static final String FORM = "form";
    public static final String PROBLEMS = "problems";
    public static final String NAV = "nav";
    public static final String NAV_BUTTON = "nav-button";
    public static final String BANNER = "banner";
    public static final String MUTED = "muted";

    private Styles() {}
}
