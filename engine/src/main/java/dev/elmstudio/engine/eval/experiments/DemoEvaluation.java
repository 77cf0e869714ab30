package dev.elmstudio.engine.eval.experiments;

import dev.elmstudio.engine.data.task.MovieFacts;
import dev.elmstudio.engine.data.task.TaskExample;
import dev.elmstudio.engine.data.task.TaskGenerator;
import dev.elmstudio.engine.data.task.TaskPrompts;
import dev.elmstudio.engine.elm.ElmExample;
import dev.elmstudio.engine.elm.ElmModel;
import dev.elmstudio.engine.eval.Bootstrap;
import dev.elmstudio.engine.eval.EvalReport;
import dev.elmstudio.engine.eval.ItemScores;
import dev.elmstudio.engine.eval.MetricSummary;
import dev.elmstudio.engine.eval.ReportCsv;
import dev.elmstudio.engine.eval.ReportJson;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 5's experiment on the demo world: an ELM (semantic MiniLM embedding in the slot) against the text-only
 * baseline (the film's title in the prompt), both fine-tuned from one small base LM on the same tasks (summary and
 * interpolation), scored on the same held-out films and pairs. See {@link DemoScoring} for what is scored.
 *
 * <p>Run: {@code java -cp … dev.elmstudio.engine.eval.experiments.DemoEvaluation [--quick] [--out <folder>]}
 * (from the repository root, which holds assets/demo/films.jsonl). Prints the per-task table with 95% bootstrap
 * intervals, writes {@code report-summary.csv}, {@code report-items.csv} and {@code report.json} to the output
 * folder (default {@code out/demo-eval}), and ends with {@code RESULT elm_interp_sc=<x> baseline_interp_sc=<y>}:
 * mean SC against the interpolated vector over the sweep's held-out pairs and α = 0.1 … 0.9.
 */
public final class DemoEvaluation {
    private static final List<String> TRAINED_TASKS = List.of("summary", "interpolation");

    private DemoEvaluation() {}

    public static void main(String[] args) throws IOException {
        boolean quick = List.of(args).contains("--quick");
        int outAt = List.of(args).indexOf("--out");
        Path out = Path.of(outAt >= 0 ? args[outAt + 1] : "out/demo-eval");
        DemoSettings s = quick ? DemoSettings.quick() : DemoSettings.full();
        long start = System.nanoTime();
        Path work = Files.createTempDirectory("demo-eval");
        System.out.printf("DemoEvaluation (%s): %s%n", quick ? "quick" : "full", s);

        DemoData data = DemoData.build(s, work);
        lap(start, "demo world, ALS and semantic embeddings (" + data.facts().size() + " films, " + data.heldOut().length
                + " held out)");

        List<MovieFacts> trainFacts = new ArrayList<>();
        for (int id : data.train()) {
            trainFacts.add(data.facts().get(id));
        }
        List<TaskExample> trainTasks = new ArrayList<>();
        for (TaskExample t : TaskGenerator.movieTasks(trainFacts)) {
            if (TRAINED_TASKS.contains(t.task())) {
                trainTasks.add(t);
            }
        }
        for (TaskExample t : TaskGenerator.pairTasks(trainFacts, s.seed())) {
            if (TRAINED_TASKS.contains(t.task())) {
                trainTasks.add(t);
            }
        }
        // The base LM reads every movie text of the subset (its "world knowledge") and the training pairs' texts.
        List<String> documents = new ArrayList<>();
        TaskGenerator.movieTasks(new ArrayList<>(data.facts().values())).forEach(t -> documents.add(t.target()));
        trainTasks.stream().filter(t -> t.task().equals("interpolation")).forEach(t -> documents.add(t.target()));
        List<String> tokenizerTexts = new ArrayList<>(documents);
        tokenizerTexts.addAll(TaskPrompts.PROMPTS.values());
        data.facts().values().forEach(f -> tokenizerTexts.add(f.titleWithYear()));

        try (Tokenizer tokenizer = BaseLm.tokenizer(tokenizerTexts, s.vocab(), work)) {
            Map<String, float[]> base = BaseLm.pretrain(tokenizer, documents, s);
            lap(start, "base LM pretrained");

            List<ElmExample> elmTrain = new ArrayList<>();
            List<ElmExample> baselineTrain = new ArrayList<>();
            for (TaskExample t : trainTasks) {
                ElmExample textOnly = DemoModels.baselineExample(t, data);
                // the titled prompt is the longer one; drop the rare example that would not fit the context
                if (tokenizer.encode(textOnly.template().text() + textOnly.target()).length + 8 <= DemoSettings.CONTEXT) {
                    baselineTrain.add(textOnly);
                    elmTrain.add(DemoModels.elmExample(t, data));
                }
            }
            System.out.printf("  %d fine-tuning examples (%d dropped as too long)%n", elmTrain.size(),
                    trainTasks.size() - elmTrain.size());

            DemoScoring scoring = new DemoScoring(data);
            List<ItemScores> items = new ArrayList<>();
            try (ElmModel elm = DemoModels.trainElm(BaseLm.restore(tokenizer, s, base), tokenizer, elmTrain, s)) {
                lap(start, "ELM trained");
                score(items, scoring, "elm", elm, false, s);
                lap(start, "ELM scored");
            }
            try (ElmModel textOnly = DemoModels.trainBaseline(BaseLm.restore(tokenizer, s, base), tokenizer, baselineTrain, s)) {
                lap(start, "baseline trained");
                score(items, scoring, "baseline", textOnly, true, s);
                lap(start, "baseline scored");
            }

            items.addAll(scoring.summaries("reference", null, false));
            EvalReport report = EvalReport.summarize(items, Bootstrap.ninetyFivePercent(s.seed()));
            printTable(report);
            printExamples(items);
            Files.createDirectories(out);
            Files.writeString(out.resolve("report-summary.csv"), ReportCsv.summary(report));
            Files.writeString(out.resolve("report-items.csv"), ReportCsv.items(report));
            Files.writeString(out.resolve("report.json"), ReportJson.write(report));
            lap(start, "report written to " + out.toAbsolutePath());
            System.out.printf("RESULT elm_interp_sc=%.4f baseline_interp_sc=%.4f%n",
                    report.summary("elm:interpolation_sweep", "sc_interpolated").mean(),
                    report.summary("baseline:interpolation_sweep", "sc_interpolated").mean());
        }
    }

