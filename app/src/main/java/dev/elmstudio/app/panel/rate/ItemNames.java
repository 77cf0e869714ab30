package dev.elmstudio.app.panel.rate;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.elmstudio.engine.data.Catalogue;
import dev.elmstudio.engine.data.DatasetFiles;
import dev.elmstudio.engine.data.Movie;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.EvalRun;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names raters can judge an item by. An evaluation's item is the ids that filled the prompt's slots, in slot-name
 * order ({@code [12, 34]}); movie ids become titles from the dataset the evaluated run was trained on (or the
 * workspace's only dataset), users become "viewer N". Statement 1 asks whether a text is consistent with the item,
 * which a rater can only judge knowing which film it is.
 */
public final class ItemNames {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+");

    private final Map<Integer, String> titles;

    ItemNames(Map<Integer, String> titles) {
        this.titles = Map.copyOf(titles);
    }

    /** Names without titles: for workspaces whose dataset cannot be found. */
    public static ItemNames idsOnly() {
        return new ItemNames(Map.of());
    }

    /** Titles from the datasets behind the evaluations of {@code models}. */
    public static ItemNames read(Workspace workspace, List<ModelOutputs> models) {
        Set<Dataset> datasets = new LinkedHashSet<>();
        for (ModelOutputs model : models) {
            datasetOf(workspace, model.evalId()).ifPresent(datasets::add);
        }
        if (datasets.isEmpty() && workspace.datasets().list().size() == 1) {
            datasets.add(workspace.datasets().list().get(0));
        }
        Map<Integer, String> titles = new HashMap<>();
        for (Dataset dataset : datasets) {
            try {
                Catalogue catalogue = DatasetFiles.readCatalogue(dataset.path());
                for (Movie movie : catalogue.movies()) {
                    titles.putIfAbsent(movie.id(), movie.displayTitle());
                }
            } catch (IOException | RuntimeException unreadable) {
                // ids stay readable as "movie N"; the session still builds
            }
        }
        return new ItemNames(titles);
    }

    /** One name per slot, in slot-name order. */
    public List<String> names(String task, String item) {
        List<String> names = new ArrayList<>();
        Matcher number = NUMBER.matcher(item);
        while (number.find()) {
            int id = Integer.parseInt(number.group());
            names.add(task.startsWith("user") ? "viewer " + id : titles.getOrDefault(id, "movie " + id));
        }
        if (names.isEmpty()) {
            names.add(item);
        }
        return names;
    }

    private static Optional<Dataset> datasetOf(Workspace workspace, long evalId) {
        Optional<Run> run = workspace.evals().get(evalId).map(EvalRun::runId).flatMap(workspace.runs()::get);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonObject config = JsonParser.parseString(run.get().configJson()).getAsJsonObject();
            return config.has("dataset") ? workspace.datasets().findByName(config.get("dataset").getAsString())
                    : Optional.empty();
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }
}
