package dev.elmstudio.engine.eval.experiments;

import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.data.demo.DemoWorld;
import dev.elmstudio.engine.data.demo.Film;
import dev.elmstudio.engine.data.demo.FilmsFile;
import dev.elmstudio.engine.data.demo.SimulatedAudience;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.engine.data.task.MovieFacts;
import dev.elmstudio.engine.data.task.Splits;
import dev.elmstudio.engine.data.task.TaskGenerator;
import dev.elmstudio.engine.encode.MiniLmEncoder;
import dev.elmstudio.engine.encode.SemanticEmbeddings;
import dev.elmstudio.engine.factor.AlsConfig;
import dev.elmstudio.engine.factor.Factors;
import dev.elmstudio.engine.factor.Wals;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The demo world as the evaluation needs it: behavioral (ALS) movie and user vectors for the whole world, and for a
 * seeded subset of films their facts and semantic (all-MiniLM-L6-v2) embeddings, split into fine-tuning and held-out
 * films.
 *
 * @param facts facts of the subset, by id
 * @param train fine-tuning films (sorted ids)
 * @param heldOut held-out films, in a seeded order: (0,1), (2,3), … are the interpolation pairs
 */
record DemoData(Map<Integer, MovieFacts> facts, int[] train, int[] heldOut, IntFunction<float[]> semantic,
        IntFunction<float[]> behavioral, List<float[]> users, MiniLmEncoder encoder) {

    static DemoData build(DemoSettings s, Path folder) throws IOException {
        List<Film> films = FilmsFile.read(Path.of(FilmsFile.ASSET_PATH));
        MovieLensDataset world = DemoWorld.build(films, new SimulatedAudience.Config(DemoSettings.VIEWERS, s.seed()),
                folder.resolve("movielens"), null);
        Factors factors = new Wals(AlsConfig.defaults().withSeed(s.seed())).train(world.ratings());
        EmbeddingSpace movies = EmbeddingSpace.movies("movies-behavioral", factors);
        EmbeddingSpace userSpace = EmbeddingSpace.users("users-behavioral", factors);
        List<float[]> users = new ArrayList<>();
        for (int u = 0; u < userSpace.size(); u++) {
            users.add(userSpace.vector(u));
        }
        // The subset: a seeded sample of the films ALS kept (every subset film has a behavioral vector).
        int[] kept = factors.movieIds().clone();
        Splits.EntitySplit subset = Splits.holdOut(kept, Math.min(s.films(), kept.length), s.seed());
        Map<Integer, Film> byId = new LinkedHashMap<>();
        films.forEach(f -> byId.put(f.id(), f));
        Map<Integer, MovieFacts> facts = new LinkedHashMap<>();
        Map<Integer, List<String>> texts = new LinkedHashMap<>();
        for (int id : subset.test()) {
            MovieFacts f = MovieFacts.of(byId.get(id));
            facts.put(id, f);
            texts.put(id, TaskGenerator.describingTexts(f));
        }
        MiniLmEncoder encoder = new MiniLmEncoder();
        EmbeddingSpace semantic = SemanticEmbeddings.build("movies-semantic", texts, encoder, 64, null, null);
        Splits.EntitySplit split = Splits.holdOut(subset.test(), s.heldOut(), s.seed() + 1);
        return new DemoData(facts, split.train(), shuffled(split.test(), s.seed() + 2), semantic.byId(), movies.byId(),
                users, encoder);
    }

    /** A seeded order of the held-out ids, so pairs mix films rather than neighbouring ids. */
    private static int[] shuffled(int[] ids, long seed) {
        int[] out = ids.clone();
        Arrays.sort(out); // holdOut returns sorted ids; the order below must depend on the seed alone
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int i = out.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = out[i];
            out[i] = out[j];
            out[j] = swap;
        }
        return out;
    }

    /** Held-out pair k: films 2k and 2k + 1 of {@link #heldOut}. */
    int[] pair(int k) {
        return new int[] {heldOut[2 * k], heldOut[2 * k + 1]};
    }

    int pairCount() {
        return heldOut.length / 2;
    }
}