    private static void score(List<ItemScores> items, DemoScoring scoring, String model, ElmModel lm, boolean textOnly,
            DemoSettings s) {
        items.addAll(scoring.summaries(model, lm, textOnly));
        items.addAll(scoring.pairs(model, lm, textOnly));
        items.addAll(scoring.sweep(model, lm, textOnly, s.sweepPairs()));
    }

    /** Metric rows with ELM and the baseline side by side: mean [95% bootstrap interval] (items). */
    private static void printTable(EvalReport report) {
        System.out.printf("%n%-20s %-16s %-32s %-32s%n", "task", "metric", "ELM", "text-only baseline");
        for (MetricSummary elm : report.summaries()) {
            if (!elm.task().startsWith("elm:") || elm.metric().equals("alpha")) {
                continue;
            }
            String task = elm.task().substring("elm:".length());
            MetricSummary baseline = report.summary("baseline:" + task, elm.metric());
            System.out.printf("%-20s %-16s %-32s %-32s%n", task, elm.metric(), cell(elm), cell(baseline));
        }
        for (String metric : List.of("sc", "bc_ndcg", "bc_spearman")) {
            System.out.printf("reference summary text (the target itself): %-12s %s%n", metric,
                    cell(report.summary("reference:summary", metric)));
        }
        System.out.println();
    }

    private static String cell(MetricSummary m) {
        return String.format("%.3f [%.3f, %.3f] (%d)", m.mean(), m.lower(), m.upper(), m.items());
    }

    /** The first item of each task verbatim, so a reader sees what the numbers are about. */
    private static void printExamples(List<ItemScores> items) {
        List<String> seen = new ArrayList<>();
        for (ItemScores item : items) {
            if (!seen.contains(item.task())) {
                seen.add(item.task());
                System.out.printf("[%s] %s%n    → %s%n", item.task(), item.input(), item.output().replace('\n', ' '));
            }
        }
    }

    private static void lap(long start, String what) {
        System.out.printf("[%6.1f s] %s%n", (System.nanoTime() - start) / 1e9, what);
    }
}
