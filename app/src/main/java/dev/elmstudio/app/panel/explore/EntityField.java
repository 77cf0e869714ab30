package dev.elmstudio.app.panel.explore;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.TextField;
import org.controlsfx.control.textfield.TextFields;

/**
 * A text field that picks an entity by typing part of its title or its id, with ControlsFX's suggestion popup. The
 * field shows the chosen entity; a pick (or Enter on an exact match) sets {@code value}.
 */
final class EntityField extends TextField {
    EntityField(String id, String prompt, Supplier<List<EntityChoice>> entities, ObjectProperty<EntityChoice> value) {
        setId(id);
        setPromptText(prompt);
        TextFields.bindAutoCompletion(this, request -> EntitySuggestions.matching(entities.get(), request.getUserText()),
                new javafx.util.StringConverter<EntityChoice>() {
                    @Override
                    public String toString(EntityChoice choice) {
                        return choice == null ? "" : choice.toString();
                    }

                    @Override
                    public EntityChoice fromString(String text) {
                        return null;
                    }
                }).setOnAutoCompleted(event -> value.set(event.getCompletion()));
        setOnAction(event -> {
            List<EntityChoice> matches = EntitySuggestions.matching(entities.get(), getText());
            if (!matches.isEmpty()) {
                value.set(matches.get(0));
            }
        });
        value.addListener((obs, old, now) -> setText(now == null ? "" : now.toString()));
        focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                setText(value.get() == null ? "" : value.get().toString()); // typing without a pick changes nothing
            }
        });
    }
}
