package dev.elmstudio.engine.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV export of an {@link EvalReport}, as two tables.
 *
 * <ul>
 *   <li>summary: {@code task,metric,items,undefined_items,mean,ci_lower,ci_upper}, one row per metric;</li>
 *   <li>items, in long form: {@code task,item,input,output,metric,value}, one row per item and
 *       metric, because tasks carry different metrics; a spreadsheet pivot gives the wide view.</li>
 * </ul>
 * Numbers are written with {@link Double#toString}, which reads back to the same double ("NaN"
 * for undefined), so {@link #readItems} restores the items exactly.
 */
public final class ReportCsv {

    public static final List<String> SUMMARY_HEADER =
            List.of("task", "metric", "items", "undefined_items", "mean", "ci_lower", "ci_upper");
    public static final List<String> ITEMS_HEADER = List.of("task", "item", "input", "output", "metric", "value");

    private ReportCsv() { }

    public static String summary(EvalReport report) {
        StringBuilder out = new StringBuilder(Csv.row(SUMMARY_HEADER));
        for (MetricSummary s : report.summaries()) {
            out.append(Csv.row(List.of(s.task(), s.metric(), Integer.toString(s.items()), Integer.toString(s.undefinedItems()),
                    Double.toString(s.mean()), Double.toString(s.lower()), Double.toString(s.upper()))));
        }
        return out.toString();
    }

    public static String items(EvalReport report) {
        StringBuilder out = new StringBuilder(Csv.row(ITEMS_HEADER));
        for (ItemScores item : report.items()) {
            item.scores().forEach((metric, value) -> out.append(Csv.row(List.of(
                    item.task(), item.itemId(), item.input(), item.output(), metric, Double.toString(value)))));
        }
        return out.toString();
    }

    /** Items back from {@link #items}: consecutive rows of the same task and item form one item. */
    public static List<ItemScores> readItems(String csv) {
        List<List<String>> rows = Csv.parse(csv);
        if (rows.isEmpty() || !rows.get(0).equals(ITEMS_HEADER)) {
            throw new IllegalArgumentException("items csv: expected the header " + String.join(",", ITEMS_HEADER));
        }
        List<ItemScores> items = new ArrayList<>();
        List<String> current = null;
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != ITEMS_HEADER.size()) {
                throw new IllegalArgumentException("items csv: row " + r + " has " + row.size() + " fields, expected " + ITEMS_HEADER.size());
            }
            if (current != null && !(current.get(0).equals(row.get(0)) && current.get(1).equals(row.get(1)))) {
                items.add(new ItemScores(current.get(0), current.get(1), current.get(2), current.get(3), scores));
                scores = new LinkedHashMap<>();
            }
            current = row;
            try {
                scores.put(row.get(4), Double.parseDouble(row.get(5)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("items csv: row " + r + " value '" + row.get(5) + "' is not a number", e);
            }
        }
        if (current != null) {
            items.add(new ItemScores(current.get(0), current.get(1), current.get(2), current.get(3), scores));
        }
        return items;
    }
}
