package dev.elmstudio.app.panel.train;

/** What the Train panel's form trains. */
public enum TrainMode {
    PRETRAIN("Pretrain base LM"),
    ELM("Train ELM");

    private final String label;

    TrainMode(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
