package dev.elmstudio.app.panel.rate;

import java.util.List;
import java.util.Map;

/**
 * The paper's three statements a rater agrees or disagrees with (1 strongly disagree … 5 strongly agree) for each
 * text: it is consistent with the item, its language is coherent, and it has the task's own quality (the paper's
 * example: "the funny version is indeed funnier").
 */
public final class Statements {

    public static final int COUNT = 3;

    /** The five points of the agreement scale, 1 first. */
    public static final List<String> SCALE = List.of("Strongly disagree", "Disagree", "Neither agree nor disagree",
            "Agree", "Strongly agree");

    private static final Map<String, String> TASK_QUALITY = Map.ofEntries(
            Map.entry("summary", "It is a good summary of the movie."),
            Map.entry("long_description", "It describes the movie in detail."),
            Map.entry("positive_review", "It reads as a positive review."),
            Map.entry("negative_review", "It reads as a negative review."),
            Map.entry("neutral_review", "It reads as a neutral, balanced review."),
            Map.entry("five_positive_characteristics", "It lists five positive characteristics of the movie."),
            Map.entry("five_negative_characteristics", "It lists five negative characteristics of the movie."),
            Map.entry("funnier", "The funny version is indeed funnier."),
            Map.entry("sadder", "The sad version is indeed sadder."),
            Map.entry("scarier", "The scary version is indeed scarier."),
            Map.entry("improve", "The improved version is indeed better."),
            Map.entry("movie_to_viewer", "It describes a viewer who would like the movie."),
            Map.entry("pitch", "It would convince a producer to make the movie."),
            Map.entry("criticize", "It is a pertinent criticism of the movie."),
            Map.entry("similarities", "It names real similarities and differences between the two movies."),
            Map.entry("interpolation", "It describes a new movie that lies between the two movies."),
            Map.entry("why_like_nn", "It explains why someone who likes one movie would like the other."),
            Map.entry("diff_than_nn", "It says how the two movies differ."),
            Map.entry("common_with_nn", "It says what the two movies have in common."),
            Map.entry("user_profile", "It describes what this viewer likes and dislikes."));

    private static final java.util.Set<String> PAIR_TASKS =
            java.util.Set.of("similarities", "interpolation", "why_like_nn", "diff_than_nn", "common_with_nn");

    private Statements() { }

    /** Statement 1..3 for a task, as the rater reads it. */
    public static String text(String task, int statement) {
        return switch (statement) {
            case 1 -> "The text is consistent with the " + subject(task) + " named above.";
            case 2 -> "The language is coherent and comprehensive.";
            case 3 -> TASK_QUALITY.getOrDefault(task, "It does well what the task asked for.");
            default -> throw new IllegalArgumentException("statement must be 1, 2 or 3, got " + statement);
        };
    }

    /** What statement 1 asks the text to be consistent with. */
    private static String subject(String task) {
        if (task.startsWith("user")) {
            return "viewer";
        }
        if (PAIR_TASKS.contains(task)) {
            return "movies";
        }
        return TASK_QUALITY.containsKey(task) ? "movie" : "item";
    }

    /** Short column names for tables and the export. */
    public static String shortName(int statement) {
        return switch (statement) {
            case 1 -> "consistent";
            case 2 -> "coherent";
            case 3 -> "task quality";
            default -> throw new IllegalArgumentException("statement must be 1, 2 or 3, got " + statement);
        };
    }
}
