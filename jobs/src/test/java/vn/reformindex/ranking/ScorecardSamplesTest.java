package vn.reformindex.ranking;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.reformindex.SamplesRun;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.config.RunConfig;
import vn.reformindex.io.Storage;
import vn.reformindex.period.Period;
import vn.reformindex.pipeline.OutputStore;
import vn.reformindex.pipeline.Pipeline;
import vn.reformindex.table.Tables;

/**
 * The whole pipeline on data-samples/ (periods 2025, 2025-Q2, 2025-06, the 766 set): for the last-ranked unit of
 * each peer group in 2025, its scorecard's points and points lost add up exactly to its group subtotals
 * (group_scores) and, rescaled, to its published total (index_scores and rankings); its findings are its
 * scorecard's largest losses. The run is {@link SamplesRun}'s, shared with the report tests.
 */
class ScorecardSamplesTest {
    @TempDir
    static Path tmp;
    private static OutputStore store;
    private static SparkSession spark;
    private static Path out;

    @BeforeAll
    static void run() {
        spark = SparkTestSupport.spark();
        out = SamplesRun.output();
        store = new OutputStore(Storage.local(), out.toString());
    }

    /** The last-ranked unit of each peer group in 2025 (the highest rank; ties: the last unit code). */
    private static List<Row> lastUnits() {
        return store.read(spark, Tables.RANKINGS).filter("period = '2025' AND ranked")
                .withColumn("n", org.apache.spark.sql.functions.row_number().over(Window.partitionBy("peer_group")
                        .orderBy(col("rank").desc(), col("unit_code").desc())))
                .filter("n = 1").select("peer_group", "unit_code", "published_total", "rank", "ranked_units").collectAsList();
    }

    @Test
    void theLastUnitOfEachPeerGroupAddsUpExactly() {
        List<Row> last = lastUnits();
        assertTrue(last.size() >= 3, "departments, districts and communes are ranked: " + last);
        Dataset<Row> cards = store.read(spark, Tables.SCORECARDS).filter("period = '2025'");
        Dataset<Row> groups = store.read(spark, Tables.GROUP_SCORES).filter("period = '2025'");
        Dataset<Row> index = store.read(spark, Tables.INDEX_SCORES).filter("period = '2025'");
        for (Row u : last) {
            String unit = u.getString(1);
            List<Row> rows = cards.filter(col("unit_code").equalTo(unit)).orderBy("criterion_order").collectAsList();
            assertEquals(22, rows.size(), unit + ": every criterion of the 766 set");
            Map<String, BigDecimal[]> byGroup = new TreeMap<>(); // points, points lost
            BigDecimal points = BigDecimal.ZERO;
            BigDecimal lost = BigDecimal.ZERO;
            for (Row r : rows) {
                BigDecimal p = r.getAs("points");
                BigDecimal l = r.getAs("points_lost");
                BigDecimal max = r.getAs("max_points");
                if (p != null) {
                    assertEquals(0, max.subtract(p).compareTo(l), unit + " " + r.getAs("criterion_code") + ": lost = max - points");
                } else {
                    assertEquals(null, l, unit + " " + r.getAs("criterion_code") + ": rescale leaves it out");
                    assertTrue(r.getAs("no_points_reason") != null, unit + " " + r.getAs("criterion_code"));
                }
                BigDecimal[] g = byGroup.computeIfAbsent(r.getAs("group_code"), k -> new BigDecimal[]{null, null});
                g[0] = p == null ? g[0] : g[0] == null ? p : g[0].add(p);
                g[1] = l == null ? g[1] : g[1] == null ? l : g[1].add(l);
                points = p == null ? points : points.add(p);
                lost = l == null ? lost : lost.add(l);
            }
            Map<String, Row> groupRows = new TreeMap<>();
            groups.filter(col("unit_code").equalTo(unit)).collectAsList().forEach(r -> groupRows.put(r.getAs("group_code"), r));
            assertEquals(byGroup.keySet(), groupRows.keySet(), unit);
            for (Map.Entry<String, BigDecimal[]> e : byGroup.entrySet()) {
                Row g = groupRows.get(e.getKey());
                BigDecimal gp = g.getAs("points");
                BigDecimal ga = g.getAs("available_max");
                String what = unit + " group " + e.getKey();
                assertEquals(gp == null, e.getValue()[0] == null, what);
                if (gp != null) {
                    assertEquals(0, gp.compareTo(e.getValue()[0]), what + ": points");
                    assertEquals(0, ga.subtract(gp).compareTo(e.getValue()[1]), what + ": points lost = available max - points");
                }
            }
            Row ix = index.filter(col("unit_code").equalTo(unit)).collectAsList().get(0);
            BigDecimal available = ix.getAs("available_max");
            BigDecimal declared = ix.getAs("declared_total");
            assertEquals(0, points.compareTo(ix.getAs("points")), unit + ": points = index points");
            assertEquals(0, points.add(lost).compareTo(available), unit + ": points + lost = available max");
            BigDecimal total = points.multiply(declared).divide(points.add(lost), 10, RoundingMode.HALF_UP);
            assertEquals(0, total.compareTo(ix.getAs("total")), unit + ": rescaled total");
            assertEquals(total.setScale(2, RoundingMode.HALF_UP), ix.getAs("published_total"), unit + ": published (index)");
            assertEquals(total.setScale(2, RoundingMode.HALF_UP), u.getDecimal(2), unit + ": published (rankings)");
            Row first = rows.get(0);
            assertEquals(u.getDecimal(2), first.getAs("published_total"), unit + ": the scorecard shows it");
            assertTrue(((String) first.getAs("total_note")).startsWith("Tổng điểm"), unit);

            // Findings: the scorecard's largest losses, most first, at most 3.
            List<BigDecimal> losses = new ArrayList<>();
            rows.stream().map(r -> (BigDecimal) r.getAs("points_lost")).filter(l -> l != null && l.signum() > 0)
                    .sorted((a, b) -> b.compareTo(a)).limit(3).forEach(losses::add);
            List<BigDecimal> found = new ArrayList<>();
            for (Row f : store.read(spark, Tables.FINDINGS).filter(col("unit_code").equalTo(unit).and(col("period").equalTo("2025")))
                    .orderBy("finding_rank").collectAsList()) {
                found.add(f.getAs("points_lost"));
                assertTrue(!((String) f.getAs("finding_text")).isBlank(), unit);
            }
            assertEquals(losses, found, unit);
        }
    }

