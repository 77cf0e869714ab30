package dev.elmstudio.engine.data;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes small MovieLens-format folders in code: MovieLens data itself may not be committed. */
final class MovieLensFixtures {
    private MovieLensFixtures() {
    }

    /**
     * A ml-latest-small-like folder with quoted titles holding commas and quotes, a title without a
     * year, UTF-8 titles and a movie with too few ratings (id 5: two ratings).
     */
    static Path csvRelease(Path dir) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve("movies.csv"), StandardCharsets.UTF_8,
                "movieId,title,genres",
                "1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy",
                "2,\"American President, The (1995)\",Comedy|Drama|Romance",
                "3,Hyena Road,(no genres listed)",
                "4,\"Léon: The Professional (a.k.a. \"\"The Professional\"\") (1994)\",Action|Crime|Drama|Thriller",
                "5,Babylon 5 (1994-1998) ,Sci-Fi");
        StringBuilder ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (int user = 1; user <= 6; user++) {
            for (int movie = 1; movie <= 4; movie++) {
                ratings.append(user).append(',').append(movie).append(',').append(0.5 + ((user + movie) % 10) * 0.5)
                        .append(',').append(964982703 + user * 10 + movie).append('\n');
            }
        }
        ratings.append("1,5,4.0,964982703\n2,5,3.5,964982704\n");
        Files.writeString(dir.resolve("ratings.csv"), ratings.toString(), StandardCharsets.UTF_8);
        write(dir.resolve("tags.csv"), StandardCharsets.UTF_8,
                "userId,movieId,tag,timestamp",
                "1,1,funny,1139045764",
                "2,1,\"pixar, animation\",1139045765",
                "3,4,assassin,1139045766",
                "3,5,space,1139045767");
        write(dir.resolve("links.csv"), StandardCharsets.UTF_8,
                "movieId,imdbId,tmdbId", "1,0114709,862", "2,0112346,9087", "3,5119116,", "4,0110413,101", "5,0105946,");
        return dir;
    }

    static void addGenome(Path dir) throws IOException {
        write(dir.resolve("genome-tags.csv"), StandardCharsets.UTF_8, "tagId,tag", "1,funny", "2,\"dark, gritty\"");
        write(dir.resolve("genome-scores.csv"), StandardCharsets.UTF_8, "movieId,tagId,relevance",
                "1,1,0.95", "1,2,0.05", "2,1,0.4", "2,2,0.2", "5,1,0.1", "5,2,0.3");
    }

    /** A ml-100k-like folder: u.item in Latin-1 with a non-ASCII title and 19 genre flags. */
    static Path ml100k(Path dir) throws IOException {
        Files.createDirectories(dir);
        String flags = "|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0";
        write(dir.resolve("u.item"), StandardCharsets.ISO_8859_1,
                "1|Toy Story (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Toy%20Story%20(1995)" + flags,
                "2|Ma vie en rose (1997)|01-Jan-1997||http://x" + "|0|0|0|0|0|1|0|0|1|0|0|0|0|0|0|0|0|0|0",
                "3|Café au lait|01-Jan-1994||http://x" + "|0|0|0|0|0|1|0|0|0|0|0|0|0|0|0|0|0|0|0");
        StringBuilder data = new StringBuilder();
        for (int user = 1; user <= 5; user++) {
            for (int item = 1; item <= 3; item++) {
                data.append(user).append('\t').append(item).append('\t').append(1 + (user + item) % 5)
                        .append('\t').append(881250949 + user).append('\n');
            }
        }
        Files.writeString(dir.resolve("u.data"), data.toString(), StandardCharsets.ISO_8859_1);
        write(dir.resolve("u.user"), StandardCharsets.ISO_8859_1,
                "1|24|M|technician|85711", "2|53|F|other|94043", "3|23|M|writer|32067", "4|24|M|technician|43537",
                "5|33|F|other|15213");
        return dir;
    }

    static void write(Path file, Charset charset, String... lines) throws IOException {
        Files.writeString(file, String.join("\n", List.of(lines)) + "\n", charset);
    }
}
