package dev.elmstudio.engine.tokenizer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;

/**
 * Decodes token ids as they arrive, one at a time, returning only text that is complete.
 *
 * <p>A byte-level token can end in the middle of a UTF-8 character (an emoji takes four bytes and
 * often two or three tokens). Those bytes are held back until the character is complete, so a
 * listener never shows half a character or a replacement mark that later turns into text.
 * Concatenating every {@link #next} and the final {@link #finish} gives what
 * {@link Tokenizer#decode} gives for the whole sequence, invalid byte sequences included (each
 * becomes U+FFFD).
 *
 * <p>Not thread-safe: one decoder per generated sequence. Get one from
 * {@link Tokenizer#streamDecoder}.
 */
public final class TokenStreamDecoder {

    /** Longest unfinished UTF-8 character: three bytes of a four-byte sequence. */
    private static final int MAX_PENDING_BYTES = 3;

    private final LongFunction<byte[]> bytesOfToken;
    private final LongPredicate skipped;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final byte[] pending = new byte[MAX_PENDING_BYTES];
    private int pendingLength;

    TokenStreamDecoder(LongFunction<byte[]> bytesOfToken, LongPredicate skipped) {
        this.bytesOfToken = bytesOfToken;
        this.skipped = skipped;
    }

    /** Takes the next id and returns the text it completes; empty while a character is unfinished. */
    public String next(long id) {
        if (skipped.test(id)) {
            return "";
        }
        byte[] token = bytesOfToken.apply(id);
        ByteBuffer in = ByteBuffer.allocate(pendingLength + token.length);
        in.put(pending, 0, pendingLength).put(token).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        utf8.decode(in, out, false); // stops before an unfinished character, leaving it in `in`
        pendingLength = in.remaining();
        in.get(pending, 0, pendingLength);
        return out.flip().toString();
    }

    /**
     * Ends the sequence: returns what is left, with an unfinished character as U+FFFD, and makes
     * the decoder ready for a new sequence.
     */
    public String finish() {
        ByteBuffer in = ByteBuffer.wrap(pending, 0, pendingLength);
        CharBuffer out = CharBuffer.allocate(pendingLength + 1);
        utf8.decode(in, out, true);
        utf8.flush(out);
        utf8.reset();
        pendingLength = 0;
        return out.flip().toString();
    }
}
