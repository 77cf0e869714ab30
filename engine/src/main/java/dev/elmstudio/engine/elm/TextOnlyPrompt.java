package dev.elmstudio.engine.elm;

import java.util.Map;
import java.util.function.IntFunction;

/**
 * The text-only baseline's prompt: the ELM's task prompt with every {@code {slot}} replaced by the entity's name
 * (for films "Title (year)"), so the baseline reads the same words as the ELM except that the embedding becomes a
 * title. The result has no slots; braces in names are escaped so a title such as "{Untitled}" stays literal.
 */
public final class TextOnlyPrompt {
    /** The space name the slotless template carries; it binds nothing because the template has no slot. */
    private static final String NO_SPACE = "text";

    private TextOnlyPrompt() {}

    /**
     * @param prompt a task prompt with {@code {slot}} placeholders
     * @param slots slot name → entity id
     * @param nameOf entity id → its name; must not return null for an id in {@code slots}
     */
    public static PromptTemplate of(String prompt, Map<String, Integer> slots, IntFunction<String> nameOf) {
        String text = prompt;
        for (Map.Entry<String, Integer> slot : slots.entrySet()) {
            String name = nameOf.apply(slot.getValue());
            if (name == null) {
                throw new IllegalArgumentException("text-only prompt '" + prompt + "': no name for entity "
                        + slot.getValue() + " of slot {" + slot.getKey() + "}");
            }
            text = text.replace("{" + slot.getKey() + "}", name.replace("{", "{{").replace("}", "}}"));
        }
        PromptTemplate template = PromptTemplate.of(text, NO_SPACE);
        if (!template.slots().isEmpty()) {
            throw new IllegalArgumentException("text-only prompt '" + prompt + "': slots " + template.slots()
                    + " have no entity (given " + slots.keySet() + ")");
        }
        return template;
    }
}