    @Test
    void theCommitteeReadsScorecardsAndFindingsInVietnamese() throws IOException {
        String cards = Files.readString(out.resolve("reports/scorecards.vi.csv"), StandardCharsets.UTF_8);
        assertTrue(cards.startsWith("\uFEFFKỳ,Số liệu tính đến ngày,Nhóm xếp hạng,Mã đơn vị,Tên đơn vị,STT,"), cards.substring(0, 80));
        assertTrue(cards.contains("Tổng điểm quy đổi về thang 100 trên "), "the rescaled totals are explained");
        String findings = Files.readString(out.resolve("reports/findings.vi.csv"), StandardCharsets.UTF_8);
        assertTrue(findings.contains("Năm 2025") && findings.contains("Quý II/2025") && findings.contains("Tháng 6/2025"),
                findings.lines().skip(1).findFirst().orElse(""));
        for (Row u : lastUnits()) {
            assertTrue(findings.contains("," + u.getString(1) + ","), u.getString(1));
        }
    }

    /**
     * Xã Đạo Đức (000.22.02) merged into Xã Việt Lâm (000.22.03) on 1 July 2025 and the districts were abolished on
     * 30 June 2025: for the year 2025 every district and commune still has a change against 2024, Việt Lâm's base
     * holding Đạo Đức's counts; Đạo Đức's own change is empty, its counts being Việt Lâm's. For 2025-Q2 nothing
     * had merged yet.
     */
    @Test
    void districtsAndMergedCommunesAreComparedWithTheYearBefore() throws IOException {
        Dataset<Row> rankings = store.read(spark, Tables.RANKINGS).filter("ranked AND peer_group IN ('HUYEN', 'XA')");
        List<Row> missing = rankings.filter("period = '2025' AND change_total_vs_previous_year IS NULL")
                .select("unit_code", "change_vs_previous_year_reason").collectAsList();
        assertEquals("[[000.22.02.H99,merged_into_successor]]", missing.toString());
        assertTrue(rankings.filter("peer_group = 'HUYEN' AND period = '2025'").count() == 3, "the three districts are ranked in 2025");
        Row vietLam = rankings.filter("period = '2025' AND unit_code = '000.22.03.H99'").first();
        assertEquals(List.of("000.22.02.H99"), vietLam.getList(vietLam.fieldIndex("previous_year_reaggregated_from")));
        Row quarter = rankings.filter("period = '2025-Q2' AND unit_code = '000.22.03.H99'").first();
        assertTrue(quarter.isNullAt(quarter.fieldIndex("previous_year_reaggregated_from")), "nothing merged by 30 June");
        assertTrue(rankings.filter("period = '2025-Q2' AND change_total_vs_previous_year IS NULL").isEmpty());
        String vi = Files.readString(out.resolve("reports/rankings.vi.csv"), StandardCharsets.UTF_8);
        assertTrue(vi.contains("Đã sáp nhập: số liệu kỳ so sánh được cộng vào đơn vị kế thừa"), "the reason in Vietnamese");
        assertTrue(vi.contains(",000.22.02.H99,"), "Việt Lâm's base names Đạo Đức");
    }

