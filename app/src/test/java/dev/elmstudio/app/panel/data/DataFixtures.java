package dev.elmstudio.app.panel.data;

import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.data.MovieLensImporter;
import dev.elmstudio.engine.data.demo.DemoWorld;
import dev.elmstudio.engine.data.demo.Film;
import dev.elmstudio.engine.data.demo.FilmsFile;
import dev.elmstudio.engine.data.demo.SimulatedAudience;
import dev.elmstudio.engine.data.embedding.EmbeddingCsv;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.engine.data.task.MovieFacts;
import dev.elmstudio.engine.data.task.TaskGenerator;
import dev.elmstudio.engine.data.task.TaskJsonl;
import dev.elmstudio.engine.factor.AlsConfig;
import dev.elmstudio.engine.factor.Factors;
import dev.elmstudio.engine.factor.Wals;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Data for the Data panel's tests, built in code: the demo world's committed film catalogue with a small
 * simulated audience written as a MovieLens folder, behavioral embeddings of its movies by ALS as a CSV, and
 * its movie tasks as JSON Lines. Never MovieLens data.
 */
final class DataFixtures {

    static final Path FILMS = Path.of("..", "assets", "demo", "films.jsonl");

    final Path movieLensFolder;
    final Path embeddingsCsv;
    final Path tasksJsonl;
    final MovieLensDataset dataset;

    private DataFixtures(Path movieLensFolder, Path embeddingsCsv, Path tasksJsonl, MovieLensDataset dataset) {
        this.movieLensFolder = movieLensFolder;
        this.embeddingsCsv = embeddingsCsv;
        this.tasksJsonl = tasksJsonl;
        this.dataset = dataset;
    }

    /** With {@code viewers} simulated viewers: more viewers rate more films past the 5-ratings cut, so the map fills up. */
    static DataFixtures write(Path folder, int viewers) throws IOException {
        List<Film> films = FilmsFile.read(FILMS);
        Path movieLens = folder.resolve("demo-movielens");
        DemoWorld.write(films, new SimulatedAudience.Config(viewers, 5), movieLens);
        MovieLensDataset data = new MovieLensImporter().importFolder(movieLens);
        Factors factors = new Wals(AlsConfig.defaults().withSeed(5)).train(data.ratings());
        Path csv = folder.resolve("behavioral.csv");
        EmbeddingCsv.write(EmbeddingSpace.movies("behavioral", factors), csv);
        List<MovieFacts> kept = new ArrayList<>();
        for (Film film : films) {
            if (data.catalogue().byId(film.id()).isPresent()) {
                kept.add(MovieFacts.of(film));
            }
        }
        Path tasks = folder.resolve("tasks.jsonl");
        TaskJsonl.write(TaskGenerator.movieTasks(kept.subList(0, 50)), tasks);
        return new DataFixtures(movieLens, csv, tasks, data);
    }

    static Path workspace(Path folder) {
        Workspace.openOrCreate(folder).close();
        return folder;
    }

    /** A copy of the MovieLens folder whose ratings.csv has a bad rating on line 3. */
    Path brokenCopy(Path folder) throws IOException {
        Path broken = folder.resolve("broken-movielens");
        Files.createDirectories(broken);
        for (String file : List.of("movies.csv", "ratings.csv")) {
            Files.copy(movieLensFolder.resolve(file), broken.resolve(file));
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(broken.resolve("ratings.csv")));
        String[] fields = lines.get(2).split(",");
        fields[2] = "lots";
        lines.set(2, String.join(",", fields));
        Files.write(broken.resolve("ratings.csv"), lines);
        return broken;
    }
}
