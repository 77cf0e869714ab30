package dev.elmstudio.app.shell;

/** The panels the navigation offers, in order; the number is the Ctrl+digit shortcut. */
public enum PanelId {
    DATA("Data", "Import MovieLens, embeddings and tasks; browse movies and the embedding map"),
    TRAIN("Train", "Pretrain a base language model, or train an ELM in two stages"),
    EXPLORE("Explore", "Watch a trained ELM describe a point as it moves between entities or along a concept"),
    COMPARE("Compare", "The same input through the ELM and its text-only baseline, with SC/BC; evaluation reports"),
    RATE("Rate", "Blind human rating: build a session, rater mode, results and agreement"),
    RUNS("Runs", "Every run in the workspace: status, configuration, curves, checkpoints");

    private final String title;
    private final String description;

    PanelId(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() { return title; }
    public String description() { return description; }
}
