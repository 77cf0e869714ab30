package dev.elmstudio.engine.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * GPT-2's byte-to-unicode table: every byte value gets a printable character, so a token's bytes can
 * be stored as a JSON string without whitespace or control characters. Printable Latin-1 bytes map to
 * themselves; the other 68 bytes (controls, space, DEL, NBSP, soft hyphen) map to U+0100 onwards in
 * byte order — space becomes {@code Ġ} (U+0120) and newline {@code Ċ} (U+010A).
 *
 * <p>The Hugging Face {@code ByteLevel} pre-tokenizer and decoder use the same table, which is what
 * makes a vocabulary trained here readable by them.
 */
final class ByteAlphabet {

    private static final char[] CHAR_OF_BYTE = new char[256];
    /** Indexed by character; -1 where the character is not in the alphabet. */
    private static final int[] BYTE_OF_CHAR = new int[256 + 68];

    static {
        Arrays.fill(BYTE_OF_CHAR, -1);
        int nextExtraChar = 256;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            char c = printable ? (char) b : (char) nextExtraChar++;
            CHAR_OF_BYTE[b] = c;
            BYTE_OF_CHAR[c] = b;
        }
    }

    private ByteAlphabet() {}

    /** The alphabet character standing for one byte. */
    static char charOf(int unsignedByte) {
        return CHAR_OF_BYTE[unsignedByte & 0xFF];
    }

    /** Whether {@code text} is the text of one of the 256 single-byte tokens. */
    static boolean isSingleByteToken(String text) {
        return text.length() == 1 && text.charAt(0) < BYTE_OF_CHAR.length && BYTE_OF_CHAR[text.charAt(0)] >= 0;
    }

    /** Token text for the given bytes: one alphabet character per byte. */
    static String toTokenText(byte[] bytes) {
        char[] chars = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            chars[i] = CHAR_OF_BYTE[bytes[i] & 0xFF];
        }
        return new String(chars);
    }

    /**
     * The bytes a token stands for, as the Hugging Face ByteLevel decoder reads them: alphabet
     * characters map back to their bytes, and a token holding any other character (an added token
     * such as {@code <|slot_3|>} written outside the alphabet) stands for its own UTF-8 bytes.
     */
    static byte[] toBytes(String tokenText) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(tokenText.length());
        for (int i = 0; i < tokenText.length(); i++) {
            char c = tokenText.charAt(i);
            int b = c < BYTE_OF_CHAR.length ? BYTE_OF_CHAR[c] : -1;
            if (b < 0) {
                return tokenText.getBytes(StandardCharsets.UTF_8);
            }
            bytes.write(b);
        }
        return bytes.toByteArray();
    }
}
