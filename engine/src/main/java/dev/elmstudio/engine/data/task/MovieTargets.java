package dev.elmstudio.engine.data.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes single-movie task targets from a movie's facts alone. The paper asked a large LLM; the
 * demo has none, so targets say only what the metadata supports, in plain template sentences.
 * Tasks that need invention (funnier version, pitch) are left out rather than faked.
 */
final class MovieTargets {
    private MovieTargets() {
    }

    static String summary(MovieFacts m) {
        StringBuilder out = new StringBuilder();
        out.append(m.titleWithYear()).append(" is ").append(article(m.genrePhrase())).append(' ').append(m.genrePhrase()).append(" film");
        if (m.director() != null) {
            out.append(" directed by ").append(m.director());
        }
        out.append('.');
        if (m.acclaim() != null) {
            out.append(" It was ").append(reception(m.acclaim())).append('.');
        }
        return out.toString();
    }

    static String longDescription(MovieFacts m) {
        StringBuilder out = new StringBuilder(summary(m));
        if (m.creativeType() != null) {
            out.append(" It is a work of ").append(m.creativeType().toLowerCase(Locale.ROOT));
            out.append(m.source() != null ? ", " + sourcePhrase(m.source()) + "." : ".");
        }
        if (m.runningTimeMin() != null) {
            out.append(" It runs ").append(m.runningTimeMin()).append(" minutes");
            out.append(m.mpaaRating() != null ? " and is rated " + m.mpaaRating() + "." : ".");
        }
        if (m.budget() != null) {
            out.append(" It was made for about ").append(money(m.budget()));
            out.append(m.worldwideGross() != null ? " and earned " + money(m.worldwideGross()) + " worldwide." : ".");
        }
        return out.toString();
    }

    static String review(MovieFacts m, String tone) {
        String genre = m.genrePhrase();
        return switch (tone) {
            case "positive" -> m.titleWithYear() + " is " + article(genre) + " " + genre + " worth seeing"
                    + (m.director() != null ? ": " + m.director() + " knows what the genre needs" : "")
                    + ". Fans of " + genre + " will find plenty to enjoy" + (m.acclaim() != null && m.acclaim() > 0.7
                            ? ", and critics and audiences agreed." : ".");
            case "negative" -> m.titleWithYear() + " never rises above the usual " + genre + " formula"
                    + (m.acclaim() != null && m.acclaim() < 0.5 ? ", and its poor reception was deserved." : ".")
                    + " Viewers who are not already fans of " + genre + " can skip it.";
            default -> m.titleWithYear() + " is " + article(genre) + " " + genre + (m.director() != null ? " by " + m.director() : "")
                    + (m.acclaim() != null ? " that was " + reception(m.acclaim()) : "") + ". It delivers what the genre promises, no more and no less.";
        };
    }

    static String characteristics(MovieFacts m, boolean positive) {
        List<String> points = new ArrayList<>();
        String genre = m.genrePhrase();
        if (positive) {
            points.add("A clear " + genre + " identity");
            points.add(m.director() != null ? "Direction by " + m.director() : "A focused, single-minded story");
            points.add(m.acclaim() != null && m.acclaim() >= 0.6 ? "Well received by critics and audiences" : "A loyal audience among genre fans");
            points.add(m.budget() != null && m.budget() >= 50_000_000L ? "Big-budget production values" : "Modest means used with care");
            points.add(m.year() > 0 && m.year() < 1980 ? "The charm of its era" : "A pace suited to modern audiences");
        } else {
            points.add("Relies on " + genre + " conventions");
            points.add(m.acclaim() != null && m.acclaim() < 0.5 ? "A poor critical reception" : "Little that surprises");
            points.add(m.runningTimeMin() != null && m.runningTimeMin() > 130 ? "A long running time" : "Thin characters");
            points.add(m.budget() != null && m.budget() < 10_000_000L ? "Visible budget limits" : "Spectacle over substance at times");
            points.add(m.year() > 0 && m.year() < 1980 ? "Dated in places" : "Forgettable for viewers outside the genre");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            out.append(i + 1).append(". ").append(points.get(i)).append(i + 1 < points.size() ? "\n" : "");
        }
        return out.toString();
    }

    static String movieToViewer(MovieFacts m) {
        return "A viewer who enjoys " + m.genrePhrase() + (m.year() > 0 ? " films from the " + (m.year() / 10 * 10) + "s" : " films")
                + (m.director() != null ? ", likes the work of " + m.director() : "")
                + (m.acclaim() != null && m.acclaim() >= 0.7 ? " and seeks out acclaimed films" : "") + ".";
    }

    static String reception(double acclaim) {
        if (acclaim >= 0.8) {
            return "widely acclaimed";
        }
        if (acclaim >= 0.6) {
            return "well received";
        }
        if (acclaim >= 0.45) {
            return "met with mixed reviews";
        }
        return "poorly received";
    }

    static String article(String word) {
        return "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an" : "a";
    }

    private static String sourcePhrase(String source) {
        return source.startsWith("Based on") ? source.toLowerCase(Locale.ROOT).replace("/", " or ") : "from " + source.toLowerCase(Locale.ROOT);
    }

    static String money(long dollars) {
        return dollars >= 1_000_000 ? "$" + Math.round(dollars / 1e6) + " million" : String.format(Locale.ROOT, "$%,d", dollars);
    }
}
