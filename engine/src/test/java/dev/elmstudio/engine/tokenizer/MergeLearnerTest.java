package dev.elmstudio.engine.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeLearnerTest {

    private static int[] bytesOf(String word) {
        byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
        int[] ids = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            ids[i] = bytes[i] & 0xFF;
        }
        return ids;
    }

    /**
     * Hugging Face course example. Pair counts at the start: u g = 10 + 5 + 5 = 20, u n = 12 + 4 = 16,
     * h u = 10 + 5 = 15, so "ug" comes first, then "un", then h + ug = 15 beats p + un = 12.
     */
    @Test
    void mergesMostFrequentPairFirst() {
        String[] words = {"hug", "pug", "pun", "bun", "hugs"};
        int[][] symbols = new int[words.length][];
        for (int i = 0; i < words.length; i++) {
            symbols[i] = bytesOf(words[i]);
        }
        LearnedVocabulary vocabulary = new LearnedVocabulary(List.of());
        List<MergeLearner.Merge> merges =
                new MergeLearner(symbols, new long[] {10, 5, 12, 4, 5}, vocabulary).learn(256 + 3);

        assertEquals(3, merges.size());
        assertEquals(List.of("ug", "un", "hug"), vocabulary.texts().subList(256, 259));
        assertEquals(new MergeLearner.Merge('u', 'g', 256), merges.get(0));
        assertEquals(new MergeLearner.Merge('h', 256, 258), merges.get(2));
    }

    @Test
    void breaksTiesBySmallerIds() {
        int[][] symbols = {bytesOf("ba"), bytesOf("dc")}; // both pairs occur 3 times
        LearnedVocabulary vocabulary = new LearnedVocabulary(List.of());
        List<MergeLearner.Merge> merges = new MergeLearner(symbols, new long[] {3, 3}, vocabulary).learn(258);
        assertEquals(List.of(new MergeLearner.Merge('b', 'a', 256), new MergeLearner.Merge('d', 'c', 257)), merges);
    }

    @Test
    void stopsWhenNoPairOccursTwice() {
        int[][] symbols = {bytesOf("abc")};
        LearnedVocabulary vocabulary = new LearnedVocabulary(List.of());
        assertEquals(0, new MergeLearner(symbols, new long[] {1}, vocabulary).learn(1000).size());
    }

    @Test
    void mergesRepeatedSymbolsLeftToRightWithoutOverlap() {
        int x = 300;
        assertArrayEquals(new int[] {x, 'a'}, MergeLearner.merge(new int[] {'a', 'a', 'a'}, 'a', 'a', x));
        assertArrayEquals(new int[] {x, x}, MergeLearner.merge(new int[] {'a', 'a', 'a', 'a'}, 'a', 'a', x));
        int[] unchanged = {'a', 'b'};
        assertEquals(unchanged, MergeLearner.merge(unchanged, 'b', 'a', x));
    }

    @Test
    void countsStayExactAcrossOverlappingMerges() {
        // "aaaa" x2: a a = 3 per word -> 6; after merging, "aa aa" gives aa aa = 1 per word -> 2.
        int[][] symbols = {bytesOf("aaaa")};
        LearnedVocabulary vocabulary = new LearnedVocabulary(List.of());
        List<MergeLearner.Merge> merges = new MergeLearner(symbols, new long[] {2}, vocabulary).learn(300);
        assertEquals(List.of("aa", "aaaa"), vocabulary.texts().subList(256, 258));
        assertEquals(2, merges.size());
    }

    @Test
    void skipsMergeThatWouldSpellAReservedText() {
        int[][] symbols = {bytesOf("abab")};
        LearnedVocabulary vocabulary = new LearnedVocabulary(List.of("ab"));
        List<MergeLearner.Merge> merges = new MergeLearner(symbols, new long[] {5}, vocabulary).learn(300);
        // a b is blocked; b a (5 times) is the next best pair.
        assertEquals(new MergeLearner.Merge('b', 'a', 256), merges.get(0));
        assertEquals("ba", vocabulary.texts().get(256));
    }
}
