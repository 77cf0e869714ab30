package dev.elmstudio.app.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.elmstudio.app.cli.ElmFixtures;
import dev.elmstudio.engine.elm.ElmArchive;
import dev.elmstudio.engine.elm.ElmExample;
import dev.elmstudio.engine.elm.ElmModel;
import dev.elmstudio.engine.elm.PromptTemplate;
import dev.elmstudio.engine.train.TrainingControl;
import dev.elmstudio.storage.RunStatus;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training job the CLI and the Train panel share, on the tiny fixture with a second space for users. */
class ElmTrainingJobTest {

    @TempDir
    Path temp;

    @Test
    void eachSlotReadsItsOwnSpaceOnlyTheChosenTasksAreTrainedAndStageTwoUsesLora() throws Exception {
        Path folder = workspaceWithUsers();
        ElmRunSettings settings = new ElmRunSettings("tiny", "vectors", Map.of("movie", "vectors", "user", "users"),
                List.of("summary", "profile"), null, 1, 32, 4, 64, 512, 16, 0, 3, 1, 0, 4, 2, 0.003, 0.001, 1, 1,
                4, 8, List.of("attn.c_attn"), 0, 0, 0, "cpu", false);
        List<Integer> readyCounts = new ArrayList<>();
        ElmTrainingJob.Outcome outcome;
        try (Workspace workspace = Workspace.open(folder)) {
            outcome = ElmTrainingJob.start(workspace, "two spaces", settings, new ElmTrainingJob.Observer() {
                @Override
                public void examplesReady(int train, int validation, int dropped) {
                    readyCounts.addAll(List.of(train, validation, dropped));
                }

                @Override
                public void onEvent(dev.elmstudio.engine.elm.Stage stage, dev.elmstudio.engine.train.TrainingEvent e) {}
            }, new TrainingControl());
            assertEquals(RunStatus.FINISHED, workspace.runs().get(outcome.runId()).orElseThrow().status());
        }
        // 8 summaries + 6 profiles; the 8 comparisons are not among the chosen tasks.
        assertEquals(List.of(14, 0, 0), readyCounts);
        assertEquals(4 + 3, outcome.result().step(), "1 epoch of 14 in batches of 4 = 4 updates, then 3");
        assertTrue(Files.isRegularFile(outcome.modelFolder().resolve(ElmArchive.LORA_FILE)), "LoRA weights saved");
        try (ElmModel model = ElmArchive.load(outcome.modelFolder(), Device.cpu())) {
            assertEquals(Set.of("vectors", "users"), model.spaces().keySet(), "one adapter per space");
            assertEquals(4, model.spaces().get("vectors").inputDim());
            assertEquals(3, model.spaces().get("users").inputDim());
            assertEquals(Set.of("summary", "profile"), model.templates().keySet());
            assertEquals(Map.of("user", "users"), model.templates().get("profile").slotSpaces());
        }
    }

    @Test
    void settingsWrittenBeforeSlotsAndLoraExistedReadWithTheirOldMeaning() {
        String old = "{\"dataset\":\"tiny\",\"space\":\"vectors\",\"baseModel\":null,\"layers\":1,\"width\":32,\"heads\":4,"
                + "\"context\":128,\"vocab\":512,\"adapterHidden\":64,\"stage1Steps\":6,\"stage2Steps\":4,\"batch\":4,"
                + "\"stage1Lr\":0.001,\"stage2Lr\":3.0E-4,\"checkpointInterval\":5,\"seed\":0}";
        ElmRunSettings settings = ElmRunSettings.fromJson(old, 3);
        assertEquals("vectors", settings.spaceFor("movie"));
        assertEquals("vectors", settings.spaceFor("user"));
        assertTrue(settings.includesTask("anything"));
        assertNull(settings.stage1Warmup());
        assertFalse(settings.usesLora());
        assertEquals("cpu", settings.deviceName());
        assertEquals(4, settings.stage2BatchSize());
        var config = ElmTrainingJob.trainingConfig(settings, 8, null);
        assertEquals(6, config.stage1().warmupSteps(), "the old default: min(steps, 10)");
        assertEquals(0, config.validateEvery());

        ElmRunException notElm = assertThrows(ElmRunException.class, () -> ElmRunSettings.fromJson("{\"corpus\":1}", 5));
        assertTrue(notElm.getMessage().startsWith("run 5 was not started as an ELM training"), notElm.getMessage());
    }

