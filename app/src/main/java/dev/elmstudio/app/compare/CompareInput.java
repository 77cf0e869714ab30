package dev.elmstudio.app.compare;

/** The one input both models answer in a comparison. */
public sealed interface CompareInput {
    /** The single-slot task the ELM answers with ("summary"). */
    String task();

    /** A film, through the task's prompt. */
    record Entity(int movieId, String task) implements CompareInput {}

    /** (1 − t)·A + t·B: the ELM describes the mixed vector with {@code task}; t = 0 is {@code from}. */
    record Interpolation(int from, int to, double t, String task) implements CompareInput {}

    /** The film's vector pushed {@code strength} along the CAV of {@code genre}, a concept name ("genre:Horror"). */
    record CavShift(int movieId, String genre, double strength, String task) implements CompareInput {}
}
