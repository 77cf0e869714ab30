package dev.elmstudio.engine.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * English-like text about films, generated from a seed: common words drawn with a Zipf-like skew (as
 * in real text), invented names and titles for a long tail, years, ratings and punctuation. Two
 * seeds give different text from the same distribution, so one can train and the other test.
 */
final class GeneratedCorpus {

    private static final String[] COMMON_WORDS = ("the of and a to in is it that was for on with as his her"
            + " by at this film from he she they be an are not but have one which their all story its were"
            + " has more who been when about there out up so into what than only other time can after like"
            + " first also new two over most some would very then them because through where while much"
            + " characters director audience scene scenes performance music camera ending years world life"
            + " love family war city young old great best good long little small right left light dark night"
            + " house road friend friends mother father daughter son brother sister police murder secret"
            + " journey escape return final last summer winter river island mountain dream memory stranger"
            + " comedy drama thriller western musical documentary horror romance adventure animation")
            .split(" ");
    private static final String[] SYLLABLES = ("ka lo mi ra ven to sa bel dor an el ri mar co lin da ther"
            + " gra ston wel ly ber son ha nes qui tor ve ma ru shi ko ta na ge wyn fla bri cal dun").split(" ");
    private static final String[] ADJECTIVES = ("quiet brilliant tense funny sad strange gentle brutal"
            + " beautiful slow clever bold warm cold odd tender").split(" ");
    private static final String[] PUNCTUATION = {".", ".", ".", "!", "?", ";", "..."};

    private final Random random;
    private final List<String> names = new ArrayList<>();

    private GeneratedCorpus(long seed) {
        this.random = new Random(seed);
        Random nameRandom = new Random(42); // every corpus shares the same cast of names
        for (int i = 0; i < 4000; i++) {
            StringBuilder name = new StringBuilder();
            int syllables = 2 + nameRandom.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                name.append(SYLLABLES[nameRandom.nextInt(SYLLABLES.length)]);
            }
            name.setCharAt(0, Character.toUpperCase(name.charAt(0)));
            names.add(name.toString());
        }
    }

    /** Paragraphs totalling about {@code approximateChars} characters. */
    static List<String> paragraphs(long seed, int approximateChars) {
        return new GeneratedCorpus(seed).generate(approximateChars);
    }

    /** One text of about {@code approximateChars} characters. */
    static String text(long seed, int approximateChars) {
        return String.join("\n\n", paragraphs(seed, approximateChars));
    }

    private List<String> generate(int approximateChars) {
        List<String> paragraphs = new ArrayList<>();
        int total = 0;
        while (total < approximateChars) {
            String paragraph = paragraph();
            paragraphs.add(paragraph);
            total += paragraph.length() + 2;
        }
        return paragraphs;
    }

    private String paragraph() {
        StringBuilder text = new StringBuilder();
        int sentences = 2 + random.nextInt(5);
        for (int s = 0; s < sentences; s++) {
            if (s > 0) {
                text.append(' ');
            }
            text.append(random.nextInt(3) == 0 ? factSentence() : freeSentence());
        }
        return text.toString();
    }

    private String factSentence() {
        return switch (random.nextInt(4)) {
            case 0 -> "\"" + title() + "\" (" + year() + ") is a " + pick(ADJECTIVES) + " "
                    + COMMON_WORDS[COMMON_WORDS.length - 1 - random.nextInt(10)] + " directed by " + name() + ".";
            case 1 -> name() + "'s " + pick(ADJECTIVES) + " film was rated " + random.nextInt(10) + "."
                    + random.nextInt(10) + " out of 10 by " + (100 + random.nextInt(90000)) + " viewers.";
            case 2 -> "It earned $" + (1 + random.nextInt(900)) + "," + String.format("%03d", random.nextInt(1000))
                    + " in " + year() + ", and " + name() + " didn't return for the sequel.";
            default -> "Starring " + name() + ", " + name() + " and " + name() + "; music by " + name() + ".";
        };
    }

    private String freeSentence() {
        int length = 5 + random.nextInt(14);
        StringBuilder sentence = new StringBuilder();
        for (int w = 0; w < length; w++) {
            if (w > 0) {
                sentence.append(random.nextInt(12) == 0 ? ", " : " ");
            }
            sentence.append(random.nextInt(8) == 0 ? name() : zipfWord());
        }
        sentence.setCharAt(0, Character.toUpperCase(sentence.charAt(0)));
        return sentence.append(pick(PUNCTUATION)).toString();
    }

    /** A common word, the i-th with probability roughly proportional to 1 / (i + 1). */
    private String zipfWord() {
        double u = random.nextDouble();
        int index = (int) Math.floor(Math.pow(COMMON_WORDS.length + 1, u)) - 1;
        return COMMON_WORDS[Math.min(index, COMMON_WORDS.length - 1)];
    }

    private String name() {
        // Squaring skews towards the first names: a few stars, a long tail of one-off names.
        double u = random.nextDouble();
        return names.get((int) (u * u * names.size()));
    }

    private String title() {
        String first = zipfWord();
        return "The " + Character.toUpperCase(first.charAt(0)) + first.substring(1) + " of " + name();
    }

    private int year() {
        return 1920 + random.nextInt(105);
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