    /**
     * Method versus performance: 2024 published with another version of the set (online submissions' target 30%
     * instead of 50%), then 2025 scored with 766: each 2025 change against what was published for 2024 splits
     * exactly into the unit's change (both years under 766) and the method's (2024 under 766 minus as published).
     */
    @Test
    void aChangeOfMethodIsSplitFromTheUnitsOwnChange() throws IOException {
        Path copy = SamplesRun.copy(tmp.resolve("method-split"));
        String set766 = Files.readString(SparkTestSupport.projectRoot().resolve("jobs/src/main/resources/criteria/766.yaml"));
        String older = set766.replace("version: \"2025.1\"", "version: \"2024.1\"")
                .replace("scoring: {rule: target, target: 0.5}", "scoring: {rule: target, target: 0.3}");
        assertTrue(!older.equals(set766) && older.contains("2024.1") && older.contains("target: 0.3"), "the older version differs");
        Path olderFile = tmp.resolve("766-2024.1.yaml");
        Files.writeString(olderFile, older);
        String input = SparkTestSupport.projectRoot().resolve("data-samples").toString();
        for (String stage : new String[]{"score", "rank"}) {
            Pipeline.standard().execute(spark, RunConfig.builder(stage).input(input).output(copy.toString())
                    .period(Period.parse("2024")).criteriaSet(olderFile.toString()).build());
        }
        for (String stage : new String[]{"score", "rank"}) {
            Pipeline.standard().execute(spark, RunConfig.builder(stage).input(input).output(copy.toString())
                    .period(Period.parse("2025")).build());
        }
        OutputStore split = new OutputStore(Storage.local(), copy.toString());
        Map<String, BigDecimal> published2024 = new TreeMap<>();
        for (Row r : split.read(spark, Tables.INDEX_SCORES).filter("period = '2024' AND published_total IS NOT NULL")
                .select("unit_code", "published_total").collectAsList()) {
            published2024.put(r.getString(0), r.getDecimal(1));
        }
        int split2025 = 0;
        int methodMoved = 0;
        for (Row r : split.read(spark, Tables.RANKINGS).filter("period = '2025' AND previous_year_total_as_published IS NOT NULL")
                .collectAsList()) {
            String unit = r.getAs("unit_code");
            assertEquals("766 2024.1", r.getAs("previous_year_criteria_set_as_published"), unit);
            assertEquals(published2024.get(unit), r.getAs("previous_year_total_as_published"), unit + ": the 2024 total as published");
            BigDecimal unitPart = r.getAs("change_total_vs_previous_year");
            BigDecimal methodPart = r.getAs("change_total_vs_previous_year_method");
            BigDecimal whole = r.getAs("change_total_vs_previous_year_as_published");
            assertEquals(0, whole.compareTo(unitPart.add(methodPart)), unit + ": " + whole + " = " + unitPart + " + " + methodPart);
            assertEquals(0, whole.compareTo(((BigDecimal) r.getAs("published_total")).subtract(published2024.get(unit))), unit);
            split2025++;
            methodMoved += methodPart.signum() != 0 ? 1 : 0;
        }
        // Every unit scored in both years but Việt Lâm (its 2024 base re-aggregated) and Đạo Đức (merged) has a split.
        assertEquals(published2024.size() - 2, split2025, "units with a split");
        assertTrue(methodMoved > 0, "a lower target moved some units' 2024 totals");
    }

