package dev.elmstudio.app.compare;

import dev.elmstudio.engine.eval.Bootstrap;
import dev.elmstudio.engine.eval.EvalReport;
import dev.elmstudio.engine.eval.ItemScores;
import dev.elmstudio.engine.eval.MetricSummary;
import dev.elmstudio.storage.EvalResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An evaluation's stored per-item results as a table, ELM against baseline: one row per (task, metric) with each
 * model's mean and 95% percentile bootstrap interval over items ({@link EvalReport#summarize}, seed
 * {@value #BOOTSTRAP_SEED}, so the table is the same each time it is read).
 *
 * <p>Stored tasks are named {@code <model>:<task>} ("elm:summary", "baseline:summary"), as {@code elm eval} and the
 * demo evaluation write them; a task without a model prefix (older evaluations) counts as the ELM's.
 */
public final class RunReport {
    public static final String ELM_PREFIX = "elm:";
    public static final String BASELINE_PREFIX = "baseline:";
    static final long BOOTSTRAP_SEED = 0;

    /** @param elm the ELM's summary, or null; @param baseline the baseline's, or null when it was not scored */
    public record Row(String task, String metric, MetricSummary elm, MetricSummary baseline) {}

    private RunReport() {}

    public static List<Row> rows(List<EvalResult> results) {
        Map<String, Map<String, ItemScores>> byModel = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, Double>>> scores = new LinkedHashMap<>();
        Map<String, String> outputs = new LinkedHashMap<>();
        for (EvalResult result : results) {
            String model = result.task().startsWith(BASELINE_PREFIX) ? BASELINE_PREFIX : ELM_PREFIX;
            String task = taskOf(result.task());
            String key = task + "\u0000" + result.item();
            scores.computeIfAbsent(model, m -> new LinkedHashMap<>())
                    .computeIfAbsent(key, k -> new LinkedHashMap<>()).put(result.metric(), result.value());
            if (result.outputText() != null) {
                outputs.put(model + key, result.outputText());
            }
        }
        Map<String, EvalReport> reports = new LinkedHashMap<>();
        scores.forEach((model, items) -> {
            List<ItemScores> list = new ArrayList<>();
            items.forEach((key, metrics) -> {
                String[] parts = key.split("\u0000", 2);
                list.add(new ItemScores(parts[0], parts[1], "", outputs.get(model + key), metrics));
            });
            reports.put(model, EvalReport.summarize(list, Bootstrap.ninetyFivePercent(BOOTSTRAP_SEED)));
        });
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String model : List.of(ELM_PREFIX, BASELINE_PREFIX)) {
            EvalReport report = reports.get(model);
            if (report == null) {
                continue;
            }
            for (MetricSummary summary : report.summaries()) {
                String key = summary.task() + "\u0000" + summary.metric();
                Row old = rows.getOrDefault(key, new Row(summary.task(), summary.metric(), null, null));
                rows.put(key, model.equals(ELM_PREFIX) ? new Row(old.task(), old.metric(), summary, old.baseline())
                        : new Row(old.task(), old.metric(), old.elm(), summary));
            }
        }
        return List.copyOf(rows.values());
    }

    /** "elm:summary" → "summary". */
    public static String taskOf(String storedTask) {
        if (storedTask.startsWith(ELM_PREFIX)) {
            return storedTask.substring(ELM_PREFIX.length());
        }
        return storedTask.startsWith(BASELINE_PREFIX) ? storedTask.substring(BASELINE_PREFIX.length()) : storedTask;
    }
}
