package dev.elmstudio.app.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A small deterministic text corpus: enough tokens for a context of 32 and a validation tail. */
public final class TinyCorpus {

    private static final String[] SUBJECTS = {"the film", "a critic", "the audience", "this director", "an actor"};
    private static final String[] VERBS = {"loves", "remembers", "questions", "describes", "admires"};
    private static final String[] OBJECTS = {"the ending", "a quiet scene", "the score", "its long silence",
            "the final chase", "a strange town"};

    private TinyCorpus() {}

    public static Path write(Path folder) throws IOException {
        Random random = new Random(7);
        List<String> lines = new ArrayList<>();
        for (int document = 0; document < 60; document++) {
            StringBuilder text = new StringBuilder();
            for (int sentence = 0; sentence < 4; sentence++) {
                text.append(SUBJECTS[random.nextInt(SUBJECTS.length)]).append(' ')
                        .append(VERBS[random.nextInt(VERBS.length)]).append(' ')
                        .append(OBJECTS[random.nextInt(OBJECTS.length)]).append(". ");
            }
            lines.add(text.toString().trim());
            lines.add("");
        }
        Path file = folder.resolve("corpus.txt");
        Files.write(file, lines);
        return file;
    }
}
