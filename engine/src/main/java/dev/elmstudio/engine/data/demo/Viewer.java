package dev.elmstudio.engine.data.demo;

import java.util.SplittableRandom;

/**
 * One simulated viewer's taste. Affinity for a film is a sum of parts a researcher can name:
 * how much they like its genre, how far it is from the era they prefer, how much they care about
 * acclaim, whether they go for big-budget films, and whether they watch mostly family films.
 */
final class Viewer {
    final double[] genreLike;
    final double favouriteEra;
    final double eraTolerance;
    final double acclaimWeight;
    final double budgetWeight;
    final double familyWeight;
    final double generosity;
    final int filmsToRate;
    final double tagRate;

    private Viewer(double[] genreLike, double favouriteEra, double eraTolerance, double acclaimWeight, double budgetWeight,
            double familyWeight, double generosity, int filmsToRate, double tagRate) {
        this.genreLike = genreLike;
        this.favouriteEra = favouriteEra;
        this.eraTolerance = eraTolerance;
        this.acclaimWeight = acclaimWeight;
        this.budgetWeight = budgetWeight;
        this.familyWeight = familyWeight;
        this.generosity = generosity;
        this.filmsToRate = filmsToRate;
        this.tagRate = tagRate;
    }

    static Viewer draw(SplittableRandom random, int genres, int filmCount) {
        double[] like = new double[genres];
        for (int g = 0; g < genres; g++) {
            like[g] = 0.6 * random.nextGaussian();
        }
        // Most people have one or two genres they seek out.
        int favourites = 1 + random.nextInt(2);
        for (int i = 0; i < favourites; i++) {
            like[random.nextInt(genres)] += 1.5;
        }
        double era = 0.3 + 0.6 * random.nextGaussian();
        double tolerance = 0.5 + random.nextDouble();
        double acclaim = 0.4 + 0.4 * random.nextGaussian();
        double budget = 0.5 * random.nextGaussian();
        double family = random.nextDouble() < 0.15 ? 1.5 : 0;
        double generosity = 0.4 * random.nextGaussian();
        // Heavy-tailed activity, as in MovieLens: most rate a few dozen films, a few rate hundreds.
        int films = (int) Math.min(filmCount / 3.0, 15 + Math.exp(3.0 + 0.8 * random.nextGaussian()));
        double tagRate = random.nextDouble() < 0.2 ? 0.05 + 0.25 * random.nextDouble() : 0;
        return new Viewer(like, era, tolerance, acclaim, budget, family, generosity, films, tagRate);
    }

    double affinity(FilmTraits traits, int film) {
        double distance = (traits.era(film) - favouriteEra) / eraTolerance;
        return genreLike[traits.genre(film)]
                - 0.5 * distance * distance
                + acclaimWeight * traits.acclaim(film)
                + budgetWeight * traits.budget(film)
                + (traits.familyFriendly(film) ? familyWeight : 0);
    }
}
