package dev.elmstudio.engine.data.demo;

import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.engine.data.embedding.NpyFiles;
import dev.elmstudio.engine.data.task.MovieFacts;
import dev.elmstudio.engine.data.task.NearestNeighbours;
import dev.elmstudio.engine.data.task.TaskExample;
import dev.elmstudio.engine.data.task.TaskGenerator;
import dev.elmstudio.engine.data.task.TaskJsonl;
import dev.elmstudio.engine.encode.MiniLmEncoder;
import dev.elmstudio.engine.encode.SemanticEmbeddings;
import dev.elmstudio.engine.factor.AlsConfig;
import dev.elmstudio.engine.factor.Factors;
import dev.elmstudio.engine.factor.QualityReport;
import dev.elmstudio.engine.factor.Wals;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the whole demo world from the committed catalogue, the command that reproduces it:
 * <pre>java -cp ... dev.elmstudio.engine.data.demo.DemoWorldBuilder assets/demo/films.jsonl out/demo-world [seed] [viewers]</pre>
 * Writes {@code movielens/} (the simulated audience in MovieLens format), {@code embeddings/}
 * (behavioral movies and users by ALS, semantic movies by all-MiniLM-L6-v2, as .npy) and
 * {@code tasks.jsonl}, and prints the ALS quality report.
 */
public final class DemoWorldBuilder {
    private DemoWorldBuilder() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: DemoWorldBuilder <films.jsonl> <output folder> [seed] [viewers]");
            System.exit(2);
        }
        List<Film> films = FilmsFile.read(Path.of(args[0]));
        Path out = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : SimulatedAudience.Config.defaults().seed();
        int viewers = args.length > 3 ? Integer.parseInt(args[3]) : SimulatedAudience.Config.defaults().viewers();

        MovieLensDataset world = DemoWorld.build(films, new SimulatedAudience.Config(viewers, seed), out.resolve("movielens"), null);
        System.out.printf("simulated audience: %d viewers, %d ratings, %d tags; %d films kept, %d dropped (< 5 ratings)%n",
                world.ratings().userCount(), world.ratings().size(), world.tags().size(), world.catalogue().size(), world.droppedMovies());

        AlsConfig als = AlsConfig.defaults().withSeed(seed);
        System.out.println("ALS quality: " + QualityReport.measure(world.ratings(), als, 20, 10_000).summary());
        Factors factors = new Wals(als).train(world.ratings());
        NpyFiles.write(EmbeddingSpace.movies("movies-behavioral", factors), out.resolve("embeddings/movies-behavioral.npy"));
        NpyFiles.write(EmbeddingSpace.users("users-behavioral", factors), out.resolve("embeddings/users-behavioral.npy"));

        Map<Integer, MovieFacts> facts = new LinkedHashMap<>();
        for (Film film : films) {
            if (world.catalogue().byId(film.id()).isPresent()) {
                facts.put(film.id(), MovieFacts.of(film));
            }
        }
        Map<Integer, List<String>> texts = new LinkedHashMap<>();
        facts.forEach((id, f) -> texts.put(id, TaskGenerator.describingTexts(f)));
        EmbeddingSpace semantic = SemanticEmbeddings.build("movies-semantic", texts, new MiniLmEncoder(), 64,
                (done, total) -> System.out.printf("encoded %d/%d texts%n", done, total), null);
        NpyFiles.write(semantic, out.resolve("embeddings/movies-semantic.npy"));

        List<MovieFacts> movies = new ArrayList<>(facts.values());
        List<TaskExample> tasks = new ArrayList<>(TaskGenerator.movieTasks(movies));
        tasks.addAll(TaskGenerator.pairTasks(movies, seed));
        tasks.addAll(TaskGenerator.neighbourTasks(movies, NearestNeighbours.of(semantic)));
        tasks.addAll(TaskGenerator.userProfiles(world.ratings(), facts));
        TaskJsonl.write(tasks, out.resolve("tasks.jsonl"));
        System.out.printf("wrote %d task examples to %s%n", tasks.size(), out.resolve("tasks.jsonl"));
    }
}
