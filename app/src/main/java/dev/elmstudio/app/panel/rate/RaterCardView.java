package dev.elmstudio.app.panel.rate;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One text of the item in rater mode: the text, its three statements with the 1–5 scale, and the comment. */
final class RaterCardView extends VBox {

    private static final String FOCUSED = "focused-cell";

    private final List<HBox> statementRows = new ArrayList<>();
    private final TextField comment = new TextField();

    RaterCardView(RaterViewModel.TextCard card, int index, List<String> statements) {
        setId("rater-card-" + index);
        getStyleClass().add("rater-card");
        Label title = new Label(card.name());
        title.getStyleClass().add("rater-card-title");
        Label text = new Label(card.text());
        text.setId("rater-text-" + index);
        text.getStyleClass().add("rater-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(title, text);
        for (int row = 0; row < statements.size(); row++) {
            statementRows.add(statementRow(card, index, row, statements.get(row)));
        }
        getChildren().addAll(statementRows);
        comment.setId("rater-comment-" + index);
        comment.getStyleClass().add("rater-comment");
        comment.setPromptText("Comment (optional) — Tab here, type, Tab on");
        comment.setFocusTraversable(false); // focus moves by the view model, never by the toolkit's traversal
        comment.textProperty().bindBidirectional(card.commentProperty());
        getChildren().add(comment);
    }

    TextField comment() {
        return comment;
    }

    /** Marks row {@code row} (or the comment) as the focused cell; -1 marks none. */
    void highlight(int row) {
        for (int r = 0; r < statementRows.size(); r++) {
            setFocused(statementRows.get(r), r == row);
        }
        setFocused(comment, row == RaterViewModel.COMMENT_ROW);
    }

    private static HBox statementRow(RaterViewModel.TextCard card, int index, int row, String statement) {
        Label text = new Label((row + 1) + ". " + statement);
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox points = new HBox(4);
        points.setAlignment(Pos.CENTER_RIGHT);
        for (int score = 1; score <= 5; score++) {
            Label point = new Label(Integer.toString(score));
            point.getStyleClass().add("rater-point");
            point.setMinWidth(Region.USE_PREF_SIZE);
            int value = score;
            Runnable mark = () -> point.getStyleClass().removeAll("chosen");
            card.scoreProperty(row).addListener((obs, old, now) -> {
                mark.run();
                if (now.intValue() == value) {
                    point.getStyleClass().add("chosen");
                }
            });
            if (card.scoreProperty(row).get() == value) {
                point.getStyleClass().add("chosen");
            }
            points.getChildren().add(point);
        }
        HBox line = new HBox(12, text, points);
        line.setId("rater-statement-" + index + "-" + row);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("rater-statement");
        return line;
    }

    private static void setFocused(javafx.scene.Node node, boolean focused) {
        node.getStyleClass().remove(FOCUSED);
        if (focused) {
            node.getStyleClass().add(FOCUSED);
        }
    }
}
