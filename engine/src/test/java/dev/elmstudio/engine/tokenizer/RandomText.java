package dev.elmstudio.engine.tokenizer;

import java.util.Random;

/**
 * Random strings built to stress byte-level round trips: emoji with ZWJ sequences, skin tones and
 * flags, CJK, combining marks, control characters U+0000–U+001F, CR LF, tabs, runs of spaces at the
 * start, middle and end, other scripts, and arbitrary code points from every plane.
 */
final class RandomText {

    private static final String[] EMOJI = {
        "😀", "🎬", "🍿", "👍🏽", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇯🇵", "🇫🇷", "1️⃣", "🧑🏿‍🚀", "❤️", "🤷‍♀️", "👩‍❤️‍💋‍👨"
    };
    private static final String[] OTHER_SCRIPTS = {
        "Привет", "مرحبا", "שלום", "नमस्ते", "こんにちは", "안녕하세요", "Γειά", "ñandú", "straße", "ﬁ"
    };
    private static final String[] SPECIAL_CHARACTERS = {
        "\uFEFF", "\u00A0", "\u2028", "\u200B", "\u00AD", "\uFFFD", "\u3000", "'s", "'ll", "<|", "|>", "<|eos|>"
    };

    private RandomText() {}

    static String next(Random random) {
        StringBuilder text = new StringBuilder();
        if (random.nextInt(4) == 0) {
            text.append(" ".repeat(1 + random.nextInt(3)));
        }
        int fragments = 1 + random.nextInt(12);
        for (int i = 0; i < fragments; i++) {
            appendFragment(random, text);
        }
        if (random.nextInt(4) == 0) {
            text.append(" ".repeat(1 + random.nextInt(3)));
        }
        return text.toString();
    }

    private static void appendFragment(Random random, StringBuilder text) {
        switch (random.nextInt(12)) {
            case 0 -> text.append(EMOJI[random.nextInt(EMOJI.length)]);
            case 1 -> text.appendCodePoint(0x4E00 + random.nextInt(0x9FFF - 0x4E00 + 1)); // CJK
            case 2 -> { // a base letter with up to three combining marks
                text.append((char) ('a' + random.nextInt(26)));
                for (int m = 1 + random.nextInt(3); m > 0; m--) {
                    text.append((char) (0x0300 + random.nextInt(0x70)));
                }
            }
            case 3 -> text.append((char) random.nextInt(0x20)); // control characters, NUL included
            case 4 -> text.append(random.nextBoolean() ? "\r\n" : "\t");
            case 5 -> text.append(" ".repeat(1 + random.nextInt(4)));
            case 6 -> text.append(OTHER_SCRIPTS[random.nextInt(OTHER_SCRIPTS.length)]);
            case 7 -> text.append(SPECIAL_CHARACTERS[random.nextInt(SPECIAL_CHARACTERS.length)]);
            case 8 -> text.appendCodePoint(anyCodePoint(random));
            case 9 -> text.append(random.nextInt(100000));
            default -> text.append(random.nextBoolean() ? " the" : "film").append(random.nextBoolean() ? "," : "");
        }
    }

    /** Any Unicode scalar value: every plane, surrogates excluded (they are not characters). */
    private static int anyCodePoint(Random random) {
        while (true) {
            int codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
            if (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE) {
                return codePoint;
            }
        }
    }
}
