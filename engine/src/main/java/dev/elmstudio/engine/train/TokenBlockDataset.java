package dev.elmstudio.engine.train;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A token stream cut into blocks of T + 1 tokens for next-token prediction.
 *
 * <p>The stream is split once: the head trains, the tail (a fraction of the tokens) is held out
 * for validation, so no validation token is ever a training target. Blocks start every T tokens,
 * so each training token is predicted once per epoch. Every epoch visits the training blocks in a
 * fresh order that depends only on (seed, epoch): the order needs no saved generator state, and
 * a {@link DataPosition} is all a checkpoint needs to replay the stream exactly.
 *
 * <p>Not thread-safe: one trainer owns one instance.
 */
public final class TokenBlockDataset {

    private final long[] tokens;
    private final int contextLength;
    private final long seed;
    private final int trainBlocks;
    private final int validationStart; // first token of the held-out tail
    private final int validationBlocks;
    private final long fingerprint;

    private DataPosition position = DataPosition.START;
    private int[] order; // shuffled block indices of position.epoch(); rebuilt when the epoch changes
    private int orderEpoch = -1;

    /**
     * @param tokens the whole corpus as token ids (not copied: do not modify it afterwards)
     * @param contextLength T, tokens per training sequence
     * @param validationFraction share of the stream held out at its end, in [0, 0.5]
     * @param seed seeds the per-epoch shuffles
     */
    public TokenBlockDataset(long[] tokens, int contextLength, double validationFraction, long seed) {
        if (tokens == null) {
            throw new IllegalArgumentException("tokens must not be null");
        }
        if (contextLength <= 0) {
            throw new IllegalArgumentException("contextLength must be > 0, got " + contextLength);
        }
        if (!(validationFraction >= 0 && validationFraction <= 0.5)) {
            throw new IllegalArgumentException("validationFraction must be in [0, 0.5], got " + validationFraction);
        }
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0) {
                throw new IllegalArgumentException("token ids must be >= 0; token " + i + " is " + tokens[i]);
            }
        }
        this.tokens = tokens;
        this.contextLength = contextLength;
        this.seed = seed;
        int validationTokens = (int) Math.round(tokens.length * validationFraction);
        this.validationStart = tokens.length - validationTokens;
        this.trainBlocks = blocksIn(validationStart);
        this.validationBlocks = validationFraction == 0 ? 0 : blocksIn(validationTokens);
        if (trainBlocks == 0) {
            throw new IllegalArgumentException("corpus too small: " + validationStart + " training tokens cannot fill"
                    + " one block of contextLength + 1 = " + (contextLength + 1) + " tokens");
        }
        if (validationFraction > 0 && validationBlocks == 0) {
            throw new IllegalArgumentException("validation tail too small: " + validationTokens + " tokens cannot fill"
                    + " one block of " + (contextLength + 1) + "; raise validationFraction or use 0");
        }
        this.fingerprint = fingerprint(tokens, contextLength, validationStart, seed);
    }

    public int contextLength() { return contextLength; }
    public int trainBlockCount() { return trainBlocks; }
    public int validationBlockCount() { return validationBlocks; }
    public long seed() { return seed; }

    /** Largest token id in the corpus, to check it against the model's vocabulary. */
    public long maxTokenId() {
        return Arrays.stream(tokens).max().orElse(-1);
    }

    /**
     * A hash of the tokens and the cut (context, split, seed). A checkpoint stores it so that a
     * run cannot silently resume on different data.
     */
    public long fingerprint() { return fingerprint; }

    public DataPosition position() { return position; }

    /** Moves the stream to a saved position (from a checkpoint). */
    public void seek(DataPosition newPosition) {
        if (newPosition.index() >= trainBlocks) {
            throw new IllegalArgumentException("data position index " + newPosition.index() + " is past the "
                    + trainBlocks + " training blocks of an epoch");
        }
        position = newPosition;
    }

    /** The next B training blocks in shuffled order; rolls into the next epoch when one runs out. */
    public TokenBatch nextTrainBatch(int batchSize) {
        requirePositiveBatch(batchSize);
        long[] inputs = new long[batchSize * contextLength];
        long[] targets = new long[batchSize * contextLength];
        for (int row = 0; row < batchSize; row++) {
            int block = orderOf(position.epoch())[position.index()];
            copyBlock(block * contextLength, row, inputs, targets);
            int next = position.index() + 1;
            position = next == trainBlocks ? new DataPosition(position.epoch() + 1, 0)
                    : new DataPosition(position.epoch(), next);
        }
        return new TokenBatch(inputs, targets, batchSize, contextLength);
    }

    /**
     * Validation batch number {@code batchIndex}, always the same blocks in stream order (wrapping
     * around when the tail holds fewer than needed), so validation losses compare across steps.
     */
    public TokenBatch validationBatch(int batchIndex, int batchSize) {
        requirePositiveBatch(batchSize);
        if (validationBlocks == 0) {
            throw new IllegalStateException("this dataset holds no validation split (validationFraction was 0)");
        }
        long[] inputs = new long[batchSize * contextLength];
        long[] targets = new long[batchSize * contextLength];
        for (int row = 0; row < batchSize; row++) {
            int block = (int) (((long) batchIndex * batchSize + row) % validationBlocks);
            copyBlock(validationStart + block * contextLength, row, inputs, targets);
        }
        return new TokenBatch(inputs, targets, batchSize, contextLength);
    }

    private void copyBlock(int start, int row, long[] inputs, long[] targets) {
        System.arraycopy(tokens, start, inputs, row * contextLength, contextLength);
        System.arraycopy(tokens, start + 1, targets, row * contextLength, contextLength);
    }

    private int[] orderOf(int epoch) {
        if (epoch != orderEpoch) {
            order = shuffledBlocks(epoch);
            orderEpoch = epoch;
        }
        return order;
    }

    /** Fisher–Yates over the training blocks with a generator seeded by (seed, epoch) alone. */
    private int[] shuffledBlocks(int epoch) {
        int[] blocks = new int[trainBlocks];
        for (int i = 0; i < trainBlocks; i++) {
            blocks[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        for (int i = trainBlocks - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = blocks[i];
            blocks[i] = blocks[j];
            blocks[j] = swap;
        }
        return blocks;
    }

    /** Blocks of T + 1 tokens, starting every T tokens, that fit in {@code length} tokens. */
    private int blocksIn(int length) {
        return length <= contextLength ? 0 : (length - 1) / contextLength;
    }

    private static void requirePositiveBatch(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be > 0, got " + batchSize);
        }
    }

    private static long fingerprint(long[] tokens, int contextLength, int validationStart, long seed) {
        long hash = 0xcbf29ce484222325L; // FNV-1a offset basis
        for (long token : tokens) {
            hash = (hash ^ token) * 0x100000001b3L;
        }
        for (long extra : new long[] {tokens.length, contextLength, validationStart, seed}) {
            hash = (hash ^ extra) * 0x100000001b3L;
        }
        return hash;
    }
}
