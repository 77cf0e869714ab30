package dev.elmstudio.engine.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ByteAlphabetTest {

    @Test
    void matchesGpt2TableForKnownBytes() {
        assertEquals('Ġ', ByteAlphabet.charOf(' '));
        assertEquals('Ċ', ByteAlphabet.charOf('\n'));
        assertEquals('\u0100', ByteAlphabet.charOf(0));
        assertEquals('ġ', ByteAlphabet.charOf(0x7F)); // first byte after the 33 low controls and space
        assertEquals('Ń', ByteAlphabet.charOf(0xAD)); // soft hyphen, the last byte to move
        assertEquals('a', ByteAlphabet.charOf('a'));
        assertEquals('ÿ', ByteAlphabet.charOf(0xFF));
    }

    @Test
    void givesEveryByteItsOwnPrintableCharacter() {
        Set<Character> seen = new HashSet<>();
        for (int b = 0; b < 256; b++) {
            char c = ByteAlphabet.charOf(b);
            assertTrue(seen.add(c), "byte " + b + " shares its character");
            assertFalse(Character.isWhitespace(c) || Character.isISOControl(c), "byte " + b + " maps to " + (int) c);
        }
    }

    @Test
    void tokenTextRoundTripsEveryByte() {
        byte[] all = new byte[256];
        for (int b = 0; b < 256; b++) {
            all[b] = (byte) b;
        }
        assertArrayEquals(all, ByteAlphabet.toBytes(ByteAlphabet.toTokenText(all)));
        assertEquals("Ġthe", ByteAlphabet.toTokenText(" the".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void textOutsideTheAlphabetStandsForItsUtf8Bytes() {
        assertArrayEquals("€ <x>".getBytes(StandardCharsets.UTF_8), ByteAlphabet.toBytes("€ <x>"));
    }
}
