package dev.elmstudio.engine.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class TextEncoderTest {

    /** Encodes a text as (length, number of 'a's): easy to average by hand. Records batch sizes. */
    private static final class CountingEncoder implements TextEncoder {
        final List<Integer> batches = new ArrayList<>();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public List<float[]> encode(List<String> texts) {
            batches.add(texts.size());
            return texts.stream().map(t -> new float[] {t.length(), t.chars().filter(c -> c == 'a').count()}).toList();
        }
    }

    @Test
    void entityVectorIsTheMeanOfItsTextsEncodedInBatches() {
        Map<Integer, List<String>> texts = new LinkedHashMap<>();
        texts.put(7, List.of("aa", "bbbb"));
        texts.put(3, List.of("a"));
        CountingEncoder encoder = new CountingEncoder();
        EmbeddingSpace space = SemanticEmbeddings.build("semantic", texts, encoder, 2, null, null);
        assertArrayEquals(new int[] {7, 3}, space.ids());
        assertArrayEquals(new float[] {3, 1, 1, 1}, space.vectors());
        assertEquals(List.of(2, 1), encoder.batches);
        assertThrows(CancellationException.class, () -> SemanticEmbeddings.build("s", texts, encoder, 1, null, () -> true));
    }

    @Test
    void miniLmPutsSynonymsCloserThanUnrelatedTopics() {
        TextEncoder encoder = new MiniLmEncoder();
        List<float[]> v = encoder.encode(List.of("a hilarious comedy film", "a funny comedy", "a war documentary"));
        assertEquals(384, v.get(0).length);
        double close = TextEncoder.cosine(v.get(0), v.get(1));
        double far = TextEncoder.cosine(v.get(0), v.get(2));
        assertTrue(close > far + 0.1, "cos(hilarious comedy, funny comedy) = " + close + ", cos(…, war documentary) = " + far);
    }

    @Test
    void blankTextsGetTheZeroVectorWithoutLosingTheOthersOrTheirOrder() {
        TextEncoder encoder = new MiniLmEncoder();
        List<float[]> alone = encoder.encode(List.of("a funny comedy", "a war documentary"));
        List<float[]> mixed = encoder.encode(java.util.Arrays.asList(" ", "a funny comedy", "", "a war documentary", null));
        assertEquals(5, mixed.size());
        for (int blank : new int[] {0, 2, 4}) {
            assertEquals(0.0, java.util.stream.IntStream.range(0, 384).mapToDouble(i -> Math.abs(mixed.get(blank)[i])).sum());
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(alone.get(0), mixed.get(1), 1e-5f);
        org.junit.jupiter.api.Assertions.assertArrayEquals(alone.get(1), mixed.get(3), 1e-5f);
    }
}
