package dev.elmstudio.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HfModelFolderTest {
    private static final String TEMPLATE = "{% for m in messages %}<|{{ m.role }}|>{{ m.content }}{% endfor %}";

    @TempDir
    Path dir;

    @Test
    void completeFolderReportsEverythingItHolds() throws IOException {
        copyGolden("qwen2");
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"model_max_length\": 32768, \"chat_template\": "
                + quote(TEMPLATE) + "}");

        HfModelFolder folder = HfModelFolder.inspect(dir);

        assertTrue(folder.hasConfig());
        assertEquals(HfModelFolder.Weights.SINGLE_FILE, folder.weights());
        assertEquals(Optional.of(dir.resolve("tokenizer.json")), folder.tokenizer());
        assertEquals(TEMPLATE, folder.requireChatTemplate());
        folder.requireImportable();
    }

    @Test
    void missingTokenizerIsNamedWithWhatItIsNeededFor() throws IOException {
        copyGolden("llama");

        HfModelFolder folder = HfModelFolder.inspect(dir);
        folder.requireModel(); // config and weights suffice to load the LM

        CheckpointException e = assertThrows(CheckpointException.class, folder::requireTokenizer);
        assertEquals(dir + ": no tokenizer.json (needed to tokenize prompts)", e.getMessage());
        e = assertThrows(CheckpointException.class, folder::requireImportable);
        assertEquals(dir + ": no tokenizer.json (needed to tokenize prompts)", e.getMessage());
    }

    @Test
    void emptyFolderNamesEveryMissingFile() throws IOException {
        HfModelFolder folder = HfModelFolder.inspect(dir);

        assertEquals(HfModelFolder.Weights.NONE, folder.weights());
        CheckpointException e = assertThrows(CheckpointException.class, folder::requireImportable);
        assertEquals(dir + ": no config.json (needed to know the architecture and its sizes); no model.safetensors"
                + " or model.safetensors.index.json (needed for the weights; only safetensors are loaded); no"
                + " tokenizer.json (needed to tokenize prompts)", e.getMessage());
    }

    @Test
    void pickleOnlyFolderIsRefusedWithTheConversionHint() throws IOException {
        Files.copy(GoldenFolders.folder("gpt2").resolve("config.json"), dir.resolve("config.json"));
        Files.write(dir.resolve("pytorch_model.bin"), new byte[] {(byte) 0x80, 2});

        HfModelFolder folder = HfModelFolder.inspect(dir);

        assertEquals(HfModelFolder.Weights.PICKLE_ONLY, folder.weights());
        CheckpointException e = assertThrows(CheckpointException.class, folder::requireModel);
        assertTrue(e.getMessage().contains("pytorch_model.bin: refusing to load a pickle checkpoint"), e.getMessage());
    }

    @Test
    void shardedWeightsAreRecognised() throws IOException {
        Files.writeString(dir.resolve("model.safetensors.index.json"), "{\"weight_map\": {}}");

        assertEquals(HfModelFolder.Weights.SHARDED, HfModelFolder.inspect(dir).weights());
    }

    @Test
    void noChatTemplateIsAnOptionalAbsenceUntilRequired() throws IOException {
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"model_max_length\": 1024}");

        HfModelFolder folder = HfModelFolder.inspect(dir);

        assertEquals(Optional.empty(), folder.chatTemplate());
        CheckpointException e = assertThrows(CheckpointException.class, folder::requireChatTemplate);
        assertTrue(e.getMessage().startsWith(dir + ": no chat template (looked for chat_template.jinja,"
                + " 'chat_template' in tokenizer_config.json"), e.getMessage());
    }

    @Test
    void chatTemplateJinjaFileWinsOverTokenizerConfig() throws IOException {
        Files.writeString(dir.resolve("chat_template.jinja"), TEMPLATE);
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"chat_template\": \"old\"}");

        assertEquals(Optional.of(TEMPLATE), HfModelFolder.inspect(dir).chatTemplate());
    }

    @Test
    void namedTemplateListUsesTheDefaultOne() throws IOException {
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"chat_template\": ["
                + "{\"name\": \"tool_use\", \"template\": \"tools\"},"
                + "{\"name\": \"default\", \"template\": " + quote(TEMPLATE) + "}]}");

        assertEquals(Optional.of(TEMPLATE), HfModelFolder.inspect(dir).chatTemplate());
    }

    @Test
    void chatTemplateJsonFileIsRead() throws IOException {
        Files.writeString(dir.resolve("chat_template.json"), "{\"chat_template\": " + quote(TEMPLATE) + "}");

        assertEquals(Optional.of(TEMPLATE), HfModelFolder.inspect(dir).chatTemplate());
    }

    @Test
    void malformedTokenizerConfigNamesTheFileAndKey() throws IOException {
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"chat_template\": 42}");

        CheckpointException e = assertThrows(CheckpointException.class, () -> HfModelFolder.inspect(dir));
        assertEquals(dir.resolve("tokenizer_config.json") + ": 'chat_template' must be a string or a list of named"
                + " templates, got 42", e.getMessage());
    }

    @Test
    void aFileIsNotAModelFolder() throws IOException {
        Path file = Files.writeString(dir.resolve("model.safetensors"), "");

        CheckpointException e = assertThrows(CheckpointException.class, () -> HfModelFolder.inspect(file));
        assertTrue(e.getMessage().startsWith(file + ": not a model folder"), e.getMessage());
    }

    private void copyGolden(String arch) throws IOException {
        Path golden = GoldenFolders.folder(arch);
        Files.copy(golden.resolve("config.json"), dir.resolve("config.json"));
        Files.copy(golden.resolve("model.safetensors"), dir.resolve("model.safetensors"));
    }

    private static String quote(String s) {
        return new com.google.gson.JsonPrimitive(s).toString();
    }
}
