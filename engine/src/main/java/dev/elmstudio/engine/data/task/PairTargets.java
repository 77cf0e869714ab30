package dev.elmstudio.engine.data.task;

import java.util.ArrayList;
import java.util.List;

/** Two-movie task targets (similarities, interpolation, the nearest-neighbour tasks) from facts. */
final class PairTargets {
    private PairTargets() {
    }

    static String similarities(MovieFacts a, MovieFacts b) {
        List<String> same = new ArrayList<>();
        List<String> different = new ArrayList<>();
        (sharesGenre(a, b) ? same : different).add(sharesGenre(a, b) ? "Both are " + a.genrePhrase() + " films"
                : a.title() + " is " + MovieTargets.article(a.genrePhrase()) + " " + a.genrePhrase() + ", " + b.title() + " "
                        + MovieTargets.article(b.genrePhrase()) + " " + b.genrePhrase());
        boolean sameDecade = a.year() > 0 && a.year() / 10 == b.year() / 10;
        (sameDecade ? same : different).add(sameDecade ? "Both come from the " + a.year() / 10 * 10 + "s"
                : a.title() + " is from " + year(a) + ", " + b.title() + " from " + year(b));
        if (a.acclaim() != null && b.acclaim() != null) {
            boolean close = Math.abs(a.acclaim() - b.acclaim()) < 0.1;
            (close ? same : different).add(close ? "Both were " + MovieTargets.reception(a.acclaim())
                    : a.title() + " was " + MovieTargets.reception(a.acclaim()) + ", " + b.title() + " " + MovieTargets.reception(b.acclaim()));
        }
        boolean sameDirector = a.director() != null && a.director().equals(b.director());
        if (sameDirector) {
            same.add("Both were directed by " + a.director());
        } else if (a.director() != null && b.director() != null) {
            different.add("Different directors: " + a.director() + " and " + b.director());
        }
        return "Similarities:\n" + bullets(same) + "\nDifferences:\n" + bullets(different);
    }

    static String interpolation(MovieFacts a, MovieFacts b) {
        String genre = sharesGenre(a, b) ? a.genrePhrase() : a.genrePhrase() + " with " + b.genrePhrase() + " elements";
        int year = a.year() > 0 && b.year() > 0 ? (a.year() + b.year()) / 2 : Math.max(a.year(), b.year());
        return "A " + genre + " film" + (year > 0 ? " in the style of the " + year / 10 * 10 + "s" : "")
                + " that mixes the tone of " + a.title() + " with the story of " + b.title() + ".";
    }

    static String whyLikeNeighbour(MovieFacts a, MovieFacts b) {
        return "Someone who likes " + a.title() + " will probably like " + b.title() + ": "
                + (sharesGenre(a, b) ? "both are " + a.genrePhrase() + " films" : "their audiences overlap")
                + (a.director() != null && a.director().equals(b.director()) ? " by the same director, " + a.director() : "") + ".";
    }

    static String differenceFromNeighbour(MovieFacts a, MovieFacts b) {
        return a.title() + " differs from " + b.title() + " in " + (sharesGenre(a, b) ? "its era (" + year(a) + " against " + year(b) + ")"
                : "genre: " + a.genrePhrase() + " rather than " + b.genrePhrase()) + ".";
    }

    static String commonWithNeighbour(MovieFacts a, MovieFacts b) {
        List<String> common = new ArrayList<>();
        if (sharesGenre(a, b)) {
            common.add("the " + a.genrePhrase() + " genre");
        }
        if (a.year() > 0 && a.year() / 10 == b.year() / 10) {
            common.add("the " + a.year() / 10 * 10 + "s");
        }
        if (a.director() != null && a.director().equals(b.director())) {
            common.add("their director, " + a.director());
        }
        return a.title() + " and " + b.title() + " share " + (common.isEmpty() ? "an audience" : String.join(", ", common)) + ".";
    }

    private static boolean sharesGenre(MovieFacts a, MovieFacts b) {
        return !a.genres().isEmpty() && a.genres().stream().anyMatch(b.genres()::contains);
    }

    private static String year(MovieFacts m) {
        return m.year() > 0 ? String.valueOf(m.year()) : "an unknown year";
    }

    private static String bullets(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append("- ").append(line).append('\n');
        }
        return out.toString().stripTrailing();
    }
}
