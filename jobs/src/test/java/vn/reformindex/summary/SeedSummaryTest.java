package vn.reformindex.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.reformindex.summary.SeedDossiers.shape;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.TestInputs;
import vn.reformindex.config.RunConfig;
import vn.reformindex.io.Storage;
import vn.reformindex.period.Period;
import vn.reformindex.pipeline.OutputStore;
import vn.reformindex.pipeline.Pipeline;
import vn.reformindex.report.CsvReportWriter;

/**
 * The seeds' published figures reproduced from dossier files through ingest, facts and summary, with
 * distractors that a wrong rule would count.
 */
class SeedSummaryTest {
    @TempDir
    Path tmp;

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    /** Seed 002: the provincial public service centre, 1/1 to 29/10/2020. */
    @Test
    void seed002PublicServiceCentre() throws IOException {
        String unit = "000.15.00.H36";
        LocalDate a = d("2020-01-02");
        LocalDate b = d("2020-10-15");
        SeedDossiers s = new SeedDossiers(unit)
                .add(8080, a, b, shape().end(2).rating(1))
                .add(371, a, b, shape().end(2).rating(2))
                .add(1, a, b, shape().end(2).rating(3))
                .add(16787 - 8452, a, b, shape().end(2).channel(2))
                .add(29668, a, b, shape().end(5))
                // Distractor: ends at 23:59 on the due day: on time.
                .add(5, a, b, shape().end(5, "23:59:00"))
                // Re-sync: the older version is late, the newer (later NgayCapNhat) on time.
                .add(d("2020-06-01"), shape().end(6).code(unit + "-RESYNC").updated("20200607100000"))
                .add(d("2020-06-01"), shape().end(5).code(unit + "-RESYNC").updated("20200608100000"))
                .add(40, a, b, shape().end(7).apology())
                .add(24, a, b, shape().end(7).channel(3))
                // Distractor: ends at 00:01 the day after the due day: late.
                .add(3, a, b, shape().end(6, "00:01:00"))
                // Distractor: status 10 ended after 29/10: open (in time) at the as-of date.
                .add(4, d("2020-10-26"), d("2020-10-26"), shape().due(5).end(4))
                .add(300, d("2020-10-26"), d("2020-10-28"), shape().status(4))
                .add(658, a, b, shape().status(4))
                .add(30, a, b, shape().status(7).end(1))
                .add(20, a, b, shape().status(8).end(1))
                .add(7, a, b, shape().status(3))
                .add(9, a, b, shape().status(1))
                // Distractor: carried over from 2019 and ended in 2019: not in the period.
                .add(5, d("2019-12-02"), d("2019-12-02"), shape().end(3).rating(1));
        Path out = run(s, null, "2020-01-01..2020-10-29");
        Map<String, String> row = row(out, unit, "self");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("as_of", "2020-10-29");
        expected.put("carried_over", "0");
        expected.put("received", "47540");
        expected.put("resolved", "46528");
        expected.put("early", "16787");
        expected.put("on_time", "29674");
        expected.put("late", "67");
        expected.put("timeliness_unknown", "0");
        expected.put("early_or_on_time", "46461");
        expected.put("withdrawn", "30");
        expected.put("stopped", "20");
        expected.put("open_in_time", "304");
        expected.put("open_overdue", "658");
        expected.put("refused_at_intake", "7");
        expected.put("registered_not_received", "9");
        expected.put("late_with_apology", "40");
        expected.put("rated", "8452");
        expected.put("very_satisfied", "8080");
        expected.put("satisfied", "371");
        expected.put("unsatisfied", "1");
        expected.put("early_pct", "36.08");
        expected.put("on_time_pct", "63.78");
        expected.put("late_pct", "0.14");
        expected.put("very_satisfied_pct", "95.60");
        expected.put("satisfied_pct", "4.39");
        expected.put("unsatisfied_pct", "0.01");
        expected.put("received_online", "8335");
        expected.put("received_postal", "24");
        expected.put("handled", "47540");
        assertRow(expected, row);
        String vi = Files.readString(out.resolve("reports/processing-summary.vi.csv"), StandardCharsets.UTF_8);
        String line = vi.lines().filter(l -> l.startsWith(unit + ",")).findFirst().orElseThrow();
        assertTrue(line.contains(",47.540,") && line.contains(",46.528,") && line.contains("\"36,08\",\"63,78\",\"0,14\""), line);
    }

