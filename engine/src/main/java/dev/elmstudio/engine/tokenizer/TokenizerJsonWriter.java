package dev.elmstudio.engine.tokenizer;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes a {@link BpeModel} in the Hugging Face {@code tokenizer.json} format (version 1.0), laid out
 * like GPT-2's: no normaliser, a ByteLevel pre-tokenizer with GPT-2's regex and no prefix space, a
 * ByteLevel decoder, no post-processor (GPT-2's only adjusts offsets; nothing is added around a
 * sequence), and the special tokens
 * both in the model vocabulary and among the added tokens. The Rust library assigns an added token
 * that is missing from the model vocabulary a fresh id after it, so a special must be in both to
 * keep its low id.
 *
 * <p>Merges use the {@code "left right"} string form: every version of the library reads it (the
 * pair-list form needs 0.20 or later), and byte-level tokens never contain a space.
 *
 * <p>The output depends only on the model, so the same model always gives the same bytes.
 */
final class TokenizerJsonWriter {

    private TokenizerJsonWriter() {}

    static void write(BpeModel model, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
                JsonWriter json = new JsonWriter(out)) {
            json.setIndent("  ");
            writeTokenizer(model, json);
        }
        // Readers never see a half-written tokenizer.
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeTokenizer(BpeModel model, JsonWriter json) throws IOException {
        json.beginObject();
        json.name("version").value("1.0");
        json.name("truncation").nullValue();
        json.name("padding").nullValue();
        writeAddedTokens(model.specialTokens(), json);
        json.name("normalizer").nullValue();
        json.name("pre_tokenizer");
        writeByteLevel(json);
        json.name("post_processor").nullValue();
        json.name("decoder");
        writeByteLevel(json);
        writeModel(model, json);
        json.endObject();
    }

    private static void writeAddedTokens(List<String> specialTokens, JsonWriter json) throws IOException {
        json.name("added_tokens").beginArray();
        for (int id = 0; id < specialTokens.size(); id++) {
            json.beginObject();
            json.name("id").value(id);
            json.name("content").value(specialTokens.get(id));
            json.name("single_word").value(false);
            json.name("lstrip").value(false);
            json.name("rstrip").value(false);
            json.name("normalized").value(false);
            json.name("special").value(true);
            json.endObject();
        }
        json.endArray();
    }

    private static void writeByteLevel(JsonWriter json) throws IOException {
        json.beginObject();
        json.name("type").value("ByteLevel");
        json.name("add_prefix_space").value(false);
        json.name("trim_offsets").value(true);
        json.name("use_regex").value(true);
        json.endObject();
    }

    private static void writeModel(BpeModel model, JsonWriter json) throws IOException {
        json.name("model").beginObject();
        json.name("type").value("BPE");
        json.name("dropout").nullValue();
        json.name("unk_token").nullValue();
        json.name("continuing_subword_prefix").nullValue();
        json.name("end_of_word_suffix").nullValue();
        json.name("fuse_unk").value(false);
        json.name("byte_fallback").value(false);
        json.name("vocab").beginObject();
        List<String> vocabulary = model.vocabulary();
        for (int id = 0; id < vocabulary.size(); id++) {
            json.name(vocabulary.get(id)).value(id);
        }
        json.endObject();
        json.name("merges").beginArray();
        for (BpeModel.Merge merge : model.merges()) {
            json.value(merge.left() + " " + merge.right());
        }
        json.endArray();
        json.endObject();
    }
}
