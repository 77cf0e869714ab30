package dev.elmstudio.app.panel.train;

import ai.djl.engine.Engine;
import dev.elmstudio.app.jobs.ElmRunInputs;
import dev.elmstudio.engine.data.task.TaskExample;
import dev.elmstudio.engine.data.task.TaskJsonl;
import dev.elmstudio.storage.BaseModel;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.EmbeddingSpaceRecord;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.RunKind;
import dev.elmstudio.storage.RunStatus;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the ELM form can offer for a workspace, read once in the background: base models, datasets with their
 * embedding spaces and task types (with the slots of each task's prompts), and the devices DJL reports.
 */
public record ElmFormOptions(List<BaseModelChoice> baseModels, List<DatasetOption> datasets, List<String> devices) {

    /**
     * @param spaces embedding space names
     * @param taskSlots task name → slot names its prompts use, sorted
     */
    public record DatasetOption(String name, List<String> spaces, Map<String, List<String>> taskSlots) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final ElmFormOptions EMPTY = new ElmFormOptions(List.of(BaseModelChoice.FRESH, BaseModelChoice.OTHER_FOLDER),
            List.of(), List.of("cpu"));

    /** Reads the workspace read-only; a dataset whose tasks cannot be read is offered without tasks. */
    static ElmFormOptions read(Path workspaceFolder) {
        List<String> devices = availableDevices();
        if (workspaceFolder == null || !Files.exists(workspaceFolder.resolve(Workspace.DATABASE_FILE))) {
            return new ElmFormOptions(EMPTY.baseModels(), List.of(), devices);
        }
        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            List<BaseModelChoice> models = new ArrayList<>();
            models.add(BaseModelChoice.FRESH);
            for (BaseModel model : workspace.baseModels().list()) {
                models.add(new BaseModelChoice(BaseModelChoice.Kind.REGISTERED, "Base model: " + model.name(),
                        model.path()));
            }
            for (Run run : workspace.runs().list()) {
                pretrainedModel(run).ifPresent(folder -> models.add(new BaseModelChoice(
                        BaseModelChoice.Kind.PRETRAINED, "Pretrained run " + run.id() + ": " + run.name(), folder)));
            }
            models.add(BaseModelChoice.OTHER_FOLDER);
            List<DatasetOption> datasets = new ArrayList<>();
            for (Dataset dataset : workspace.datasets().list()) {
                List<String> spaces = workspace.embeddingSpaces().list(dataset.id()).stream()
                        .map(EmbeddingSpaceRecord::name).toList();
                datasets.add(new DatasetOption(dataset.name(), spaces, taskSlots(dataset)));
            }
            return new ElmFormOptions(List.copyOf(models), List.copyOf(datasets), devices);
        }
    }

    /** The model folder of a finished pretraining run, when its files are there. */
    private static java.util.Optional<Path> pretrainedModel(Run run) {
        if (run.kind() != RunKind.PRETRAIN || run.status() != RunStatus.FINISHED) {
            return java.util.Optional.empty();
        }
        try {
            Path model = PretrainRunConfig.parse(run.configJson()).out().resolve("model");
            return Files.isRegularFile(model.resolve("config.json")) && Files.isRegularFile(model.resolve("tokenizer.json"))
                    ? java.util.Optional.of(model) : java.util.Optional.empty();
        } catch (RuntimeException notOurs) {
            return java.util.Optional.empty();
        }
    }

    private static Map<String, List<String>> taskSlots(Dataset dataset) {
        Path file = dataset.path().resolve(ElmRunInputs.TASKS_FILE);
        Map<String, TreeSet<String>> slots = new TreeMap<>();
        if (Files.isRegularFile(file)) {
            try {
                for (TaskExample task : TaskJsonl.read(file)) {
                    slots.computeIfAbsent(task.task(), t -> new TreeSet<>()).addAll(task.slots().keySet());
                }
            } catch (IOException | RuntimeException unreadable) {
                // offered without tasks; launching names the problem with the file's line
            }
        }
        Map<String, List<String>> result = new TreeMap<>();
        slots.forEach((task, names) -> result.put(task, List.copyOf(names)));
        return result;
    }

    /** "cpu" and one "gpuN" per GPU DJL reports. */
    private static List<String> availableDevices() {
        List<String> devices = new ArrayList<>();
        devices.add("cpu");
        int gpus = Engine.getInstance().getGpuCount();
        for (int i = 0; i < gpus; i++) {
            devices.add("gpu" + i);
        }
        return List.copyOf(devices);
    }
}
