package dev.elmstudio.engine.data;

import java.util.List;
import java.util.Optional;

/**
 * Everything an import produced. The catalogue, tags, links and genome hold only movies that kept
 * enough ratings (see {@link MovieLensImporter.Options#minRatingsPerMovie()}).
 *
 * @param catalogue the kept movies
 * @param ratings ratings of kept movies
 * @param tags user tags on kept movies (empty for ml-100k)
 * @param links IMDb / TMDB ids (empty when links.csv is absent)
 * @param genome the tag genome when genome-scores.csv and genome-tags.csv are present
 * @param users demographics (ml-100k only)
 * @param droppedMovies catalogue movies removed for having fewer ratings than the minimum (none counts)
 */
public record MovieLensDataset(Catalogue catalogue, Ratings ratings, UserTags tags, List<MovieLink> links,
        Optional<TagGenome> genome, List<UserProfile> users, int droppedMovies) {
    public MovieLensDataset {
        links = List.copyOf(links);
        users = List.copyOf(users);
    }
}
