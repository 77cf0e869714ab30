package dev.elmstudio.app.panel.train;

import dev.elmstudio.app.jobs.ElmRunSettings;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns the ELM form into {@link ElmRunSettings}, or into one message per bad field, keyed by the field's id so the
 * view shows it next to the field. Pure: string parsing, the form's options and, for a typed model folder, two stats.
 */
public final class ElmFormValidator {

    public static final String BASE_MODEL = "base-model";
    public static final String DATASET = "dataset";
    public static final String TASKS = "tasks";
    public static final String SLOT_PREFIX = "slot-";
    public static final String LORA_RANK = "lora-rank";
    public static final String LORA_ALPHA = "lora-alpha";
    public static final String LORA_TARGETS = "lora-targets";
    public static final String VALIDATION = "validation";
    public static final String SEED = "seed";
    public static final String DEVICE = "device";

    /** The fresh GPT's shape: the CLI's defaults, small enough to train on a laptop CPU in seconds. */
    static final int FRESH_LAYERS = 2;
    static final int FRESH_WIDTH = 32;
    static final int FRESH_HEADS = 4;
    static final int FRESH_CONTEXT = 128;
    static final int FRESH_VOCAB = 512;
    static final int ADAPTER_HIDDEN = 64;

    private static final Pattern TARGET = Pattern.compile("[A-Za-z0-9_.]+");
    private static final int MAX_STEPS = 10_000_000;
    private static final int MAX_EPOCHS = 10_000;

    /**
     * @param settings the run's settings, null when {@code errors} is not empty
     * @param errors field id → what is wrong and what is allowed, in form order
     */
    public record Result(ElmRunSettings settings, Map<String, String> errors) {}

    /** Field id of a stage's field: {@code stage1-amount}, {@code stage2-lr}, … */
    public static String stageField(int stage, String field) {
        return "stage" + stage + "-" + field;
    }

    public Result validate(ElmForm form, ElmFormOptions options) {
        Map<String, String> errors = new LinkedHashMap<>();
        String baseFolder = baseModel(form, errors);
        ElmFormOptions.DatasetOption dataset = options.datasets().stream()
                .filter(d -> d.name().equals(form.dataset())).findFirst().orElse(null);
        List<String> tasks = List.of();
        Map<String, String> spaces = new TreeMap<>();
        if (dataset == null) {
            errors.put(DATASET, options.datasets().isEmpty()
                    ? "This workspace has no dataset yet: import one in the Data panel."
                    : "Choose a dataset.");
        } else {
            tasks = tasks(form, dataset, errors);
            spaces = slotSpaces(form, dataset, tasks, errors);
        }
        int[] stage1 = stage(1, form.stage1(), errors);
        int[] stage2 = stage(2, form.stage2(), errors);
        if (!errors.containsKey(stageField(1, "amount")) && !errors.containsKey(stageField(2, "amount"))
                && stage1[0] == 0 && stage2[0] == 0) {
            errors.put(stageField(2, "amount"), "Stage 1 and stage 2 cannot both be 0: train at least one.");
        }
        double lr1 = decimal(errors, stageField(1, "lr"), "Learning rate", form.stage1().learningRate(), 1e-7, 1);
        double lr2 = decimal(errors, stageField(2, "lr"), "Learning rate", form.stage2().learningRate(), 1e-7, 1);
        int loraRank = 0;
        double loraAlpha = 0;
        List<String> targets = null;
        if (form.lora()) {
            loraRank = integer(errors, LORA_RANK, "LoRA rank", form.loraRank(), 1, 1024);
            loraAlpha = decimal(errors, LORA_ALPHA, "LoRA alpha", form.loraAlpha(), 1e-3, 10_000);
            targets = targets(form.loraTargets(), errors);
        }
        double validation = decimal(errors, VALIDATION, "Validation share", form.validationPercent(), 0, 50);
        long seed = 0;
        try {
            seed = Long.parseLong(text(form.seed()));
        } catch (NumberFormatException e) {
            errors.put(SEED, "Seed must be a whole number, got '" + form.seed() + "'.");
        }
        if (form.device() == null || !options.devices().contains(form.device())) {
            errors.put(DEVICE, "Choose a device (" + String.join(", ", options.devices()) + ").");
        }
        if (!errors.isEmpty()) {
            return new Result(null, Map.copyOf(errors));
        }
        String firstSpace = spaces.isEmpty() ? dataset.spaces().get(0) : spaces.values().iterator().next();
        int checkpointInterval = form.stage1().epochs() || form.stage2().epochs() ? 50
                : Math.max(1, Math.min(50, (stage1[0] + stage2[0]) / 2));
        ElmRunSettings settings = new ElmRunSettings(dataset.name(), firstSpace, spaces.isEmpty() ? null : spaces,
                tasks.size() == dataset.taskSlots().size() ? null : tasks, baseFolder, FRESH_LAYERS, FRESH_WIDTH,
                FRESH_HEADS, FRESH_CONTEXT, FRESH_VOCAB, ADAPTER_HIDDEN,
                form.stage1().epochs() ? 0 : stage1[0], form.stage2().epochs() ? 0 : stage2[0],
                form.stage1().epochs() ? stage1[0] : 0, form.stage2().epochs() ? stage2[0] : 0,
                stage1[1], stage2[1], lr1, lr2, stage1[2], stage2[2], loraRank, loraAlpha, targets,
                validation / 100, checkpointInterval, seed, form.device(), false);
        return new Result(settings, Map.of());
    }

