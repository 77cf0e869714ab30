package dev.elmstudio.engine.data;

/** {@code links.csv}: where a movie lives on IMDb and TMDB (0 when the source leaves it empty). */
public record MovieLink(int movieId, int imdbId, int tmdbId) { }
