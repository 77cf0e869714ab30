package dev.elmstudio.engine.data.task;

import java.util.Map;

/** The prompt of each built-in task, after the paper's task list; slots are filled with embeddings. */
public final class TaskPrompts {
    public static final Map<String, String> PROMPTS = Map.ofEntries(
            Map.entry("summary", "Summarize the movie {movie} in one paragraph."),
            Map.entry("long_description", "Describe the movie {movie} in detail."),
            Map.entry("positive_review", "Write a positive review of the movie {movie}."),
            Map.entry("negative_review", "Write a negative review of the movie {movie}."),
            Map.entry("neutral_review", "Write a neutral review of the movie {movie}."),
            Map.entry("five_positive_characteristics", "List five positive characteristics of the movie {movie}."),
            Map.entry("five_negative_characteristics", "List five negative characteristics of the movie {movie}."),
            Map.entry("movie_to_viewer", "Describe a viewer who would like the movie {movie}."),
            Map.entry("similarities", "List three similarities and three differences between the movies {movie1} and {movie2}."),
            Map.entry("interpolation", "Describe a new movie that lies between {movie1} and {movie2}."),
            Map.entry("why_like_nn", "Why would someone who likes the movie {movie1} also like the movie {movie2}?"),
            Map.entry("diff_than_nn", "How is the movie {movie1} different from the movie {movie2}?"),
            Map.entry("common_with_nn", "What do the movies {movie1} and {movie2} have in common?"),
            Map.entry("user_profile", "In ten bullet points, describe the viewer {user}: what they like and what they dislike."));

    private TaskPrompts() {
    }

    public static String of(String task) {
        String prompt = PROMPTS.get(task);
        if (prompt == null) {
            throw new IllegalArgumentException("unknown task '" + task + "' (known: " + new java.util.TreeSet<>(PROMPTS.keySet()) + ")");
        }
        return prompt;
    }
}
