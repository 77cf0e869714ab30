package dev.elmstudio.app.panel.explore;

/** An entity of the ELM's space as the pickers show it: "Vertigo (1958) · 903" or "User 17 · 17". */
public record EntityChoice(int id, String label) {

    @Override
    public String toString() {
        return label + " · " + id;
    }
}
