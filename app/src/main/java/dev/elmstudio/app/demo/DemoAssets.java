package dev.elmstudio.app.demo;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo's files under an assets folder, as {@code assets/build-demo-assets.sh} writes them:
 *
 * <pre>
 *   demo/films.jsonl                   the film catalogue the simulated audience rates
 *   demo/base-lm/                      the pretrained base LM (Hugging Face folder with tokenizer.json)
 *   demo/elm/                          the trained ELM, without an LM copy (its manifest names ../base-lm)
 *   demo/baseline/                     the text-only baseline, the same way
 *   demo/space/movies-behavioral.npy   the behavioral vectors the ELM was trained on (+ .ids.npy)
 *   demo/space/movies-semantic.npy     the films' semantic vectors (all-MiniLM-L6-v2), for SC (+ .ids.npy)
 *   demo/eval/report-items.csv         the ELM vs baseline evaluation, item by item (+ summary CSV, JSON)
 *   demo/runs.json                     the build's runs ('elm runs --json'): their settings
 *   demo/elm-run.json                  the ELM run with its training curves ('elm runs RUN --json --series')
 *   demo/build.json                    seed, held-out films, run ids of the build
 * </pre>
 */
public record DemoAssets(Path folder) {

    /** The demo assets under the folder {@link AssetLocator} finds. */
    public static DemoAssets locate() {
        return new DemoAssets(AssetLocator.forThisProcess().locate());
    }

    public Path demo() { return folder.resolve("demo"); }
    public Path films() { return demo().resolve("films.jsonl"); }
    public Path baseLm() { return demo().resolve("base-lm"); }
    public Path elm() { return demo().resolve("elm"); }
    public Path baseline() { return demo().resolve("baseline"); }
    public Path space() { return demo().resolve("space").resolve("movies-behavioral.npy"); }
    public Path semanticSpace() { return demo().resolve("space").resolve("movies-semantic.npy"); }
    public Path evalItems() { return demo().resolve("eval").resolve("report-items.csv"); }
    public Path runs() { return demo().resolve("runs.json"); }
    public Path build() { return demo().resolve("build.json"); }
    /** The ELM run as 'elm runs RUN --json --series' reports it: settings and every logged metric value. */
    public Path elmRun() { return demo().resolve("elm-run.json"); }

    /** The ELM run's logged metric values, in the order they were logged per metric. */
    List<dev.elmstudio.storage.Metric> elmMetrics() throws IOException {
        List<dev.elmstudio.storage.Metric> metrics = new java.util.ArrayList<>();
        try {
            JsonObject series = readJson(elmRun()).getAsJsonObject().getAsJsonObject("series");
            for (var entry : series.entrySet()) {
                for (JsonElement point : entry.getValue().getAsJsonArray()) {
                    JsonArray p = point.getAsJsonArray();
                    metrics.add(new dev.elmstudio.storage.Metric(p.get(0).getAsLong(), entry.getKey(), p.get(1).getAsDouble()));
                }
            }
        } catch (RuntimeException e) {
            throw new IOException(elmRun() + ": no readable 'series' of [step, value] pairs (" + e.getMessage() + ")", e);
        }
        return metrics;
    }

    /** Fails naming the first missing file, so a damaged install says what to restore. */
    public void check() {
        for (Path required : List.of(films(), baseLm().resolve("config.json"), baseLm().resolve("model.safetensors"),
                baseLm().resolve("tokenizer.json"), elm().resolve("elm.json"), baseline().resolve("elm.json"), space(),
                semanticSpace(), evalItems(), runs(), build())) {
            if (!Files.isRegularFile(required)) {
                throw new IllegalStateException("The demo assets in " + folder + " are incomplete: " + required
                        + " is missing (rebuild them with assets/build-demo-assets.sh or reinstall ELM Studio)");
            }
        }
    }

    /** build.json: seed, held_out_films, elm_run, baseline_run. */
    JsonObject buildInfo() throws IOException {
        return readJson(build()).getAsJsonObject();
    }

    /** The settings ('config') the build recorded for run {@code id}. */
    JsonObject runConfig(long id) throws IOException {
        JsonArray runs = readJson(runs()).getAsJsonArray();
        for (JsonElement run : runs) {
            JsonObject r = run.getAsJsonObject();
            if (r.get("id").getAsLong() == id) {
                return r.getAsJsonObject("config");
            }
        }
        throw new IOException(runs() + " has no run " + id + " (it must list the runs build.json names)");
    }

    private static JsonElement readJson(Path file) throws IOException {
        try {
            return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonParseException | IllegalStateException e) {
            throw new IOException(file + ": not valid JSON (" + e.getMessage() + ")", e);
        }
    }
}
