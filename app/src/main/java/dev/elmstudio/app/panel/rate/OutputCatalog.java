package dev.elmstudio.app.panel.rate;

import dev.elmstudio.storage.EvalResult;
import dev.elmstudio.storage.EvalRun;
import dev.elmstudio.storage.RunStatus;
import dev.elmstudio.storage.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the generated texts of a workspace's finished evaluations ({@code eval_results.output_text}). An evaluation
 * whose task names carry a model prefix ({@code elm:summary}, {@code baseline:summary}) holds several models; each
 * becomes its own {@link ModelOutputs}. An item scored by several metrics has one text, kept once.
 */
public final class OutputCatalog {

    private OutputCatalog() { }

    public static List<ModelOutputs> read(Workspace workspace) {
        List<ModelOutputs> all = new ArrayList<>();
        for (EvalRun eval : workspace.evals().list()) {
            if (eval.status() == RunStatus.FINISHED) {
                all.addAll(split(eval, workspace.evals().results(eval.id())));
            }
        }
        return all;
    }

    /** One evaluation's texts, one {@link ModelOutputs} per model prefix. */
    static List<ModelOutputs> split(EvalRun eval, List<EvalResult> results) {
        Map<String, Map<String, Map<String, String>>> byModel = new TreeMap<>();
        for (EvalResult result : results) {
            if (result.outputText() == null || result.outputText().isBlank()) {
                continue;
            }
            int colon = result.task().indexOf(':');
            String model = colon < 0 ? "" : result.task().substring(0, colon);
            String task = colon < 0 ? result.task() : result.task().substring(colon + 1);
            byModel.computeIfAbsent(model, m -> new TreeMap<>()).computeIfAbsent(task, t -> new LinkedHashMap<>())
                    .putIfAbsent(result.item(), result.outputText());
        }
        List<ModelOutputs> outputs = new ArrayList<>();
        byModel.forEach((model, texts) -> outputs.add(new ModelOutputs(eval.id(), model,
                label(eval, model), texts)));
        return outputs;
    }

    static String label(EvalRun eval, String model) {
        return (model.isEmpty() ? "" : model + " · ") + "eval " + eval.id() + " (" + eval.name() + ")";
    }
}
