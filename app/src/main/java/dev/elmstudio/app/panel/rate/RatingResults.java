package dev.elmstudio.app.panel.rate;

import dev.elmstudio.engine.eval.KrippendorffAlpha;
import dev.elmstudio.storage.Rating;
import dev.elmstudio.storage.RatingItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the researcher reads from a session: per task and model, the mean agreement (1–5) with each statement and
 * how many answers it rests on; and per task and statement, how far raters agree (Krippendorff's α over the rated
 * texts, ordinal and interval). Model names appear here and only here.
 */
public final class RatingResults {

    /** The pseudo-task that pools every task. */
    public static final String ALL_TASKS = "all tasks";

    /** One model on one task: {@code mean[s]} and {@code n[s]} for statement s + 1; mean is NaN when n is 0. */
    public record ModelRow(String task, String model, double[] mean, int[] n) {}

    /**
     * Agreement on one statement of one task. {@code units} counts texts rated by two or more raters (the only ones
     * α can use); α is NaN when there are none or when every answer was the same.
     */
    public record AgreementRow(String task, int statement, double ordinalAlpha, double intervalAlpha, int units,
            int raters) {}

    public record Summary(List<ModelRow> models, List<AgreementRow> agreement, int raters, int answers) {}

    private RatingResults() { }

    public static Summary summarise(List<RatingItem> items, List<Rating> ratings) {
        Map<Long, RatingItem> byId = items.stream().collect(Collectors.toMap(RatingItem::id, Function.identity()));
        List<String> tasks = new ArrayList<>(new TreeSet<>(items.stream().map(RatingItem::task).toList()));
        tasks.add(ALL_TASKS);
        List<ModelRow> models = new ArrayList<>();
        List<AgreementRow> agreement = new ArrayList<>();
        for (String task : tasks) {
            List<Rating> inTask = ratings.stream()
                    .filter(r -> task.equals(ALL_TASKS) || task.equals(byId.get(r.itemId()).task())).toList();
            Map<String, List<Rating>> byModel = new TreeMap<>(inTask.stream()
                    .collect(Collectors.groupingBy(r -> modelOf(byId.get(r.itemId()), r.side()))));
            byModel.forEach((model, answers) -> models.add(modelRow(task, model, answers)));
            for (int statement = 1; statement <= Statements.COUNT; statement++) {
                agreement.add(agreementRow(task, statement, inTask));
            }
        }
        int raters = (int) ratings.stream().map(Rating::raterId).distinct().count();
        return new Summary(models, agreement, raters, ratings.size());
    }

    static String modelOf(RatingItem item, String side) {
        return "left".equals(side) ? item.leftModel() : item.rightModel();
    }

    private static ModelRow modelRow(String task, String model, List<Rating> answers) {
        double[] sum = new double[Statements.COUNT];
        int[] n = new int[Statements.COUNT];
        for (Rating rating : answers) {
            sum[rating.statement() - 1] += rating.score();
            n[rating.statement() - 1]++;
        }
        double[] mean = new double[Statements.COUNT];
        for (int s = 0; s < mean.length; s++) {
            mean[s] = n[s] == 0 ? Double.NaN : sum[s] / n[s];
        }
        return new ModelRow(task, model, mean, n);
    }

    /** Units are the rated texts (item and side); coders are the raters. */
    private static AgreementRow agreementRow(String task, int statement, List<Rating> inTask) {
        List<Rating> answers = inTask.stream().filter(r -> r.statement() == statement).toList();
        List<String> raters = answers.stream().map(Rating::raterId).distinct().sorted().toList();
        List<String> units = answers.stream().map(r -> r.itemId() + ":" + r.side()).distinct().sorted().toList();
        Map<String, Integer> raterIndex = index(raters);
        Map<String, Integer> unitIndex = index(units);
        double[][] data = new double[raters.size()][units.size()];
        for (double[] row : data) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (Rating r : answers) {
            data[raterIndex.get(r.raterId())][unitIndex.get(r.itemId() + ":" + r.side())] = r.score();
        }
        int pairable = 0;
        for (int u = 0; u < units.size(); u++) {
            int m = 0;
            for (double[] row : data) {
                m += Double.isNaN(row[u]) ? 0 : 1;
            }
            pairable += m >= 2 ? 1 : 0;
        }
        return new AgreementRow(task, statement, KrippendorffAlpha.alpha(data, KrippendorffAlpha.Level.ORDINAL),
                KrippendorffAlpha.alpha(data, KrippendorffAlpha.Level.INTERVAL), pairable, raters.size());
    }

    private static Map<String, Integer> index(List<String> keys) {
        Map<String, Integer> index = new TreeMap<>();
        for (int i = 0; i < keys.size(); i++) {
            index.put(keys.get(i), i);
        }
        return index;
    }
}
