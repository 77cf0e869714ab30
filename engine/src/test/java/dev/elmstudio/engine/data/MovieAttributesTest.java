package dev.elmstudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MovieAttributesTest {
    @Test
    void userTagsBecomeSharesPerMovieWithMinimumSupport() {
        UserTags tags = new UserTags(new int[] {1, 2, 3, 1, 2}, new int[] {10, 10, 10, 20, 30}, new int[] {0, 1, 0, 0, 2},
                List.of("Funny", " funny", "scary"));
        MovieAttributes attributes = MovieAttributes.fromUserTags(tags, new int[] {10, 20, 30, 40}, 2);

        assertEquals(List.of("funny"), attributes.names()); // "scary" is on one movie only
        assertEquals(1f, attributes.score(0, 0)); // all three tags of movie 10 say funny
        assertEquals(1f, attributes.score(1, 0));
        assertEquals(0f, attributes.score(2, 0));
        assertArrayEquals(new boolean[] {true, true, false, false}, attributes.positives(0, 0f));
    }

    @Test
    void genomeTagsNeedEnoughRelevantMovies() {
        TagGenome genome = new TagGenome(List.of("funny", "dark"), new int[] {1, 2, 3},
                new float[] {0.9f, 0.1f, 0.8f, 0.2f, 0.1f, 0.7f});
        MovieAttributes attributes = MovieAttributes.fromGenome(genome, 2, 0.5f);
        assertEquals(List.of("funny"), attributes.names());
        assertEquals(0.8f, attributes.score(1, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> attributes.attributeIndex("dark"));
        assertEquals("no attribute 'dark' (1 attributes, e.g. [funny])", e.getMessage());
    }
}
