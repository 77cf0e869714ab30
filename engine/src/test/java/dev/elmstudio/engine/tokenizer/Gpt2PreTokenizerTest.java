package dev.elmstudio.engine.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Gpt2PreTokenizerTest {

    private static List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        Gpt2PreTokenizer.split(text, pieces::add);
        return pieces;
    }

    @Test
    void splitsLikeGpt2() {
        assertEquals(List.of("Hello", " world", "'s", " ", " end", "\n"), split("Hello world's  end\n"));
        assertEquals(List.of("It", " costs", " $", "12", ",", "000", "!!"), split("It costs $12,000!!"));
        assertEquals(List.of(" ", " 日本語", "\t\r\n"), split("  日本語\t\r\n"));
    }

    @Test
    void piecesSpellTheWholeText() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            String text = RandomText.next(random);
            assertEquals(text, String.join("", split(text)));
        }
    }
}
