package dev.elmstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.elmstudio.engine.checkpoint.LmCheckpoint;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.LmConfig;
import dev.elmstudio.engine.tokenizer.BpeTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    @TempDir
    Path folder;

    @Test
    void samplingWithASeedRepeatsAndStartsWithThePrompt() throws Exception {
        Path model = Files.createDirectories(folder.resolve("model"));
        BpeTrainer.builder().setVocabSize(300).build()
                .train(List.of("a small corpus about films and the sea", "films of the sea, films of the land"))
                .writeTokenizerJson(model.resolve("tokenizer.json"));
        int vocab = com.google.gson.JsonParser.parseString(Files.readString(model.resolve("tokenizer.json")))
                .getAsJsonObject().getAsJsonObject("model").getAsJsonObject("vocab").size();
        try (CausalLm lm = new CausalLm(LmConfig.gpt2(vocab, 32, 1, 2, 64), Device.cpu(), 3)) {
            LmCheckpoint.save(lm, model);
        }
        String[] args = {"generate", "--model", model.toString(), "--prompt", "films of", "--max-tokens", "12",
            "--temperature", "1.0", "--seed", "7"};
        CliRun first = CliRun.execute(args);
        CliRun second = CliRun.execute(args);
        assertEquals(0, first.exitCode(), first::toString);
        assertTrue(first.out().startsWith("films of"), first::toString);
        assertTrue(first.out().strip().length() > "films of".length(), first::toString);
        assertEquals(first.out(), second.out());
    }

    @Test
    void aFolderWithoutTokenizerIsRefusedByName() throws Exception {
        Path model = Files.createDirectories(folder.resolve("model"));
        CliRun run = CliRun.execute("generate", "--model", model.toString(), "--prompt", "x");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("no tokenizer.json"), run::toString);
    }
}