    /**
     * The rankings report as the committee reads it shows each 2025 rank's interval and the mark "không phân
     * biệt được", and none for the quarter and the month (intervals are on for years only); the mark agrees
     * with rank_intervals' own p5-p95 ranks, recomputed here from the neighbours; the workbook's sheet shows it.
     */
    @Test
    void theRankingsReportShowsTheIntervals() throws IOException {
        String text = Files.readString(out.resolve("reports/rankings.vi.csv"), StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.DEFAULT.parse(new java.io.StringReader(text))
                .getRecords();
        List<String> h = rows.get(0).toList();
        int period = h.indexOf("Kỳ");
        int rank = h.indexOf("Xếp hạng");
        int median = h.indexOf("Hạng trung vị");
        int p5 = h.indexOf("Hạng tốt (phân vị 5%)");
        int p95 = h.indexOf("Hạng kém (phân vị 95%)");
        int mark = h.indexOf("Phân biệt với đơn vị liền kề");
        assertTrue(period >= 0 && rank >= 0 && median >= 0 && p5 >= 0 && p95 >= 0 && mark >= 0, h.toString());
        int yearly = 0;
        int indistinguishable = 0;
        for (org.apache.commons.csv.CSVRecord r : rows.subList(1, rows.size())) {
            boolean ranked = !r.get(rank).isEmpty();
            if (r.get(period).equals("Năm 2025") && ranked) {
                yearly++;
                assertTrue(Integer.parseInt(r.get(p5)) <= Integer.parseInt(r.get(median))
                        && Integer.parseInt(r.get(median)) <= Integer.parseInt(r.get(p95)), r.toString());
                assertTrue(r.get(mark).equals("Không phân biệt được") || r.get(mark).equals("Phân biệt được"), r.toString());
                indistinguishable += r.get(mark).equals("Không phân biệt được") ? 1 : 0;
            } else {
                assertTrue(r.get(median).isEmpty() && r.get(p5).isEmpty() && r.get(mark).isEmpty(), r.toString());
            }
        }
        List<Row> iv = store.read(spark, Tables.RANK_INTERVALS).filter("period = '2025'")
                .orderBy("peer_group", "rank", "unit_code").collectAsList();
        assertEquals(yearly, iv.size(), "one interval per ranked unit of 2025");
        assertTrue(indistinguishable > 0 && indistinguishable < yearly, indistinguishable + " of " + yearly);
        for (int i = 0; i < iv.size(); i++) {
            Row u = iv.get(i);
            boolean overlaps = false;
            for (int j : new int[]{i - 1, i + 1}) {
                if (j >= 0 && j < iv.size() && iv.get(j).getString(iv.get(j).fieldIndex("peer_group")).equals(u.getAs("peer_group"))) {
                    Row n = iv.get(j);
                    overlaps |= (Integer) n.getAs("rank_p5") <= (Integer) u.getAs("rank_p95")
                            && (Integer) u.getAs("rank_p5") <= (Integer) n.getAs("rank_p95");
                }
            }
            assertEquals(overlaps, u.getAs("indistinguishable"), u.toString());
            assertEquals(1000, (Integer) u.getAs("draws"));
        }
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                Files.newInputStream(out.resolve("reports/reform-index.xlsx")))) {
            int seen = 0;
            for (org.apache.poi.ss.usermodel.Sheet sheet : wb) {
                if (!sheet.getSheetName().startsWith("Xếp hạng")) {
                    continue;
                }
                int col = -1;
                for (org.apache.poi.ss.usermodel.Cell c : sheet.getRow(0)) {
                    col = c.getStringCellValue().equals("Phân biệt với đơn vị liền kề") ? c.getColumnIndex() : col;
                }
                assertTrue(col >= 0, sheet.getSheetName());
                for (org.apache.poi.ss.usermodel.Row r : sheet) {
                    org.apache.poi.ss.usermodel.Cell c = r.getCell(col);
                    if (r.getRowNum() > 0 && c != null && c.getStringCellValue().equals("Không phân biệt được")) {
                        seen++;
                    }
                }
            }
            assertEquals(indistinguishable, seen, "the workbook marks the same units");
        }
    }
}