    @Test
    void heldOutEntitiesNeverAppearInTrainingAndTheSplitFollowsTheSeed() {
        List<ElmExample> examples = new ArrayList<>();
        for (int entity = 0; entity < 10; entity++) {
            for (int task = 0; task < 2; task++) {
                examples.add(new ElmExample("e" + entity, PromptTemplate.of("About {m}.", "space"),
                        Map.of("m", new float[] {entity}), "t" + task));
            }
        }
        List<ElmExample> train = new ArrayList<>(examples);
        List<ElmExample> validation = ElmRunModel.holdOut(train, 0.2, 7);
        assertEquals(4, validation.size(), "2 of 10 entities, both their examples");
        Set<String> held = new HashSet<>(validation.stream().map(ElmExample::entityId).toList());
        assertTrue(train.stream().noneMatch(e -> held.contains(e.entityId())));
        assertEquals(16, train.size());
        List<ElmExample> again = new ArrayList<>(examples);
        assertEquals(validation, ElmRunModel.holdOut(again, 0.2, 7), "same seed, same split");
        assertEquals(List.of(), ElmRunModel.holdOut(new ArrayList<>(examples.subList(0, 2)), 0.5, 7),
                "the only entity stays for training");
    }

    @Test
    void onlyOneTrainingRunsInAProcessAndTheGateReopens() {
        try (TrainingGate.Lease first = TrainingGate.enter("first")) {
            TrainingGate.TrainingBusyException busy = assertThrows(TrainingGate.TrainingBusyException.class,
                    () -> TrainingGate.enter("second"));
            assertTrue(busy.getMessage().contains("(first)"), busy.getMessage());
            assertEquals("first", TrainingGate.holder());
        }
        assertNull(TrainingGate.holder());
        TrainingGate.enter("third").close();
    }

    @Test
    void aMissingSpaceOrTaskIsRefusedBeforeAnythingIsRecorded() throws Exception {
        Path folder = workspaceWithUsers();
        ElmRunSettings noSpace = ElmRunSettings.basic("tiny", "nope", null, 1, 32, 4, 64, 512, 16, 1, 1, 4, 1e-3,
                1e-3, 0, 0);
        ElmRunSettings noTask = new ElmRunSettings("tiny", "vectors", null, List.of("translate"), null, 1, 32, 4, 64,
                512, 16, 1, 1, 0, 0, 4, 0, 1e-3, 1e-3, null, null, 0, 0, null, 0, 0, 0, null, false);
        try (Workspace workspace = Workspace.open(folder)) {
            ElmRunException space = assertThrows(ElmRunException.class, () -> ElmTrainingJob.start(workspace, "x",
                    noSpace, (stage, event) -> { }, new TrainingControl()));
            assertEquals("dataset 'tiny' has no embedding space 'nope' (add one with 'elm import embeddings')",
                    space.getMessage());
            ElmRunException task = assertThrows(ElmRunException.class, () -> ElmTrainingJob.start(workspace, "x",
                    noTask, (stage, event) -> { }, new TrainingControl()));
            assertEquals("dataset 'tiny' has no examples of the tasks [translate] (it has compare, profile, summary)",
                    task.getMessage());
            assertTrue(workspace.runs().list().isEmpty());
        }
    }

    /** The fixture plus 3-d vectors for its 6 users and tasks of three kinds: summary, compare, profile. */
    private Path workspaceWithUsers() throws Exception {
        Path folder = ElmFixtures.importInto(temp.resolve("ws"), temp);
        StringBuilder users = new StringBuilder("id,a,b,c\n");
        for (int u = 1; u <= ElmFixtures.USERS; u++) {
            users.append(u).append(',').append(u % 2).append(',').append(0.5).append(',').append(u / 10.0).append('\n');
        }
        Path usersCsv = Files.writeString(temp.resolve("users.csv"), users);
        ElmFixtures.command("import", "embeddings", usersCsv.toString(), "--dataset", "tiny", "--name", "users",
                "--entities", "users", "-w", folder.toString());
        StringBuilder tasks = new StringBuilder();
        for (int m = 1; m <= ElmFixtures.MOVIES; m++) {
            tasks.append("{\"task\":\"summary\",\"slots\":{\"movie\":").append(m)
                    .append("},\"prompt\":\"Describe {movie}.\",\"target\":\"film ").append(m % 4).append("\"}\n");
            tasks.append("{\"task\":\"compare\",\"slots\":{\"movie1\":").append(m).append(",\"movie2\":")
                    .append(m % ElmFixtures.MOVIES + 1).append("},\"prompt\":\"Compare {movie1} and {movie2}.\",")
                    .append("\"target\":\"alike\"}\n");
        }
        for (int u = 1; u <= ElmFixtures.USERS; u++) {
            tasks.append("{\"task\":\"profile\",\"slots\":{\"user\":").append(u)
                    .append("},\"prompt\":\"Who is {user}?\",\"target\":\"viewer ").append(u % 2).append("\"}\n");
        }
        ElmFixtures.command("import", "tasks", Files.writeString(temp.resolve("mixed.jsonl"), tasks).toString(),
                "--dataset", "tiny", "-w", folder.toString());
        return folder;
    }
}
