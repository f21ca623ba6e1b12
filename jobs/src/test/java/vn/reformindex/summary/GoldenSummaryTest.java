package vn.reformindex.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.config.RunConfig;
import vn.reformindex.io.Storage;
import vn.reformindex.period.Period;
import vn.reformindex.pipeline.OutputStore;
import vn.reformindex.pipeline.Pipeline;
import vn.reformindex.report.CsvReportWriter;

/**
 * The golden fixture through ingest, facts and summary: expected-summary.csv cell by cell (every column it
 * holds that the summary owns), and every dossier's period flags of expected-dossiers.csv.
 */
class GoldenSummaryTest {
    @TempDir
    static Path out;
    private static OutputStore store;
    private static SparkSession spark;

    @BeforeAll
    static void run() {
        spark = SparkTestSupport.spark();
        RunConfig config = RunConfig.builder("run").input(SparkTestSupport.golden().toString()).output(out.toString())
                .period(Period.parse("2020-01-01..2020-10-29")).build();
        Pipeline.standard().execute(spark, config);
        store = new OutputStore(Storage.local(), out.toString());
    }

    @Test
    void processingSummaryEqualsTheFixtureCellByCell() throws IOException {
        List<String> lines = Files.readAllLines(SparkTestSupport.golden().resolve("expected-summary.csv"));
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        Dataset<Row> summary = store.read(spark, vn.reformindex.table.Tables.PROCESSING_SUMMARY);
        List<String> owned = new ArrayList<>();
        for (String c : header) {
            if (Arrays.asList(summary.columns()).contains(c) && !c.equals("unit_code") && !c.equals("scope")) {
                owned.add(c);
            }
        }
        assertTrue(owned.size() == 35, "the summary owns most columns of the fixture: " + owned);
        Map<String, Map<String, String>> expected = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new TreeMap<>();
            for (String c : owned) {
                row.put(c, cells[header.indexOf(c)]);
            }
            expected.put(cells[0] + "|" + cells[1], row);
        }
        Map<String, Map<String, String>> actual = new TreeMap<>();
        for (Row r : summary.collectAsList()) {
            Map<String, String> row = new TreeMap<>();
            for (String c : owned) {
                Object v = r.isNullAt(r.fieldIndex(c)) ? null : r.get(r.fieldIndex(c));
                row.put(c, CsvReportWriter.format(v, vn.reformindex.table.Tables.PROCESSING_SUMMARY.column(c).format(), false));
            }
            actual.put(r.getString(r.fieldIndex("unit_code")) + "|" + r.getString(r.fieldIndex("scope")), row);
        }
        assertEquals(expected.keySet(), actual.keySet(), "one row per unit and scope, no more");
        for (String key : expected.keySet()) {
            assertEquals(expected.get(key), actual.get(key), key);
        }
    }

    /** The stage's balance check passes on the fixture and fails, naming the row, on a row that lost a dossier. */
    @Test
    void theBalanceCheckCatchesARowThatLostADossier() {
        Dataset<Row> summary = store.read(spark, vn.reformindex.table.Tables.PROCESSING_SUMMARY);
        vn.reformindex.stage.Verification ok = new SummaryStage().verify(null,
                new vn.reformindex.stage.StageInputs().put(vn.reformindex.table.Tables.PROCESSING_SUMMARY, summary));
        assertTrue(ok.checks().get(0).passed());
        Dataset<Row> broken = summary.withColumn("resolved", org.apache.spark.sql.functions.expr(
                "CASE WHEN unit_code = '000.05.00.H36' AND scope = 'self' THEN resolved - 1 ELSE resolved END"));
        vn.reformindex.stage.Verification.Check check = new SummaryStage().verify(null,
                new vn.reformindex.stage.StageInputs().put(vn.reformindex.table.Tables.PROCESSING_SUMMARY, broken)).checks().get(0);
        assertEquals(false, check.passed());
        assertEquals(vn.reformindex.core.ExitCode.CHECK_FAILED, check.failure());
        assertTrue(check.detail().contains("1 row(s)") && check.detail().contains("unit 000.05.00.H36"), check.detail());
    }

    /**
     * The committee's copies carry no English code: every cell of every .vi.csv is scanned for the code values
     * the tables declare (unit and procedure codes are not such values and may appear).
     */
    @Test
    void vietnameseCopiesHoldNoEnglishCodeValues() throws IOException {
        java.util.Set<String> codes = declaredCodes();
        codes.addAll(List.of("true", "false", "2020-01-01..2020-10-29"));
        List<String> found = new ArrayList<>();
        int files = 0;
        try (java.util.stream.Stream<Path> reports = Files.list(out.resolve("reports"))) {
            for (Path f : reports.filter(p -> p.toString().endsWith(".vi.csv")).toList()) {
                files++;
                try (org.apache.commons.csv.CSVParser p = org.apache.commons.csv.CSVParser.parse(f, StandardCharsets.UTF_8,
                        org.apache.commons.csv.CSVFormat.RFC4180)) {
                    for (org.apache.commons.csv.CSVRecord r : p) {
                        for (String cell : r) {
                            if (codes.contains(cell.replace("\uFEFF", ""))) {
                                found.add(f.getFileName() + ":" + r.getRecordNumber() + ": " + cell);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(8, files, "processing summary, two overdue lists, rankings, scorecards, findings, rejected records, the index");
        assertEquals(List.of(), found);
        String summary = Files.readString(out.resolve("reports/processing-summary.vi.csv"), StandardCharsets.UTF_8);
        assertTrue(summary.contains(",Riêng đơn vị,Từ 01/01/2020 đến 29/10/2020,"), summary.lines().skip(1).findFirst().orElse(""));
    }

    /** The workbook's first sheet says which run made it, on which data, for which period, with which set. */
    @Test
    void theWorkbookSaysWhichRunMadeIt() throws IOException {
        com.fasterxml.jackson.databind.JsonNode run = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("_RUN.json").toFile());
        java.util.Map<String, String> about = new java.util.LinkedHashMap<>();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                Files.newInputStream(out.resolve("reports/reform-index.xlsx")))) {
            assertEquals("Thông tin", wb.getSheetName(0));
            for (org.apache.poi.ss.usermodel.Row row : wb.getSheetAt(0)) {
                about.put(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue());
            }
        }
        String cutOff = java.time.LocalDate.parse(run.get("data_cut_off").asText())
                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu"));
        assertEquals(List.of("Mã lần chạy", "Lập lúc (UTC)", "Số liệu đến ngày", "Kỳ (số liệu tính đến ngày)", "Bộ chỉ số"),
                new ArrayList<>(about.keySet()));
        assertEquals(run.get("run_id").asText(), about.get("Mã lần chạy"));
        assertEquals(cutOff, about.get("Số liệu đến ngày"));
        assertEquals("Từ 01/01/2020 đến 29/10/2020 (29/10/2020)", about.get("Kỳ (số liệu tính đến ngày)"));
        assertEquals("766 2025.1", about.get("Bộ chỉ số"));
        assertTrue(about.get("Lập lúc (UTC)").startsWith(run.get("started_at").asText().substring(0, 10)), about.toString());
    }

    /**
     * The workbook the committee opens holds no English code either, and an unranked unit shows no result:
     * every text cell of every sheet is scanned; in the rankings, a row without a rank has no tier and no total.
     */
    @Test
    void theWorkbookHoldsNoEnglishCodeAndUnrankedRowsNoResult() throws IOException {
        java.util.Set<String> codes = declaredCodes();
        codes.addAll(List.of("true", "false"));
        List<String> found = new ArrayList<>();
        int sheets = 0;
        int unranked = 0;
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                out.resolve("reports/reform-index.xlsx").toFile())) {
            for (org.apache.poi.ss.usermodel.Sheet sheet : wb) {
                sheets++;
                org.apache.poi.ss.usermodel.Row header = sheet.getRow(0);
                int rank = -1;
                int tier = -1;
                int total = -1;
                for (org.apache.poi.ss.usermodel.Cell h : header) {
                    String name = h.getStringCellValue();
                    rank = name.equals("Xếp hạng") ? h.getColumnIndex() : rank;
                    tier = name.equals("Xếp loại") ? h.getColumnIndex() : tier;
                    total = name.equals("Tổng điểm") ? h.getColumnIndex() : total;
                }
                for (org.apache.poi.ss.usermodel.Row row : sheet) {
                    for (org.apache.poi.ss.usermodel.Cell c : row) {
                        if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && codes.contains(c.getStringCellValue())) {
                            found.add(sheet.getSheetName() + "!" + c.getAddress() + ": " + c.getStringCellValue());
                        }
                    }
                    boolean rankings = rank >= 0 && tier >= 0 && sheet.getSheetName().startsWith("Xếp hạng");
                    if (rankings && row.getRowNum() > 0 && blank(row.getCell(rank))) {
                        unranked++;
                        assertTrue(blank(row.getCell(tier)) && blank(row.getCell(total)), sheet.getSheetName() + " row " + row.getRowNum());
                    }
                }
            }
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
        assertTrue(sheets >= 7, "summary, overdue lists, rankings, scorecards, findings, rejected records: " + sheets);
        assertTrue(unranked > 0, "the fixture has unranked units");
        assertEquals(List.of(), found);
    }

    /** Every code value a table declares (the English codes that must not reach the committee's copies). */
    private static java.util.Set<String> declaredCodes() {
        java.util.Set<String> codes = new java.util.TreeSet<>();
        for (vn.reformindex.table.TableDecl t : vn.reformindex.table.Tables.ALL) {
            for (vn.reformindex.table.ColumnDecl c : t.columns()) {
                codes.addAll(c.valueLabels().keySet());
            }
        }
        return codes;
    }

    private static boolean blank(org.apache.poi.ss.usermodel.Cell c) {
        return c == null || c.getCellType() == org.apache.poi.ss.usermodel.CellType.BLANK
                || (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && c.getStringCellValue().isEmpty());
    }

    /** The index says which run made every report, on which cut-off and for which periods. */
    @Test
    void theReportIndexNamesTheRunOfEveryReport() throws IOException {
        String runId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("_RUN.json").toFile()).get("run_id").asText();
        List<String> index = Files.readAllLines(out.resolve("reports/index.csv"), StandardCharsets.UTF_8);
        List<String> reports;
        Path folder = out.resolve("reports");
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) { // with each unit's rejected-records/<unit>.csv
            reports = files.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString())
                    .filter(n -> !n.startsWith("index.")).sorted().toList();
        }
        assertTrue(reports.stream().anyMatch(n -> n.startsWith("rejected-records/")), String.join("\n", reports));
        assertEquals(reports.size() + 1, index.size(), String.join("\n", index));
        for (String line : index.subList(1, index.size())) {
            assertTrue(line.contains("," + runId + ",") && line.endsWith(",2020-10-30,2020-01-01..2020-10-29@2020-10-29"), line);
        }
        assertTrue(Files.readString(out.resolve("reports/index.vi.csv"), StandardCharsets.UTF_8)
                .contains("Từ 01/01/2020 đến 29/10/2020 (29/10/2020)"));
    }

    @Test
    void vietnameseReportUsesVietnameseNumbersAndHeaders() throws IOException {
        Path vi = out.resolve("reports/processing-summary.vi.csv");
        String text = Files.readString(vi, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFMã đơn vị,Tên đơn vị"), text.substring(0, 40));
        // 000.05.00.H36: late 1 of 32 = 3.125% -> 3,13 half-up; early 96,88
        String line = text.lines().filter(l -> l.startsWith("000.05.00.H36,")).findFirst().orElseThrow();
        assertTrue(line.contains(",\"96,88\",\"0,00\",\"3,13\",\"100,00\","), line);
        assertTrue(line.contains(",29/10/2020,"), line);
        String en = Files.readString(out.resolve("reports/processing-summary.csv"), StandardCharsets.UTF_8);
        String enLine = en.lines().filter(l -> l.startsWith("000.05.00.H36,")).findFirst().orElseThrow();
        assertTrue(enLine.contains(",96.88,0.00,3.13,100.00,"), enLine);
    }

    @Test
    void overdueDossiersListOpenOverdueAndResolvedLate() {
        Map<String, String> actual = new TreeMap<>();
        for (Row r : store.read(spark, vn.reformindex.table.Tables.OVERDUE_DOSSIERS)
                .select("dossier_code", "kind", "days_late", "apology_letter").collectAsList()) {
            actual.put(r.getString(0), r.getString(1) + "," + r.get(2) + "," + r.get(3));
        }
        // Open overdue at 2020-10-29: G05 (due 26/10), G08 (due 10/09), G40 (carried over, due 20/12/2019);
        // resolved late: G03, G19, G22 (apology), G23, G531.
        assertEquals("open_overdue,3,false", actual.get("000.15.00.H36-G05"));
        assertEquals("open_overdue,49,false", actual.get("000.15.00.H36-G08"));
        assertEquals("open_overdue,314,false", actual.get("000.15.00.H36-G40"));
        assertEquals("resolved_late,1,false", actual.get("000.15.00.H36-G03"));
        assertEquals(3 + 6, actual.size(), actual.toString());
    }

    @Test
    void everyDossierHasTheFixturesPeriodFlags() throws IOException {
        List<String> lines = Files.readAllLines(SparkTestSupport.golden().resolve("expected-dossiers.csv"));
        Map<String, String> expected = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            if (c[1].equals("accepted")) {
                // carried_over, received_in_period, ended_in_period, open_at_as_of, overdue_at_as_of, timeliness, on_time_766
                expected.put(c[0], String.join(",", c[4], c[5], c[6], c[7], c[8], c[9], c[10]));
            }
        }
        vn.reformindex.period.PeriodWindow w = new vn.reformindex.period.PeriodWindow(
                Period.parse("2020-01-01..2020-10-29"), java.time.LocalDate.of(2020, 10, 29));
        Dataset<Row> flags = vn.reformindex.facts.PeriodFacts.expand(store.read(spark, vn.reformindex.table.Tables.DOSSIER_FACTS),
                vn.reformindex.period.PeriodTable.of(spark, List.of(w)),
                vn.reformindex.reference.ReferenceLoader.load(Storage.local(), SparkTestSupport.golden().toString()).holidays);
        // The fixture leaves ended_in_period empty for G13, refused at intake on 2020-04-01, although its
        // README lists refused_at_intake among the kinds; its refusal is asserted through the summary's
        // refused_at_intake = 1 (cell-by-cell test) and here through refused_in_period.
        assertEquals(List.of("000.15.00.H36-G13"), flags.filter("refused_in_period").select("dossier_code").as(
                org.apache.spark.sql.Encoders.STRING()).collectAsList());
        Map<String, String> actual = new TreeMap<>();
        for (String code : expected.keySet()) {
            actual.put(code, "false,false,,false,false,,");
        }
        for (Row r : flags.selectExpr("dossier_code", "carried_over", "received_in_period",
                "CASE WHEN resolved_in_period THEN 'resolved' WHEN withdrawn_in_period THEN 'withdrawn' "
                        + "WHEN stopped_in_period THEN 'stopped' ELSE '' END",
                "open_at_as_of", "open_overdue",
                "CASE WHEN resolved_in_period THEN timeliness_published ELSE '' END",
                "coalesce(CAST(on_time_766 AS STRING), '')").collectAsList()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < r.size(); i++) {
                sb.append(i > 1 ? "," : "").append(r.get(i));
            }
            actual.put(r.getString(0), sb.toString());
        }
        assertEquals(expected, actual);
    }

    /** The 766 set scores units' own dossiers (scope self) at levels SO, HUYEN, XA: the fixture's SO rows. */
    @Test
    void criteria21And54MatchTheFixture() throws IOException {
        List<String> lines = Files.readAllLines(SparkTestSupport.golden().resolve("expected-summary.csv"));
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        Map<String, String> expected = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            if (c[1].equals("self") && !c[0].equals("000.00.00.H36")) {
                expected.put(c[0], c[header.indexOf("c21_numerator")] + "/" + c[header.indexOf("handled")] + " "
                        + c[header.indexOf("c21_points")] + " " + c[header.indexOf("c54_ratio")]);
            }
        }
        assertEquals(4, expected.size());
        Map<String, Row> c21 = new TreeMap<>();
        Map<String, Row> c54 = new TreeMap<>();
        for (Row r : store.read(spark, vn.reformindex.table.Tables.SCORES)
                .filter("criterion_code IN ('2.1', '5.4')").collectAsList()) {
            (r.getString(r.fieldIndex("criterion_code")).equals("2.1") ? c21 : c54).put(r.getString(r.fieldIndex("unit_code")), r);
        }
        Map<String, String> actual = new TreeMap<>();
        for (String unit : expected.keySet()) {
            Row a = c21.get(unit);
            Row b = c54.get(unit);
            actual.put(unit, a.getDecimal(a.fieldIndex("numerator")).toBigInteger() + "/"
                    + a.getDecimal(a.fieldIndex("denominator")).toBigInteger() + " "
                    + CsvReportWriter.format(a.get(a.fieldIndex("points")), vn.reformindex.table.Format.POINTS_2, false) + " "
                    + CsvReportWriter.format(b.get(b.fieldIndex("ratio")), vn.reformindex.table.Format.RATIO_4, false));
        }
        assertEquals(expected, actual);
        // Every score row names the set that produced it.
        assertEquals(1, store.read(spark, vn.reformindex.table.Tables.SCORES)
                .select("criteria_set_id", "criteria_set_version", "criteria_set_hash").distinct().count());
    }
}
