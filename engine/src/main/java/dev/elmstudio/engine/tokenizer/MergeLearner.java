package dev.elmstudio.engine.tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Learns BPE merges: repeatedly merges the most frequent adjacent pair of tokens, counted over
 * distinct words weighted by how often each word occurs.
 *
 * <p>Recounting every pair after each merge would cost the whole corpus per merge. Instead the
 * learner keeps pair counts and, for each pair, the words it occurs in; a merge rewrites only those
 * words and adjusts the counts of the pairs that changed. The most frequent pair comes from a
 * priority queue holding an entry per count change; an entry whose count is no longer current is
 * skipped when it surfaces.
 *
 * <p>Ties go to the pair with the smaller left id, then the smaller right id, so the result depends
 * only on the word counts, never on hash order.
 */
final class MergeLearner {

    /** A pair seen once is not merged: its token would spend a vocabulary slot on a single word. */
    static final long MIN_PAIR_COUNT = 2;

    /** One learned merge, in {@link LearnedVocabulary} ids. */
    record Merge(int left, int right, int result) {}

    private record Candidate(long count, long pair) {}

    private static final Comparator<Candidate> MOST_FREQUENT_FIRST =
            Comparator.comparingLong((Candidate c) -> -c.count()).thenComparingLong(Candidate::pair);

    private final int[][] words;
    private final long[] wordCounts;
    private final LearnedVocabulary vocabulary;

    private final LongLongMap pairCounts = new LongLongMap(1 << 16);
    /** Pair → 1 + index into {@link #wordsOfPair}; may list words the pair has since left. */
    private final LongLongMap wordListOfPair = new LongLongMap(1 << 16);
    private final List<IntList> wordsOfPair = new ArrayList<>();
    private final PriorityQueue<Candidate> queue = new PriorityQueue<>(MOST_FREQUENT_FIRST);
    private final Set<Long> reservedPairs = new HashSet<>();

    /** Per-merge scratch: count changes, and a visit stamp per word to skip repeated list entries. */
    private final LongLongMap countChanges = new LongLongMap(1 << 12);
    private final int[] lastVisit;
    private int visit;

    /**
     * @param words each distinct word as single-byte token ids (its UTF-8 bytes)
     * @param wordCounts how often each word occurs
     * @param vocabulary the vocabulary to grow; holds the 256 byte tokens
     */
    MergeLearner(int[][] words, long[] wordCounts, LearnedVocabulary vocabulary) {
        this.words = words;
        this.wordCounts = wordCounts;
        this.vocabulary = vocabulary;
        this.lastVisit = new int[words.length];
        for (int w = 0; w < words.length; w++) {
            int[] symbols = words[w];
            for (int i = 0; i + 1 < symbols.length; i++) {
                long pair = pairOf(symbols[i], symbols[i + 1]);
                pairCounts.add(pair, wordCounts[w]);
                listWord(pair, w);
            }
        }
        for (int i = 0; i < pairCounts.size(); i++) {
            long pair = pairCounts.keyAt(i);
            queue.add(new Candidate(pairCounts.get(pair), pair));
        }
    }

    /** Learns merges until the vocabulary holds {@code targetSize} tokens or no pair repeats. */
    List<Merge> learn(int targetSize) {
        List<Merge> merges = new ArrayList<>();
        while (vocabulary.size() < targetSize) {
            Candidate best = queue.poll();
            if (best == null) {
                break;
            }
            if (pairCounts.get(best.pair()) != best.count() || reservedPairs.contains(best.pair())) {
                continue; // stale entry: the count changed after it was queued
            }
            if (best.count() < MIN_PAIR_COUNT) {
                break;
            }
            int left = (int) (best.pair() >>> 32);
            int right = (int) best.pair();
            int result = vocabulary.idOfMerge(left, right);
            if (result == LearnedVocabulary.RESERVED) {
                reservedPairs.add(best.pair());
                continue;
            }
            merges.add(new Merge(left, right, result));
            mergeEverywhere(best.pair(), left, right, result);
        }
        return merges;
    }

    private void mergeEverywhere(long pair, int left, int right, int result) {
        IntList candidates = wordsOfPair.get((int) wordListOfPair.get(pair) - 1);
        visit++;
        countChanges.clear();
        for (int k = 0; k < candidates.size(); k++) {
            int w = candidates.get(k);
            if (lastVisit[w] == visit) {
                continue;
            }
            lastVisit[w] = visit;
            int[] before = words[w];
            int[] after = merge(before, left, right, result);
            if (after == before) {
                continue; // the pair left this word in an earlier merge
            }
            long count = wordCounts[w];
            for (int i = 0; i + 1 < before.length; i++) {
                countChanges.add(pairOf(before[i], before[i + 1]), -count);
            }
            for (int i = 0; i + 1 < after.length; i++) {
                long newPair = pairOf(after[i], after[i + 1]);
                countChanges.add(newPair, count);
                if (after[i] == result || after[i + 1] == result) {
                    listWord(newPair, w); // only pairs with the new token can be new to this word
                }
            }
            words[w] = after;
        }
        // The merged pair is gone from every word and cannot form again: only pairs holding the
        // new token are created from here on.
        wordsOfPair.set((int) wordListOfPair.get(pair) - 1, null);
        for (int i = 0; i < countChanges.size(); i++) {
            long changed = countChanges.keyAt(i);
            long delta = countChanges.get(changed);
            if (delta != 0) {
                long count = pairCounts.add(changed, delta);
                if (count > 0) {
                    queue.add(new Candidate(count, changed));
                }
            }
        }
    }

    /** {@code symbols} with each left-to-right, non-overlapping (left, right) replaced by result. */
    static int[] merge(int[] symbols, int left, int right, int result) {
        int[] merged = null;
        int length = 0;
        for (int i = 0; i < symbols.length; i++) {
            boolean match = i + 1 < symbols.length && symbols[i] == left && symbols[i + 1] == right;
            if (match && merged == null) {
                merged = new int[symbols.length - 1];
                System.arraycopy(symbols, 0, merged, 0, i);
                length = i;
            }
            if (match) {
                merged[length++] = result;
                i++;
            } else if (merged != null) {
                merged[length++] = symbols[i];
            }
        }
        return merged == null ? symbols : Arrays.copyOf(merged, length);
    }

    private void listWord(long pair, int word) {
        int index = (int) wordListOfPair.get(pair) - 1;
        if (index < 0) {
            index = wordsOfPair.size();
            wordsOfPair.add(new IntList());
            wordListOfPair.add(pair, index + 1);
        } else if (wordsOfPair.get(index) == null) {
            // A merged pair can return only when a later merge reuses an existing token's id.
            wordsOfPair.set(index, new IntList());
        }
        wordsOfPair.get(index).add(word);
    }

    private static long pairOf(int left, int right) {
        return ((long) left << 32) | right;
    }

    /** A growable list of ints. */
    private static final class IntList {
        private int[] items = new int[4];
        private int size;

        void add(int value) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = value;
        }

        int get(int i) {
            return items[i];
        }

        int size() {
            return size;
        }
    }
}
