package dev.elmstudio.engine.data.demo;

/**
 * A real film of the demo catalogue, cleaned from vega-datasets' movies.json. Unknown values are
 * null (never 0: the source's zero grosses mean "not known").
 *
 * @param id 1-based, stable for a given source file
 * @param releaseDate ISO date, "1998-06-12"
 * @param rottenTomatoes Rotten Tomatoes score 0..100
 * @param imdbRating IMDB rating 1..10
 */
public record Film(int id, String title, int year, String releaseDate, String genre, String creativeType, String source,
        String director, String distributor, String mpaaRating, Integer runningTimeMin, Long productionBudget,
        Long usGross, Long worldwideGross, Long usDvdSales, Integer rottenTomatoes, Double imdbRating, Integer imdbVotes) {

    public Film {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("film " + id + " has no title");
        }
        if (genre == null) {
            throw new IllegalArgumentException("film " + id + " (" + title + ") has no genre");
        }
    }

    /** Acclaim in 0..1: the mean of the IMDB and Rotten Tomatoes scores that are known. */
    public double acclaim() {
        double sum = 0;
        int n = 0;
        if (imdbRating != null) {
            sum += (imdbRating - 1) / 9;
            n++;
        }
        if (rottenTomatoes != null) {
            sum += rottenTomatoes / 100.0;
            n++;
        }
        return n == 0 ? 0.5 : sum / n;
    }
}
