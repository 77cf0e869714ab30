package dev.elmstudio.engine.data.embedding;

import dev.elmstudio.engine.io.AtomicFiles;
import dev.elmstudio.engine.data.DelimitedFileReader;
import dev.elmstudio.engine.data.FloatList;
import dev.elmstudio.engine.data.ImportListener;
import dev.elmstudio.engine.data.IntList;
import dev.elmstudio.engine.data.MalformedDataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Embedding spaces as CSV: a header {@code id,x0,x1,...} then one row per entity, the id then d
 * numbers. Floats are written with Java's shortest round-trip form, so a write/read cycle is exact.
 */
public final class EmbeddingCsv {
    private EmbeddingCsv() {
    }

    public static void write(EmbeddingSpace space, Path file) throws IOException {
        int d = space.dimension();
        AtomicFiles.writeStream(file, out -> {
            StringBuilder line = new StringBuilder("id");
            for (int k = 0; k < d; k++) {
                line.append(",x").append(k);
            }
            out.write(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            for (int row = 0; row < space.size(); row++) {
                line.setLength(0);
                line.append(space.ids()[row]);
                for (int k = 0; k < d; k++) {
                    line.append(',').append(space.vectors()[row * d + k]);
                }
                out.write(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    /**
     * @param expectedDimension 0 to take the dimension from the header, else the d the caller needs
     * @throws MalformedDataException naming the line and field of the first bad value
     */
    public static EmbeddingSpace read(String name, Path file, int expectedDimension, ImportListener listener) {
        try (DelimitedFileReader in = new DelimitedFileReader(file, StandardCharsets.UTF_8, ',', true, listener, "id")) {
            in.skipHeader();
            int d = in.fieldCount() - 1;
            if (d < 1) {
                throw new MalformedDataException(file.getFileName().toString(), 1, null, "header has no vector columns; expected id,x0,x1,...");
            }
            if (expectedDimension > 0 && d != expectedDimension) {
                throw new MalformedDataException(file.getFileName().toString(), 1, null, "dimension " + d + ", expected " + expectedDimension);
            }
            IntList ids = new IntList();
            FloatList values = new FloatList();
            java.util.HashSet<Integer> seen = new java.util.HashSet<>();
            while (in.next()) {
                if (in.fieldCount() != d + 1) {
                    throw new MalformedDataException(file.getFileName().toString(), in.line(), null,
                            "expected an id and " + d + " values, found " + in.fieldCount() + " fields");
                }
                int id = in.integer(0);
                if (!seen.add(id)) {
                    throw in.malformed(0, "id " + id + " appears twice");
                }
                ids.add(id);
                for (int k = 1; k <= d; k++) {
                    values.add(in.decimal(k));
                }
            }
            return new EmbeddingSpace(name, ids.toArray(), values.toArray(), d);
        }
    }
}
