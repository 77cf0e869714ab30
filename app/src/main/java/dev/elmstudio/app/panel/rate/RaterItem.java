package dev.elmstudio.app.panel.rate;

import java.util.List;

/**
 * An item as a rater sees it: what it is about, the task, and one or two texts named "Text A" / "Text B". It has
 * no field for the model that wrote a text; {@code side} only says where the text is stored, so answers can be
 * saved against the item.
 */
public record RaterItem(long itemId, String task, String itemLabel, String prompt, List<Text> texts) {

    public RaterItem {
        texts = List.copyOf(texts);
    }

    /** One text of the item; {@code name} is what the rater reads ("Text A"). */
    public record Text(String name, String text, String side) {}
}
