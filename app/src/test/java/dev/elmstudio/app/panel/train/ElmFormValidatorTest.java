package dev.elmstudio.app.panel.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.app.jobs.ElmRunSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElmFormValidatorTest {

    @TempDir
    Path temp;

    private final ElmFormValidator validator = new ElmFormValidator();
    private final ElmFormOptions options = new ElmFormOptions(List.of(BaseModelChoice.FRESH, BaseModelChoice.OTHER_FOLDER),
            List.of(new ElmFormOptions.DatasetOption("ml", List.of("movies", "users"), Map.of(
                    "summary", List.of("movie"), "compare", List.of("movie1", "movie2"), "profile", List.of("user")))),
            List.of("cpu", "gpu0"));

    private static ElmForm.Stage steps(String amount) {
        return new ElmForm.Stage(false, amount, "8", "0.001", "5");
    }

    private static ElmForm form(List<String> tasks, Map<String, String> slots) {
        return new ElmForm(BaseModelChoice.FRESH, "", "ml", tasks, slots, steps("100"), steps("50"), false, "8", "16",
                "attn.c_attn", "10", "7", "cpu");
    }

    @Test
    void aValidFormBecomesTheRunSettings() {
        ElmFormValidator.Result result = validator.validate(form(List.of("compare", "profile"),
                Map.of("movie1", "movies", "movie2", "movies", "user", "users")), options);

        assertEquals(Map.of(), result.errors());
        ElmRunSettings settings = result.settings();
        assertEquals("ml", settings.dataset());
        assertEquals(List.of("compare", "profile"), settings.tasks(), "a subset of the tasks is kept");
        assertEquals("users", settings.spaceFor("user"));
        assertEquals("movies", settings.spaceFor("movie2"));
        assertNull(settings.baseModel(), "fresh GPT");
        assertEquals(100, settings.stage1Steps());
        assertEquals(50, settings.stage2Steps());
        assertEquals(5, settings.stage1Warmup());
        assertEquals(0.1, settings.validationFraction(), 1e-12);
        assertEquals(7, settings.seed());
        assertEquals("cpu", settings.device());
        assertEquals(0, settings.loraRank(), "full fine-tuning");
    }

    @Test
    void everyTaskChosenMeansAllTasksAndEpochsAndLoraAreCarried() {
        ElmForm all = new ElmForm(BaseModelChoice.FRESH, "", "ml", List.of("summary", "compare", "profile"),
                Map.of("movie", "movies", "movie1", "movies", "movie2", "movies", "user", "users"),
                new ElmForm.Stage(true, "2", "4", "0.001", "0"), steps("30"), true, "4", "8",
                "attn.c_attn, attn.c_proj", "0", "0", "gpu0");

        ElmRunSettings settings = validator.validate(all, options).settings();

        assertNotNull(settings);
        assertNull(settings.tasks(), "all tasks: the run also trains tasks added to the file later");
        assertEquals(2, settings.stage1Epochs());
        assertEquals(0, settings.stage1Steps());
        assertEquals(4, settings.loraRank());
        assertEquals(List.of("attn.c_attn", "attn.c_proj"), settings.loraTargets());
        assertEquals("gpu0", settings.device());
        assertEquals(0, settings.validationFraction());
    }

    @Test
    void eachBadFieldGetsItsOwnMessage() {
        ElmForm bad = new ElmForm(BaseModelChoice.FRESH, "", "ml", List.of("compare"), Map.of("movie1", "movies"),
                new ElmForm.Stage(false, "abc", "0", "5", "1"), new ElmForm.Stage(false, "10", "8", "0.001", "20"),
                true, "0", "16", "q_proj; v", "80", "seven", "gpu3");

        Map<String, String> errors = validator.validate(bad, options).errors();

        assertEquals("Steps must be a whole number, got 'abc'.", errors.get("stage1-amount"));
        assertEquals("Batch must be between 1 and 4096, got 0.", errors.get("stage1-batch"));
        assertTrue(errors.get("stage1-lr").startsWith("Learning rate must be between"), errors.get("stage1-lr"));
        assertEquals("Warm-up (20) cannot be longer than the stage (10 steps).", errors.get("stage2-warmup"));
        assertEquals("Choose the embedding space slot {movie2} reads.", errors.get("slot-movie2"));
        assertNull(errors.get("slot-movie1"));
        assertEquals("LoRA rank must be between 1 and 1024, got 0.", errors.get("lora-rank"));
        assertTrue(errors.get("lora-targets").contains("[q_proj;]"), errors.get("lora-targets"));
        assertTrue(errors.get("validation").startsWith("Validation share must be between 0.0 and 50.0"));
        assertEquals("Seed must be a whole number, got 'seven'.", errors.get("seed"));
        assertEquals("Choose a device (cpu, gpu0).", errors.get("device"));
        assertEquals(10, errors.size(), errors.toString());
    }

    @Test
    void noTaskNoDatasetAndBothStagesEmptyAreRefused() {
        ElmForm noTasks = form(List.of(), Map.of());
        assertEquals("Choose at least one task (compare, profile, summary).",
                validator.validate(noTasks, options).errors().get("tasks"));

        ElmForm noDataset = new ElmForm(BaseModelChoice.FRESH, "", null, List.of(), Map.of(), steps("1"), steps("1"),
                false, "", "", "", "10", "0", "cpu");
        ElmFormOptions empty = new ElmFormOptions(options.baseModels(), List.of(), List.of("cpu"));
        assertEquals("This workspace has no dataset yet: import one in the Data panel.",
                validator.validate(noDataset, empty).errors().get("dataset"));

        ElmForm zero = new ElmForm(BaseModelChoice.FRESH, "", "ml", List.of("summary"), Map.of("movie", "movies"),
                steps("0"), steps("0"), false, "", "", "", "10", "0", "cpu");
        ElmFormValidator.Result result = validator.validate(zero, options);
        assertNull(result.settings());
        assertEquals(Map.of("stage2-amount", "Stage 1 and stage 2 cannot both be 0: train at least one."),
                result.errors());
    }

    @Test
    void aModelFolderNeedsItsConfigAndTokenizer() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("model"));
        ElmForm typed = new ElmForm(BaseModelChoice.OTHER_FOLDER, folder.toString(), "ml", List.of("summary"),
                Map.of("movie", "movies"), steps("10"), steps("10"), false, "", "", "", "10", "0", "cpu");
        assertEquals(folder + " is not a model folder: it has no config.json.",
                validator.validate(typed, options).errors().get("base-model"));
        Files.writeString(folder.resolve("config.json"), "{}");
        assertEquals(folder + " has no tokenizer.json; the ELM needs the LM's tokenizer.",
                validator.validate(typed, options).errors().get("base-model"));
        Files.writeString(folder.resolve("tokenizer.json"), "{}");
        assertEquals(folder.toAbsolutePath().toString(), validator.validate(typed, options).settings().baseModel());

        ElmForm blank = new ElmForm(BaseModelChoice.OTHER_FOLDER, " ", "ml", List.of("summary"),
                Map.of("movie", "movies"), steps("10"), steps("10"), false, "", "", "", "10", "0", "cpu");
        assertTrue(validator.validate(blank, options).errors().get("base-model").startsWith("Type or browse"));
    }

    @Test
    void aSlotIsSuggestedTheSpaceNamedAfterItsEntity() {
        List<String> spaces = List.of("users-behavioral", "movies-semantic");
        assertEquals("movies-semantic", ElmFormModel.suggestedSpace("movie2", spaces));
        assertEquals("users-behavioral", ElmFormModel.suggestedSpace("user", spaces));
        assertEquals("users-behavioral", ElmFormModel.suggestedSpace("item", spaces), "else the first space");
        assertNull(ElmFormModel.suggestedSpace("movie", List.of()));
    }
}
