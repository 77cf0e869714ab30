package dev.elmstudio.app.panel.compare;

import dev.elmstudio.app.compare.Answer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One side of the comparison as the view shows it: what the model received, a note, its text and its scores. */
public final class AnswerSide {
    private final StringProperty received = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty scores = new SimpleStringProperty("");

    public StringProperty receivedProperty() { return received; }
    public StringProperty noteProperty() { return note; }
    /** Grows token by token while the model writes. */
    public StringProperty textProperty() { return text; }
    public StringProperty scoresProperty() { return scores; }

    void clear() {
        received.set("");
        note.set("");
        text.set("");
        scores.set("");
    }

    void show(Answer answer, boolean hasUsers) {
        received.set(answer.received());
        note.set(answer.note());
        text.set(answer.text());
        scores.set(ScoreText.of(answer.scores(), hasUsers, answer.scoredAgainst()));
    }
}
