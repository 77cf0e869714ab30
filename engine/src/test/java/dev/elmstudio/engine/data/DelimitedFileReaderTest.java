package dev.elmstudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelimitedFileReaderTest {
    @TempDir
    Path dir;

    @Test
    void fastDecimalsEqualFloatParseFloat() throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        List<String> values = new ArrayList<>(List.of("x", "4.5", "0.5", "5", "5.0", "0.02875", "0.99975", "-1.25", "1e-3",
                "123456789.5", ".5", "3."));
        for (int i = 0; i < 2000; i++) {
            values.add(String.format(Locale.ROOT, "%." + random.nextInt(1, 7) + "f", random.nextDouble() * Math.pow(10, random.nextInt(4))));
        }
        Files.write(dir.resolve("numbers.csv"), values, StandardCharsets.UTF_8);
        try (DelimitedFileReader in = new DelimitedFileReader(dir.resolve("numbers.csv"), StandardCharsets.UTF_8, ',', true,
                ImportListener.NONE, "x")) {
            in.skipHeader();
            while (in.next()) {
                assertEquals(Float.parseFloat(in.string(0)), in.decimal(0), in.string(0));
            }
        }
    }

    @Test
    void quotedFieldsMayHoldDelimitersQuotesAndLineBreaks() throws IOException {
        Files.writeString(dir.resolve("q.csv"), "a,b\n\"x, \"\"y\"\"\",\"two\nlines\"\n3,4\n");
        try (DelimitedFileReader in = new DelimitedFileReader(dir.resolve("q.csv"), StandardCharsets.UTF_8, ',', true,
                ImportListener.NONE, "a", "b")) {
            in.skipHeader();
            in.next();
            assertEquals("x, \"y\"", in.string(0));
            assertEquals("two\nlines", in.string(1));
            in.next();
            assertEquals(4, in.line());
            assertEquals(3, in.integer(0));
        }
        Files.writeString(dir.resolve("open.csv"), "a\n\"never closed\n");
        try (DelimitedFileReader in = new DelimitedFileReader(dir.resolve("open.csv"), StandardCharsets.UTF_8, ',', true,
                ImportListener.NONE, "a")) {
            in.skipHeader();
            MalformedDataException e = assertThrows(MalformedDataException.class, in::next);
            assertEquals("open.csv line 2, field a: quoted field is never closed", e.getMessage());
        }
    }
}