    /** Seed 004: a town and its four communes, first nine months of 2023 (the subtree row). */
    @Test
    void seed004TownWithItsCommunes() throws IOException {
        String town = "000.00.51.H89";
        String[] all = {town, "000.51.01.H89", "000.51.02.H89", "000.51.03.H89", "000.51.04.H89"};
        String units = "MaDonVi,TenDonVi,CapDonVi,MaDonViCha,NhomXepHang,HieuLucTu,HieuLucDen,MaDonViKeThua\n"
                + "000.00.00.H89,Tỉnh An Giang,TINH,,TINH,2015-01-01,,\n"
                + town + ",Thị xã Tịnh Biên,HUYEN,000.00.00.H89,HUYEN,2015-01-01,,\n"
                + "000.51.01.H89,Phường Nhơn Hưng,XA," + town + ",XA,2015-01-01,,\n"
                + "000.51.02.H89,Xã An Cư,XA," + town + ",XA,2015-01-01,,\n"
                + "000.51.03.H89,Xã Vĩnh Trung,XA," + town + ",XA,2015-01-01,,\n"
                + "000.51.04.H89,Xã Văn Giáo,XA," + town + ",XA,2015-01-01,,\n"
                + "000.00.52.H89,Huyện khác (không thuộc thị xã),HUYEN,000.00.00.H89,HUYEN,2015-01-01,,\n";
        LocalDate a = d("2023-01-02");
        LocalDate b = d("2023-09-10");
        SeedDossiers s = new SeedDossiers(all)
                .add(40000, a, b, shape().end(2))
                .add(27269, a, b, shape().end(5))
                .add(484, a, b, shape().end(7))
                .add(448, a, b, shape().status(5))
                .add(2199, d("2023-09-26"), d("2023-09-29"), shape().status(2))
                // Status 10, but ended after the as-of date: open in time.
                .add(1, d("2023-09-28"), d("2023-09-28"), shape().due(5).end(4))
                .add(25, a, b, shape().status(7).end(1))
                // Carried over from 2022 and ended in 2022: not in the period.
                .add(10, d("2022-11-01"), d("2022-11-01"), shape().end(2));
        // Another district's dossiers must not reach the town's subtree.
        SeedDossiers other = new SeedDossiers("000.00.52.H89").add(50, a, b, shape().end(9));
        Path out = run(s, units, "2023-01-01..2023-09-30", other);
        Map<String, String> row = row(out, town, "subtree");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("carried_over", "0");
        expected.put("received", "70426");
        expected.put("resolved", "67753");
        expected.put("resolved_pct", "96.20");
        expected.put("early_or_on_time", "67269");
        expected.put("late", "484");
        expected.put("open_overdue", "448");
        expected.put("open_in_time", "2200");
        expected.put("withdrawn", "25");
        expected.put("handled", "70426");
        assertRow(expected, row);
        // The town's own row holds only its own fifth of the dossiers.
        assertEquals("14086", row(out, town, "self").get("received"));
    }

    private Path run(SeedDossiers s, String units, String period, SeedDossiers... more) {
        TestInputs in = TestInputs.withGoldenReference(tmp).dossiers("seed.csv", s.csv());
        for (int i = 0; i < more.length; i++) {
            in.dossiers("more-" + i + ".csv", more[i].csv());
        }
        if (units != null) {
            in.file("units.csv", units);
        }
        Path out = tmp.resolve("out");
        RunConfig config = RunConfig.builder("run").input(in.toString()).output(out.toString())
                .period(Period.parse(period)).build();
        Pipeline.standard().execute(SparkTestSupport.spark(), config);
        return out;
    }

    private static Map<String, String> row(Path out, String unit, String scope) {
        Row r = new OutputStore(Storage.local(), out.toString()).read(SparkTestSupport.spark(), vn.reformindex.table.Tables.PROCESSING_SUMMARY)
                .filter("unit_code = '" + unit + "' AND scope = '" + scope + "'").first();
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : r.schema().fieldNames()) {
            Object v = r.isNullAt(r.fieldIndex(c)) ? null : r.get(r.fieldIndex(c));
            m.put(c, c.endsWith("_pct") ? CsvReportWriter.format(v, vn.reformindex.table.Format.PERCENT_2, false) : String.valueOf(v));
        }
        return m;
    }

    private static void assertRow(Map<String, String> expected, Map<String, String> actual) {
        Map<String, String> got = new LinkedHashMap<>();
        expected.keySet().forEach(k -> got.put(k, actual.get(k)));
        assertEquals(expected, got);
        assertEquals(Long.parseLong(actual.get("carried_over")) + Long.parseLong(actual.get("received")),
                Long.parseLong(actual.get("resolved")) + Long.parseLong(actual.get("withdrawn"))
                        + Long.parseLong(actual.get("stopped")) + Long.parseLong(actual.get("open_in_time"))
                        + Long.parseLong(actual.get("open_overdue")));
    }
}
