package dev.elmstudio.app.panel.rate;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.elmstudio.engine.data.task.TaskPrompts;
import dev.elmstudio.storage.RatingItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Builds a rating session's items from model outputs: for each chosen task, {@code itemsPerTask} items every
 * chosen model has a text for (drawn with the seed), then either one item per model and text, or one side-by-side
 * item per drawn item with the two models placed left/right at random. The items are finally shuffled, so a task's
 * items do not come in a block. The same settings and seed give the same session.
 */
public final class SessionBuilder {

    /** What the researcher chose. */
    public record Settings(String name, List<ModelOutputs> models, List<String> tasks, int itemsPerTask,
            boolean sideBySide, long seed) {
        public Settings {
            models = List.copyOf(models);
            tasks = List.copyOf(tasks);
        }
    }

    /** The items in the order stored, and the session's configuration for the record. */
    public record Built(List<RatingItem.Draft> items, String configJson) {}

    private SessionBuilder() { }

    /**
     * @param names turns an evaluation's item (the ids in its slots) into what raters read, e.g. films' titles
     * @throws IllegalArgumentException naming the setting that cannot work
     */
    public static Built build(Settings settings, ItemNames names) {
        validate(settings);
        Random random = new Random(settings.seed());
        List<RatingItem.Draft> drafts = new ArrayList<>();
        for (String task : new TreeSet<>(settings.tasks())) {
            List<String> items = commonItems(settings.models(), task);
            if (items.isEmpty()) {
                throw new IllegalArgumentException("task '" + task + "': no item has a text from every chosen model");
            }
            Collections.shuffle(items, random);
            for (String item : items.subList(0, Math.min(settings.itemsPerTask(), items.size()))) {
                String input = inputJson(task, item, names.names(task, item));
                if (settings.sideBySide()) {
                    ModelOutputs a = settings.models().get(0);
                    ModelOutputs b = settings.models().get(1);
                    if (random.nextBoolean()) {
                        ModelOutputs swap = a;
                        a = b;
                        b = swap;
                    }
                    drafts.add(new RatingItem.Draft(task, input, a.text(task, item), b.text(task, item), a.label(),
                            b.label()));
                } else {
                    for (ModelOutputs model : settings.models()) {
                        drafts.add(new RatingItem.Draft(task, input, model.text(task, item), null, model.label(), null));
                    }
                }
            }
        }
        Collections.shuffle(drafts, random);
        return new Built(drafts, configJson(settings));
    }

    /** Items of {@code task} every model has a text for, sorted so the seed alone decides the draw. */
    static List<String> commonItems(List<ModelOutputs> models, String task) {
        TreeSet<String> common = new TreeSet<>(models.get(0).items(task));
        for (ModelOutputs model : models.subList(1, models.size())) {
            common.retainAll(model.items(task));
        }
        return new ArrayList<>(common);
    }

    private static void validate(Settings settings) {
        if (settings.name() == null || settings.name().isBlank()) {
            throw new IllegalArgumentException("Session name: give the session a name");
        }
        if (settings.models().isEmpty()) {
            throw new IllegalArgumentException("Models: choose at least one model's outputs");
        }
        if (settings.sideBySide() && settings.models().size() != 2) {
            throw new IllegalArgumentException("Models: side-by-side items need exactly two models, "
                    + settings.models().size() + " are chosen");
        }
        if (settings.models().stream().map(ModelOutputs::label).distinct().count() != settings.models().size()) {
            throw new IllegalArgumentException("Models: the same model is chosen twice");
        }
        if (settings.tasks().isEmpty()) {
            throw new IllegalArgumentException("Tasks: choose at least one task");
        }
        if (settings.itemsPerTask() < 1) {
            throw new IllegalArgumentException("Items per task: must be at least 1, got " + settings.itemsPerTask());
        }
    }

    /**
     * What the rater is shown about the item: its name(s), and the task's prompt with each slot replaced by the name
     * of what filled it (slots in name order, as the evaluation lists the ids).
     */
    static String inputJson(String task, String item, List<String> names) {
        String label = String.join(" and ", names);
        JsonObject input = new JsonObject();
        input.addProperty("task", task);
        input.addProperty("item", item);
        input.addProperty("label", label);
        String prompt = TaskPrompts.PROMPTS.get(task);
        if (prompt == null) {
            input.addProperty("prompt", task.replace('_', ' '));
        } else {
            List<String> slots = new ArrayList<>(new TreeSet<>(
                    java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(prompt).results().map(m -> m.group(1)).toList()));
            String shown = prompt;
            for (int i = 0; i < slots.size(); i++) {
                String name = slots.size() == names.size() ? names.get(i) : label;
                shown = shown.replace("{" + slots.get(i) + "}", "«" + name + "»");
            }
            input.addProperty("prompt", shown);
        }
        return input.toString();
    }

    private static String configJson(Settings settings) {
        JsonObject config = new JsonObject();
        config.addProperty("seed", settings.seed());
        config.addProperty("side_by_side", settings.sideBySide());
        config.addProperty("items_per_task", settings.itemsPerTask());
        JsonArray tasks = new JsonArray();
        settings.tasks().forEach(tasks::add);
        config.add("tasks", tasks);
        JsonArray models = new JsonArray();
        for (ModelOutputs model : settings.models()) {
            JsonObject source = new JsonObject();
            source.addProperty("eval_id", model.evalId());
            source.addProperty("model", model.model());
            source.addProperty("label", model.label());
            models.add(source);
        }
        config.add("models", models);
        return config.toString();
    }
}
