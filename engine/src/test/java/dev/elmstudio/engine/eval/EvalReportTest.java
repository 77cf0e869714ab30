package dev.elmstudio.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvalReportTest {

    private static final String AWKWARD = "He said \"run, now\",\nthen left.\r\nEnd, \"quoted\" <b>&";

    private static ItemScores item(String task, String id, String output, double sc, double bc) {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("sc", sc);
        scores.put("bc_ndcg", bc);
        return new ItemScores(task, id, "input " + id + ", with comma", output, scores);
    }

    private static EvalReport sample() {
        return EvalReport.summarize(List.of(
                item("summary", "1", AWKWARD, 0.8, 0.5),
                item("summary", "2", "plain", 1.0, Double.NaN),
                item("summary", "3", "", 0.9, 0.7),
                item("pitch", "1", "\"", 0.6, 0.6)), Bootstrap.ninetyFivePercent(5));
    }

    @Test
    void summaryIsTheMeanOverDefinedItemsWithAnInterval() {
        EvalReport report = sample();
        MetricSummary sc = report.summary("summary", "sc");
        assertEquals(3, sc.items());
        assertEquals(0.9, sc.mean(), 1e-12);
        assertTrue(sc.lower() >= 0.8 && sc.lower() <= 0.9 && sc.upper() >= 0.9 && sc.upper() <= 1.0, sc.toString());

        MetricSummary bc = report.summary("summary", "bc_ndcg");
        assertEquals(2, bc.items());
        assertEquals(1, bc.undefinedItems());
        assertEquals(0.6, bc.mean(), 1e-12);

        MetricSummary single = report.summary("pitch", "sc");
        assertEquals(0.6, single.lower(), 0);
        assertEquals(0.6, single.upper(), 0);
        assertEquals(List.of("summary", "summary", "pitch", "pitch"), report.summaries().stream().map(MetricSummary::task).toList());
        assertThrows(IllegalArgumentException.class, () -> report.summary("pitch", "nope"));
    }

    @Test
    void itemsCsvRoundTripsAwkwardText() {
        EvalReport report = sample();
        String csv = ReportCsv.items(report);
        assertEquals(report.items(), ReportCsv.readItems(csv));
        assertTrue(csv.startsWith("task,item,input,output,metric,value\r\n"));
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() {
        assertEquals("plain", Csv.field("plain"));
        assertEquals("\"a,b\"", Csv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.field("two\nlines"));
        assertEquals(List.of(List.of("a", "b,c", "d\"e", "f\r\ng"), List.of("", "x")),
                Csv.parse("a,\"b,c\",\"d\"\"e\",\"f\r\ng\"\r\n,x\n"));
        assertThrows(IllegalArgumentException.class, () -> Csv.parse("\"open"));
    }

    @Test
    void summaryCsvHasOneRowPerMetric() {
        List<List<String>> rows = Csv.parse(ReportCsv.summary(sample()));
        assertEquals(ReportCsv.SUMMARY_HEADER, rows.get(0));
        assertEquals(5, rows.size());
        assertEquals(List.of("summary", "bc_ndcg", "2", "1"), rows.get(2).subList(0, 4));
    }

    @Test
    void jsonRoundTripsTheWholeReportIncludingNaN() {
        EvalReport report = sample();
        String json = ReportJson.write(report);
        assertTrue(json.contains("NaN"));
        assertTrue(json.contains("<b>&"), "no HTML escaping of generated text");
        EvalReport back = ReportJson.read(json);
        assertEquals(report.summaries(), back.summaries());
        assertEquals(report.items(), back.items());
    }

    @Test
    void jsonThatIsNotAReportIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ReportJson.read("{}"));
        assertThrows(IllegalArgumentException.class, () -> ReportJson.read("[1, 2"));
    }
}
