package dev.elmstudio.engine.data.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.engine.data.MalformedDataException;
import dev.elmstudio.engine.data.Ratings;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskDataTest {
    @TempDir
    Path dir;

    private static final MovieFacts ALIEN = new MovieFacts(1, "Alien", 1979, List.of("Horror"), "Ridley Scott",
            "Science Fiction", "Original Screenplay", "R", 117, 11_000_000L, 104_931_801L, 0.95);
    private static final MovieFacts HALLOWEEN = new MovieFacts(2, "Halloween", 1978, List.of("Horror"), "John Carpenter",
            null, null, "R", 91, 325_000L, 47_000_000L, 0.85);
    private static final MovieFacts ELF = new MovieFacts(3, "Elf", 2003, List.of("Comedy"), null, null, null, null, null,
            null, null, null);

    @Test
    void jsonlRoundTripKeepsEveryField() throws IOException {
        List<TaskExample> examples = TaskGenerator.movieTasks(List.of(ALIEN, ELF));
        TaskJsonl.write(examples, dir.resolve("tasks.jsonl"));
        assertEquals(examples, TaskJsonl.read(dir.resolve("tasks.jsonl")));
        String first = Files.readAllLines(dir.resolve("tasks.jsonl")).get(0);
        assertTrue(first.startsWith("{\"task\":\"summary\",\"slots\":{\"movie\":1},\"prompt\":\"Summarize the movie {movie}"), first);
    }

    @Test
    void malformedJsonlNamesLineAndField() throws IOException {
        Files.writeString(dir.resolve("t.jsonl"), "{\"task\":\"summary\",\"slots\":{\"movie\":1},\"prompt\":\"{movie}\",\"target\":\"x\"}\n"
                + "{\"task\":\"summary\",\"slots\":{\"movie\":\"abc\"},\"prompt\":\"{movie}\",\"target\":\"x\"}\n");
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> TaskJsonl.read(dir.resolve("t.jsonl")));
        assertEquals(2, e.line());
        assertEquals("slots.movie", e.field());
        Files.writeString(dir.resolve("u.jsonl"), "{\"task\":\"summary\",\"slots\":{\"user\":1},\"prompt\":\"{movie}\",\"target\":\"x\"}\n");
        MalformedDataException unused = assertThrows(MalformedDataException.class, () -> TaskJsonl.read(dir.resolve("u.jsonl")));
        assertTrue(unused.getMessage().contains("{user}"), unused.getMessage());
    }

    @Test
    void targetsSayOnlyWhatTheFactsHold() {
        assertEquals("Alien (1979) is a horror film directed by Ridley Scott. It was widely acclaimed.",
                TaskGenerator.movieTarget("summary", ALIEN));
        assertEquals("Elf (2003) is a comedy film.", TaskGenerator.movieTarget("summary", ELF));
        String longer = TaskGenerator.movieTarget("long_description", ALIEN);
        assertTrue(longer.contains("117 minutes") && longer.contains("$11 million"), longer);
        assertEquals(5, TaskGenerator.movieTarget("five_negative_characteristics", ALIEN).lines().count());
    }

    @Test
    void neighbourTasksUseTheNearestMovie() {
        EmbeddingSpace space = new EmbeddingSpace("semantic", new int[] {1, 2, 3},
                new float[] {1, 0.1f, 0.9f, 0.2f, -1, 1}, 2);
        List<TaskExample> examples = TaskGenerator.neighbourTasks(List.of(ALIEN, HALLOWEEN, ELF), NearestNeighbours.of(space));
        TaskExample common = examples.stream().filter(e -> e.task().equals("common_with_nn") && e.slots().get("movie1") == 1)
                .findFirst().orElseThrow();
        assertEquals(2, common.slots().get("movie2"));
        assertEquals("Alien and Halloween share the horror genre, the 1970s.", common.target());
    }

    @Test
    void userProfileListsFiveLikedAndFiveDislikedMovies() {
        int movies = 12;
        int[] users = new int[movies];
        int[] movieIndex = new int[movies];
        float[] stars = new float[movies];
        Map<Integer, MovieFacts> facts = new HashMap<>();
        int[] movieIds = new int[movies];
        for (int m = 0; m < movies; m++) {
            movieIndex[m] = m;
            movieIds[m] = 100 + m;
            stars[m] = 0.5f + (m % 10) * 0.5f;
            facts.put(100 + m, new MovieFacts(100 + m, "Film " + m, 2000, List.of("Drama"), null, null, null, null, null, null, null, null));
        }
        Ratings ratings = new Ratings(users, movieIndex, stars, new int[movies], new int[] {7}, movieIds);
        TaskExample profile = TaskGenerator.userProfiles(ratings, facts).get(0);
        assertEquals(Map.of("user", 7), profile.slots());
        List<String> lines = profile.target().lines().toList();
        assertEquals(10, lines.size());
        assertEquals("- Likes Film 9 (2000), a drama", lines.get(0));
        assertEquals("- Dislikes Film 0 (2000), a drama", lines.get(5));
    }

    @Test
    void splitsAreSeededAndIgnoreInputOrder() {
        int[] ids = {5, 3, 9, 1, 7, 2, 8, 4, 6, 10};
        Splits.EntitySplit a = Splits.fraction(ids, 0.8, 3);
        Splits.EntitySplit b = Splits.fraction(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.8, 3);
        assertArrayEquals(a.test(), b.test());
        assertEquals(2, a.test().length);
        assertEquals(8, a.train().length);
        assertEquals(3, Splits.holdOut(ids, 3, 1).test().length);
    }
}
