package dev.elmstudio.engine.data.demo;

import java.util.Arrays;
import java.util.List;

/**
 * The numbers a simulated viewer's taste reacts to, one row per film, scaled so that each is
 * about unit-sized: genre (index into {@link #genres()}), era, acclaim, budget, and exposure
 * (how likely anyone is to come across the film at all, from IMDB votes or gross).
 */
final class FilmTraits {
    private final List<String> genres;
    private final int[] genre;
    private final double[] era;
    private final double[] acclaim;
    private final double[] budget;
    private final double[] logExposure;
    private final boolean[] familyFriendly;

    FilmTraits(List<Film> films) {
        genres = films.stream().map(Film::genre).distinct().sorted().toList();
        int n = films.size();
        genre = new int[n];
        era = new double[n];
        acclaim = new double[n];
        budget = new double[n];
        logExposure = new double[n];
        familyFriendly = new boolean[n];
        double medianBudget = median(films.stream().filter(f -> f.productionBudget() != null)
                .mapToDouble(f -> Math.log10(f.productionBudget())).toArray());
        for (int i = 0; i < n; i++) {
            Film film = films.get(i);
            genre[i] = genres.indexOf(film.genre());
            era[i] = (film.year() - 1995) / 15.0;
            acclaim[i] = (film.acclaim() - 0.6) / 0.15;
            double logBudget = film.productionBudget() == null ? medianBudget : Math.log10(film.productionBudget());
            budget[i] = (logBudget - medianBudget) / 0.5;
            // Votes say how many people saw a film; fall back on the gross, then on a small default.
            if (film.imdbVotes() != null && film.imdbVotes() > 0) {
                logExposure[i] = Math.log(film.imdbVotes());
            } else if (film.worldwideGross() != null) {
                logExposure[i] = Math.log(film.worldwideGross() / 1000.0);
            } else {
                logExposure[i] = Math.log(1000);
            }
            String rating = film.mpaaRating();
            familyFriendly[i] = "G".equals(rating) || "PG".equals(rating) || "Kids Fiction".equals(film.creativeType());
        }
    }

    int size() {
        return genre.length;
    }

    List<String> genres() {
        return genres;
    }

    int genre(int film) {
        return genre[film];
    }

    double era(int film) {
        return era[film];
    }

    double acclaim(int film) {
        return acclaim[film];
    }

    double budget(int film) {
        return budget[film];
    }

    double logExposure(int film) {
        return logExposure[film];
    }

    boolean familyFriendly(int film) {
        return familyFriendly[film];
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return 7;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