    /** The model folder (absolute), null for a fresh GPT. */
    private static String baseModel(ElmForm form, Map<String, String> errors) {
        BaseModelChoice choice = form.baseModel();
        if (choice == null) {
            errors.put(BASE_MODEL, "Choose a base model.");
            return null;
        }
        if (choice.kind() == BaseModelChoice.Kind.FRESH) {
            return null;
        }
        Path folder;
        if (choice.kind() == BaseModelChoice.Kind.FOLDER) {
            if (text(form.baseFolder()).isEmpty()) {
                errors.put(BASE_MODEL, "Type or browse to a model folder (config.json, weights, tokenizer.json).");
                return null;
            }
            try {
                folder = Path.of(text(form.baseFolder()));
            } catch (InvalidPathException e) {
                errors.put(BASE_MODEL, "'" + form.baseFolder() + "' is not a valid path.");
                return null;
            }
        } else {
            folder = choice.folder();
        }
        if (!Files.isRegularFile(folder.resolve("config.json"))) {
            errors.put(BASE_MODEL, folder + " is not a model folder: it has no config.json.");
        } else if (!Files.isRegularFile(folder.resolve("tokenizer.json"))) {
            errors.put(BASE_MODEL, folder + " has no tokenizer.json; the ELM needs the LM's tokenizer.");
        }
        return folder.toAbsolutePath().toString();
    }

    private static List<String> tasks(ElmForm form, ElmFormOptions.DatasetOption dataset, Map<String, String> errors) {
        if (dataset.taskSlots().isEmpty()) {
            errors.put(TASKS, "Dataset '" + dataset.name() + "' has no tasks: import a tasks file in the Data panel.");
            return List.of();
        }
        List<String> chosen = form.tasks() == null ? List.of()
                : form.tasks().stream().filter(dataset.taskSlots()::containsKey).sorted().distinct().toList();
        if (chosen.isEmpty()) {
            errors.put(TASKS, "Choose at least one task (" + String.join(", ", new TreeSet<>(dataset.taskSlots().keySet()))
                    + ").");
        }
        return chosen;
    }

    private static Map<String, String> slotSpaces(ElmForm form, ElmFormOptions.DatasetOption dataset,
            List<String> tasks, Map<String, String> errors) {
        Map<String, String> spaces = new TreeMap<>();
        if (tasks.isEmpty()) {
            return spaces;
        }
        if (dataset.spaces().isEmpty()) {
            errors.put(DATASET, "Dataset '" + dataset.name() + "' has no embedding space: import one in the Data panel.");
            return spaces;
        }
        for (String slot : slotsOf(dataset, tasks)) {
            String space = form.slotSpaces() == null ? null : form.slotSpaces().get(slot);
            if (space == null || !dataset.spaces().contains(space)) {
                errors.put(SLOT_PREFIX + slot, "Choose the embedding space slot {" + slot + "} reads.");
            } else {
                spaces.put(slot, space);
            }
        }
        return spaces;
    }

    /** The slots the chosen tasks' prompts use, sorted. */
    public static List<String> slotsOf(ElmFormOptions.DatasetOption dataset, List<String> tasks) {
        TreeSet<String> slots = new TreeSet<>();
        for (String task : tasks) {
            slots.addAll(dataset.taskSlots().getOrDefault(task, List.of()));
        }
        return List.copyOf(slots);
    }

    /** {amount, batch, warm-up}. */
    private static int[] stage(int number, ElmForm.Stage stage, Map<String, String> errors) {
        int amount = stage.epochs()
                ? integer(errors, stageField(number, "amount"), "Epochs", stage.amount(), 0, MAX_EPOCHS)
                : integer(errors, stageField(number, "amount"), "Steps", stage.amount(), 0, MAX_STEPS);
        int batch = integer(errors, stageField(number, "batch"), "Batch", stage.batch(), 1, 4096);
        int warmup = integer(errors, stageField(number, "warmup"), "Warm-up", stage.warmup(), 0, MAX_STEPS);
        if (!stage.epochs() && !errors.containsKey(stageField(number, "amount")) && amount > 0 && warmup > amount) {
            errors.put(stageField(number, "warmup"), "Warm-up (" + warmup + ") cannot be longer than the stage ("
                    + amount + " steps).");
        }
        return new int[] {amount, batch, warmup};
    }

    private static List<String> targets(String text, Map<String, String> errors) {
        List<String> targets = new ArrayList<>();
        for (String part : text(text).split("[,\\s]+")) {
            if (!part.isEmpty()) {
                targets.add(part);
            }
        }
        if (targets.isEmpty()) {
            errors.put(LORA_TARGETS, "Name at least one projection, e.g. attn.c_attn, attn.c_proj (GPT-2) or"
                    + " q_proj, v_proj (Llama).");
        } else {
            List<String> bad = targets.stream().filter(t -> !TARGET.matcher(t).matches()).toList();
            if (!bad.isEmpty()) {
                errors.put(LORA_TARGETS, "Projection names are letters, digits, '_' and '.', got " + bad + ".");
            }
        }
        return targets;
    }

    private static int integer(Map<String, String> errors, String id, String field, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text(text));
            if (value < min || value > max) {
                errors.put(id, field + " must be between " + min + " and " + max + ", got " + value + ".");
            }
            return value;
        } catch (NumberFormatException e) {
            errors.put(id, field + " must be a whole number, got '" + text + "'.");
            return min;
        }
    }

    private static double decimal(Map<String, String> errors, String id, String field, String text, double min,
            double max) {
        try {
            double value = Double.parseDouble(text(text));
            if (!(value >= min && value <= max)) {
                errors.put(id, field + " must be between " + min + " and " + max + ", got " + text + ".");
            }
            return value;
        } catch (NumberFormatException e) {
            errors.put(id, field + " must be a number such as 0.001, got '" + text + "'.");
            return min;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }
}
