package dev.elmstudio.app.panel.rate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Rater mode: a rater types their id, then rates the session's items one at a time, in their own order, with the
 * keyboard only. Focus moves over a grid of cells, for each text its three statements and then its comment; a digit
 * 1–5 answers the focused statement and is saved at once. Leaving (or resuming as a rater id that already started)
 * needs the researcher's PIN.
 *
 * <p>Nothing here knows which model wrote a text: the store hands over {@link RaterItem}s, which carry none.
 */
public final class RaterViewModel {

    /** Where the rater is. */
    public enum Phase { ENTER_ID, RATING, DONE }

    /** What the PIN prompt, when shown, is for. */
    public enum PinPurpose { EXIT, RESUME }

    /** Rows of a text's cells: statements 1..3 are rows 0..2. */
    public static final int COMMENT_ROW = Statements.COUNT;

    private final RaterStore store;
    private final Runnable onExit;

    // Properties
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.ENTER_ID);
    private final StringProperty raterIdInput = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper raterId = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper itemCount = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper itemLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper("");
    private final ObservableList<String> statements = FXCollections.observableArrayList();
    private final ObservableList<TextCard> cards = FXCollections.observableArrayList();
    // One read-only view each: a wrapper listens to its list weakly, so a fresh wrapper per call would drop listeners
    private final ObservableList<String> statementsView = FXCollections.unmodifiableObservableList(statements);
    private final ObservableList<TextCard> cardsView = FXCollections.unmodifiableObservableList(cards);
    private final ReadOnlyIntegerWrapper focusCard = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper focusRow = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PinPurpose> pinPrompt = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper pinMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper savedAnswers = new ReadOnlyIntegerWrapper(0);

    private List<RaterItem> items = List.of();
    private Map<String, Integer> scores = Map.of();
    private Map<String, String> comments = Map.of();

    public RaterViewModel(RaterStore store, Runnable onExit) {
        this.store = store;
        this.onExit = onExit;
    }

    // Properties

    public ReadOnlyObjectProperty<Phase> phaseProperty() { return phase.getReadOnlyProperty(); }
    public String sessionName() { return store.sessionName(); }
    public StringProperty raterIdInputProperty() { return raterIdInput; }
    public ReadOnlyStringProperty raterIdProperty() { return raterId.getReadOnlyProperty(); }
    /** 0-based position in the rater's order. */
    public ReadOnlyIntegerProperty indexProperty() { return index.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty itemCountProperty() { return itemCount.getReadOnlyProperty(); }
    /** "Item k of n". */
    public ReadOnlyStringProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty itemLabelProperty() { return itemLabel.getReadOnlyProperty(); }
    public ReadOnlyStringProperty promptProperty() { return prompt.getReadOnlyProperty(); }
    /** The current item's three statements. */
    public ObservableList<String> statements() { return statementsView; }
    /** The current item's texts: one, or Text A and Text B. */
    public ObservableList<TextCard> cards() { return cardsView; }
    public ReadOnlyIntegerProperty focusCardProperty() { return focusCard.getReadOnlyProperty(); }
    /** 0..2: a statement; {@link #COMMENT_ROW}: the comment. */
    public ReadOnlyIntegerProperty focusRowProperty() { return focusRow.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** Non-null while the PIN prompt shows. */
    public ReadOnlyObjectProperty<PinPurpose> pinPromptProperty() { return pinPrompt.getReadOnlyProperty(); }
    public ReadOnlyStringProperty pinMessageProperty() { return pinMessage.getReadOnlyProperty(); }
    /** Answers saved since rater mode started; a test hook and the "saved" cue. */
    public ReadOnlyIntegerProperty savedAnswersProperty() { return savedAnswers.getReadOnlyProperty(); }

    // Commands

    /** Starts rating as the typed id; an id that already started needs the PIN, so no one sees another's answers. */
    public void begin() {
        String id = raterIdInput.get() == null ? "" : raterIdInput.get().strip();
        if (id.isEmpty()) {
            message.set("Type your name or rater id, then press Enter.");
            return;
        }
        if (store.hasStarted(id)) {
            pinMessage.set("'" + id + "' has already started. The researcher's PIN continues as '" + id + "'.");
            pinPrompt.set(PinPurpose.RESUME);
            return;
        }
        startAs(id);
    }

    /** Answers the focused statement of the focused text with {@code score} (1..5) and saves it at once. */
    public void score(int score) {
        if (phase.get() != Phase.RATING || focusRow.get() == COMMENT_ROW || score < 1 || score > 5) {
            return;
        }
        TextCard card = cards.get(focusCard.get());
        int statement = focusRow.get() + 1;
        store.saveScore(current().itemId(), raterId.get(), card.side, statement, score);
        card.scores[focusRow.get()].set(score);
        savedAnswers.set(savedAnswers.get() + 1);
        message.set("");
        if (focusRow.get() < Statements.COUNT - 1) {
            focusRow.set(focusRow.get() + 1); // the next statement, so five key presses answer a text
        }
    }

    /** Tab / down: the next cell (a text's statements, its comment, then the next text's). */
    public void focusNext() {
        moveFocus(+1);
    }

    /** Shift+Tab / up. */
    public void focusPrevious() {
        moveFocus(-1);
    }

    /** Left / right: the same row of the other text. */
    public void focusOtherText(int direction) {
        int target = focusCard.get() + direction;
        if (phase.get() == Phase.RATING && target >= 0 && target < cards.size()) {
            saveCommentIfChanged();
            focusCard.set(target);
        }
    }

    /** Enter: the next item, once every statement of every text here is answered. */
    public void next() {
        if (phase.get() != Phase.RATING) {
            return;
        }
        saveCommentIfChanged();
        for (int c = 0; c < cards.size(); c++) {
            for (int row = 0; row < Statements.COUNT; row++) {
                if (cards.get(c).scores[row].get() == 0) {
                    message.set("Answer every statement first: " + cards.get(c).name + ", statement " + (row + 1)
                            + " is open.");
                    focusCard.set(c);
                    focusRow.set(row);
                    return;
                }
            }
        }
        if (index.get() + 1 < items.size()) {
            show(index.get() + 1);
        } else {
            phase.set(Phase.DONE);
            progress.set("All " + items.size() + " items rated");
            message.set("Thank you! Every item is rated. Please tell the researcher you are done.");
        }
    }

    /** Backspace: the previous item (from the end screen, the last item). */
    public void previous() {
        if (phase.get() == Phase.DONE) {
            phase.set(Phase.RATING);
            show(items.size() - 1);
        } else if (phase.get() == Phase.RATING && index.get() > 0) {
            saveCommentIfChanged();
            show(index.get() - 1);
        }
    }

    /** Saves the focused text's comment when it changed; called when the comment loses focus. */
    public void saveCommentIfChanged() {
        if (phase.get() == Phase.ENTER_ID) {
            return;
        }
        for (TextCard card : cards) {
            String text = card.comment.get() == null ? "" : card.comment.get();
            if (!text.equals(card.savedComment)) {
                store.saveComment(card.itemId, raterId.get(), card.side, text);
                card.savedComment = text;
                comments.put(RaterStore.commentKey(card.itemId, card.side), text);
                savedAnswers.set(savedAnswers.get() + 1);
            }
        }
    }

    /** Esc or closing the window: asks for the researcher's PIN. */
    public void requestExit() {
        saveCommentIfChanged();
        pinMessage.set("Leaving rater mode needs the researcher's PIN.");
        pinPrompt.set(PinPurpose.EXIT);
    }

    /** Checks the PIN; a wrong one keeps rater mode (and the rater's place) exactly as it was. */
    public void submitPin(char[] pin) {
        PinPurpose purpose = pinPrompt.get();
        if (purpose == null) {
            return;
        }
        if (!store.pinMatches(pin)) {
            pinMessage.set("Wrong PIN. Rater mode stays on.");
            return;
        }
        pinPrompt.set(null);
        pinMessage.set("");
        if (purpose == PinPurpose.EXIT) {
            store.close();
            onExit.run();
        } else {
            startAs(raterIdInput.get().strip());
        }
    }

    public void cancelPin() {
        pinPrompt.set(null);
        pinMessage.set("");
    }

    private void startAs(String id) {
        RaterStore.Start start = store.start(id);
        raterId.set(id);
        items = start.items();
        scores = new java.util.HashMap<>(start.scores());
        comments = new java.util.HashMap<>(start.comments());
        itemCount.set(items.size());
        message.set("");
        phase.set(Phase.RATING);
        show(firstOpenItem());
    }

    /** Where a returning rater left off: the first item with an open statement. */
    private int firstOpenItem() {
        for (int i = 0; i < items.size(); i++) {
            for (RaterItem.Text text : items.get(i).texts()) {
                for (int s = 1; s <= Statements.COUNT; s++) {
                    if (!scores.containsKey(RaterStore.key(items.get(i).itemId(), text.side(), s))) {
                        return i;
                    }
                }
            }
        }
        return Math.max(0, items.size() - 1);
    }

    private void show(int position) {
        index.set(position);
        RaterItem item = items.get(position);
        progress.set("Item " + (position + 1) + " of " + items.size());
        itemLabel.set(item.itemLabel());
        prompt.set(item.prompt());
        List<String> texts = new ArrayList<>();
        for (int s = 1; s <= Statements.COUNT; s++) {
            texts.add(Statements.text(item.task(), s));
        }
        statements.setAll(texts);
        List<TextCard> shown = new ArrayList<>();
        for (RaterItem.Text text : item.texts()) {
            TextCard card = new TextCard(item.itemId(), text.name(), text.text(), text.side());
            for (int s = 1; s <= Statements.COUNT; s++) {
                card.scores[s - 1].set(scores.getOrDefault(RaterStore.key(item.itemId(), text.side(), s), 0));
            }
            String comment = comments.getOrDefault(RaterStore.commentKey(item.itemId(), text.side()), "");
            card.comment.set(comment);
            card.savedComment = comment;
            card.scores[0].addListener((obs, old, now) -> remember(card, 1, now.intValue()));
            card.scores[1].addListener((obs, old, now) -> remember(card, 2, now.intValue()));
            card.scores[2].addListener((obs, old, now) -> remember(card, 3, now.intValue()));
            shown.add(card);
        }
        cards.setAll(shown);
        focusCard.set(0);
        focusRow.set(0);
    }

    private void remember(TextCard card, int statement, int score) {
        scores.put(RaterStore.key(card.itemId, card.side, statement), score);
    }

    private void moveFocus(int step) {
        if (phase.get() != Phase.RATING) {
            return;
        }
        int rows = Statements.COUNT + 1;
        int cell = focusCard.get() * rows + focusRow.get() + step;
        if (cell < 0 || cell >= cards.size() * rows) {
            return;
        }
        saveCommentIfChanged();
        focusCard.set(cell / rows);
        focusRow.set(cell % rows);
    }

    private RaterItem current() {
        return items.get(index.get());
    }

    /** One text of the current item with the rater's answers so far. */
    public static final class TextCard {
        private final long itemId;
        private final String name;
        private final String text;
        private final String side;
        private final IntegerProperty[] scores = {
            new SimpleIntegerProperty(0), new SimpleIntegerProperty(0), new SimpleIntegerProperty(0)};
        private final StringProperty comment = new SimpleStringProperty("");
        private String savedComment = "";

        TextCard(long itemId, String name, String text, String side) {
            this.itemId = itemId;
            this.name = name;
            this.text = text;
            this.side = side;
        }

        /** "Text A", "Text B", or "Text" for a single text. */
        public String name() { return name; }
        public String text() { return text; }
        /** The answer to statement {@code row + 1}, 0 while open. */
        public ReadOnlyIntegerProperty scoreProperty(int row) { return scores[row]; }
        /** Bound to the comment field; saved when the field loses focus or the item changes. */
        public StringProperty commentProperty() { return comment; }
    }
}
