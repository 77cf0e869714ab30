package dev.elmstudio.engine.tokenizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A pretraining corpus: UTF-8 text files whose documents are separated by blank lines. Encoded as one token
 * stream with end-of-sequence after every document, so the model learns where a text stops.
 */
public final class TextCorpus {
    private final List<String> documents;

    private TextCorpus(List<String> documents) {
        this.documents = List.copyOf(documents);
    }

    public static TextCorpus of(List<String> documents) {
        return new TextCorpus(documents);
    }

    /** Reads every file; malformed UTF-8 is refused with the file and line rather than silently replaced. */
    public static TextCorpus read(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no corpus files given");
        }
        List<String> documents = new ArrayList<>();
        for (Path file : files) {
            readInto(file, documents);
        }
        if (documents.isEmpty()) {
            throw new IOException("the corpus " + files + " holds no text");
        }
        return new TextCorpus(documents);
    }

    private static void readInto(Path file, List<String> documents) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(
                new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
            StringBuilder current = new StringBuilder();
            String line;
            while (true) {
                try {
                    line = reader.readLine();
                } catch (CharacterCodingException e) {
                    throw new IOException(file + ": line " + (lineNumber + 1) + " is not valid UTF-8", e);
                }
                if (line == null) {
                    break;
                }
                lineNumber++;
                if (line.isBlank()) {
                    flush(current, documents);
                } else {
                    if (!current.isEmpty()) {
                        current.append('\n');
                    }
                    current.append(line);
                }
            }
            flush(current, documents);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "corpus file not found");
        }
    }

    private static void flush(StringBuilder current, List<String> documents) {
        if (!current.isEmpty()) {
            documents.add(current.toString());
            current.setLength(0);
        }
    }

    public List<String> documents() {
        return documents;
    }

    /** The whole corpus as token ids, each document followed by end-of-sequence. */
    public long[] encode(Tokenizer tokenizer) {
        long eos = tokenizer.eosId();
        long[] stream = new long[1024];
        int size = 0;
        for (String document : documents) {
            long[] ids = tokenizer.encode(document);
            if (size + ids.length + 1 > stream.length) {
                stream = Arrays.copyOf(stream, Math.max(stream.length * 2, size + ids.length + 1));
            }
            System.arraycopy(ids, 0, stream, size, ids.length);
            size += ids.length;
            stream[size++] = eos;
        }
        return Arrays.copyOf(stream, size);
    }
}
