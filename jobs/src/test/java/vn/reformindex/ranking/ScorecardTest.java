package vn.reformindex.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.TinyFrames;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.CriteriaSetLoader;
import vn.reformindex.scoring.Totals;
import vn.reformindex.table.Tables;

/**
 * Scorecards and findings on tiny hand-written {@code scores} (group and index totals by {@link Totals}),
 * every expected value computed by hand: a criterion not applicable to the level, one below its minimum
 * denominator, one without a denominator, one whose flag is unknown, one whose multiplier has no points,
 * a missing manual score, a tie on a criterion's rank after rounding to two decimals, and a finding sentence
 * with every placeholder.
 */
class ScorecardTest {
    static String set(String missing) {
        return String.join("\n",
                "id: card",
                "version: \"1\"",
                "total: 22",
                "missing: " + missing,
                "findings_per_unit: 3",
                "tiers: [{name: Tốt, from: 15}, {name: Yếu, from: 0}]",
                "groups: [{code: A, name: Nhóm A, max: 12}, {code: B, name: Nhóm B, max: 10}]",
                "criteria:",
                "  - {code: R, name: Tỷ lệ, group: A, source: dossiers, levels: [XA], numerator: count_if(handled), "
                        + "denominator: count_if(handled), max: 4, scoring: {rule: ratio}, finding_below: 0.9, finding_text: "
                        + "\"{code} {name}: {numerator}/{denominator} (còn {gap}), tỷ lệ {ratio} = {ratio_pct}, mục tiêu "
                        + "{target_pct}, ngưỡng {threshold_pct}; {points}/{max_points} điểm, mất {points_lost}\"}",
                "  - {code: T, name: Nhân với R, group: A, source: dossiers, levels: [XA], numerator: count_if(handled), "
                        + "denominator: count_if(handled), times: R, max: 6, scoring: {rule: target, target: 0.5}, "
                        + "finding_text: \"Tỷ lệ {ratio_pct} (mục tiêu {target_pct})\"}",
                "  - {code: G, name: Thấp là tốt, group: A, source: dossiers, levels: [XA], numerator: count_if(handled), "
                        + "denominator: count_if(handled), min_denominator: 20, max: 2, scoring: {rule: goalpost, best: 0, worst: 0.2}, "
                        + "finding_text: \"{numerator} hồ sơ quá hạn trên {denominator} hồ sơ\"}",
                "  - {code: M, name: Chấm tay, group: B, source: manual, levels: [XA], max: 4, "
                        + "finding_text: \"Chấm tay {points}/{max_points} điểm ({ratio_pct})\"}",
                "  - {code: K, name: Cờ, group: B, source: dossiers, levels: [XA], numerator: count_if(handled), "
                        + "denominator: count_if(handled), known: count_if(handled), max: 4, scoring: {rule: ratio}}",
                "  - {code: N, name: Chỉ cho sở, group: B, source: dossiers, levels: [SO], numerator: count_if(handled), "
                        + "denominator: count_if(handled), max: 2, scoring: {rule: ratio}}",
                "");
    }

    static CriteriaSet parse(String missing) {
        return CriteriaSetLoader.parse("card.yaml", set(missing).getBytes(StandardCharsets.UTF_8));
    }

    /** One scores row: unit, criterion, numerator, denominator, ratio, points, status (level and group from the set). */
    private static Row score(CriteriaSet set, String unit, String code, String n, String d, String ratio, String points,
                             String status, boolean finding) {
        String level = unit.startsWith("S") ? "SO" : "XA";
        var c = set.criterion(code);
        return RowFactory.create(set.id, set.version, set.contentHash, unit, level, level, "2025",
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), LocalDate.of(2025, 12, 31), c.group, code, null, c.name,
                c.source.name().toLowerCase(), dec(n), dec(d), dec(ratio), dec(points), dec(c.max.toPlainString()), status,
                finding, null);
    }

    private static BigDecimal dec(String s) {
        return s == null ? null : new BigDecimal(s).setScale(10);
    }

    static Dataset<Row> scores(CriteriaSet set) {
        List<Row> rows = new ArrayList<>();
        String na = "not_applicable";
        // X1: everything scored. T = 0.3 x 0.9 = 0.27 -> 0.27 x 6 / 0.5 = 3.24; G 0.04 -> 2 x 0.16 / 0.2 = 1.6.
        rows.add(score(set, "X1", "R", "9", "10", "0.9", "3.6", "scored", false));
        rows.add(score(set, "X1", "T", "3", "10", "0.27", "3.24", "scored", false));
        rows.add(score(set, "X1", "G", "1", "25", "0.04", "1.6", "scored", false));
        rows.add(score(set, "X1", "M", null, null, null, "3.5", "manual", false));
        rows.add(score(set, "X1", "K", "2", "4", "0.5", "2", "scored", false));
        rows.add(score(set, "X1", "N", null, null, null, null, na, false));
        // X2: G below its minimum denominator, M missing, K's flag unknown on every dossier.
        rows.add(score(set, "X2", "R", "10", "10", "1", "4", "scored", false));
        rows.add(score(set, "X2", "T", "5", "10", "0.5", "6", "scored", false));
        rows.add(score(set, "X2", "G", "0", "10", null, null, "insufficient_data", false));
        rows.add(score(set, "X2", "M", null, null, null, null, "missing", false));
        rows.add(score(set, "X2", "K", "0", "4", null, null, "insufficient_data", false));
        rows.add(score(set, "X2", "N", null, null, null, null, na, false));
        // X3: R without a denominator, so T (R's multiple) has no points either; M 3.495 ties X1's 3.5 once rounded.
        rows.add(score(set, "X3", "R", "0", "0", null, null, "insufficient_data", false));
        rows.add(score(set, "X3", "T", "4", "10", null, null, "insufficient_data", false));
        rows.add(score(set, "X3", "G", "2", "20", "0.1", "1", "scored", false));
        rows.add(score(set, "X3", "M", null, null, null, "3.495", "manual", false));
        rows.add(score(set, "X3", "K", "4", "4", "1", "4", "scored", false));
        rows.add(score(set, "X3", "N", null, null, null, null, na, false));
        // X4: large counts; M entered as a ratio (GiaTri 0.5).
        rows.add(score(set, "X4", "R", "23770", "47540", "0.5", "2", "scored", true));
        rows.add(score(set, "X4", "T", "5", "10", "0.25", "3", "scored", false));
        rows.add(score(set, "X4", "G", "4", "20", "0.2", "0", "scored", false));
        rows.add(score(set, "X4", "M", null, null, "0.5", "2", "manual", false));
        rows.add(score(set, "X4", "K", "4", "4", "1", "4", "scored", false));
        rows.add(score(set, "X4", "N", null, null, null, null, na, false));
        // S1, a department: only N applies.
        for (String c : new String[]{"R", "T", "G", "M", "K"}) {
            rows.add(score(set, "S1", c, null, null, null, null, na, false));
        }
        rows.add(score(set, "S1", "N", "1", "2", "0.5", "1", "scored", false));
        return SparkTestSupport.spark().createDataFrame(rows, Tables.SCORES.schema());
    }

    static Dataset<Row> units() {
        List<Row> rows = new ArrayList<>();
        for (String u : new String[]{"X1", "X2", "X3", "X4", "S1"}) {
            rows.add(RowFactory.create(u, "2025", "Đơn vị " + u, false));
        }
        return SparkTestSupport.spark().createDataFrame(rows, new StructType().add("unit_code", DataTypes.StringType)
                .add("period", DataTypes.StringType).add("unit_name", DataTypes.StringType).add("no_data", DataTypes.BooleanType));
    }

    static Dataset<Row> card(CriteriaSet set) {
        Dataset<Row> scores = scores(set);
        return Scorecards.of(set, scores, Totals.groups(set, scores), Totals.index(set, scores, units()));
    }

    @Test
    void scorecardsUnderRescale() {
        CriteriaSet set = parse("rescale");
        Dataset<Row> card = Tables.SCORECARDS.conform(card(set)).cache();
        Map<String, String> rows = TinyFrames.table(card, 2, "unit_code", "criterion_code", "criterion_order", "target",
                "points", "points_lost", "no_points_reason", "criterion_rank", "criterion_ranked_units");
        Map<String, String> want = new TreeMap<>();
        want.put("X1|R", "1 1 3.6 0.4 - 2 3");
        want.put("X1|T", "2 0.5 3.24 2.76 - 2 3");
        want.put("X1|G", "3 0 1.6 0.4 - 1 3");
        want.put("X1|M", "4 - 3.5 0.5 - 1 3");          // 3.5 and X3's 3.495 both print 3.50: a tie
        want.put("X1|K", "5 1 2 2 - 3 3");
        want.put("X1|N", "6 1 - - not_applicable_level - -");
        want.put("X2|R", "1 1 4 0 - 1 3");
        want.put("X2|T", "2 0.5 6 0 - 1 3");
        want.put("X2|G", "3 0 - - below_min_denominator - -");
        want.put("X2|M", "4 - - - missing_manual_score - -");
        want.put("X2|K", "5 1 - - flag_unknown - -");
        want.put("X2|N", "6 1 - - not_applicable_level - -");
        want.put("X3|R", "1 1 - - no_denominator - -");
        want.put("X3|T", "2 0.5 - - multiplier_not_scored - -");
        want.put("X3|G", "3 0 1 1 - 2 3");
        want.put("X3|M", "4 - 3.495 0.505 - 1 3");
        want.put("X3|K", "5 1 4 0 - 1 3");
        want.put("X3|N", "6 1 - - not_applicable_level - -");
        want.put("X4|R", "1 1 2 2 - 3 3");
        want.put("X4|T", "2 0.5 3 3 - 3 3");
        want.put("X4|G", "3 0 0 2 - 3 3");
        want.put("X4|M", "4 - 2 2 - 3 3");
        want.put("X4|K", "5 1 4 0 - 1 3");
        want.put("X4|N", "6 1 - - not_applicable_level - -");
        for (String c : new String[]{"R", "T", "G", "M", "K"}) {
            want.put("S1|" + c, want.get("X1|" + c).split(" ")[0] + " " + want.get("X1|" + c).split(" ")[1]
                    + " - - not_applicable_level - -");
        }
        want.put("S1|N", "6 1 1 1 - 1 1");
        assertEquals(want, rows);

        // Group subtotals and the total, repeated on the unit's rows (one row per unit and group here).
        Map<String, String> groups = TinyFrames.table(card.filter("criterion_code IN ('R', 'M', 'N') AND NOT (unit_code = 'S1' "
                        + "AND criterion_code <> 'N') AND NOT (unit_code <> 'S1' AND criterion_code = 'N')"), 2, "unit_code",
                "group_code", "group_points", "group_available_max", "group_max_points", "group_points_lost");
        assertEquals(Map.of(
                "X1|A", "8.44 12 12 3.56", "X1|B", "5.5 8 8 2.5",
                "X2|A", "10 10 12 0", "X2|B", "- 0 8 -",
                "X3|A", "1 2 12 1", "X3|B", "7.495 8 8 0.505",
                "X4|A", "5 12 12 7", "X4|B", "6 8 8 2",
                "S1|B", "1 2 2 1"), groups);
        Map<String, String> totals = TinyFrames.table(card.filter("criterion_code = 'N'"), 1, "unit_code", "total_points",
                "available_max", "declared_total", "rescale_factor", "total", "published_total", "index_status");
        assertEquals(Map.of(
                "X1", "13.94 20 22 1.1 15.334 15.33 scored",
                "X2", "10 10 22 2.2 22 22 scored",
                "X3", "8.495 10 22 2.2 18.689 18.69 scored",
                "X4", "11 20 22 1.1 12.1 12.1 scored",
                "S1", "1 2 22 11 11 11 scored"), totals);
        Map<String, String> notes = TinyFrames.table(card.filter("criterion_code = 'R'"), 1, "unit_code", "total_note");
        assertEquals("Tổng điểm quy đổi về thang 22 trên 20 điểm có dữ liệu: 13,94 × 22 / 20 = 15,33", notes.get("X1"));
        assertEquals("Tổng điểm quy đổi về thang 22 trên 10 điểm có dữ liệu: 10,00 × 22 / 10 = 22,00", notes.get("X2"));

        // Points and points lost add up to the subtotals and, rescaled, to the published total, for every unit.
        for (Row r : card.groupBy("unit_code").agg(org.apache.spark.sql.functions.sum("points").as("p"),
                org.apache.spark.sql.functions.sum("points_lost").as("l"), org.apache.spark.sql.functions.first("available_max").as("a"),
                org.apache.spark.sql.functions.first("total_points").as("t")).collectAsList()) {
            assertEquals(0, r.getDecimal(1).compareTo(r.getDecimal(4)), r.toString());
            assertEquals(0, r.getDecimal(1).add(r.getDecimal(2)).compareTo(r.getDecimal(3)), r.toString());
        }
        // The rank stage's check finds nothing here, and finds a scorecard that lost a point.
        assertEquals(0, Scorecards.unbalanced(set, card).count());
        Dataset<Row> broken = card.withColumn("points_lost", org.apache.spark.sql.functions.expr(
                "CASE WHEN unit_code = 'X4' AND criterion_code = 'R' THEN points_lost - 1 ELSE points_lost END"));
        assertEquals(List.of("X4"), Scorecards.unbalanced(set, broken).select("unit_code").as(
                org.apache.spark.sql.Encoders.STRING()).collectAsList());
    }

    @Test
    void findingsUnderRescale() {
        CriteriaSet set = parse("rescale");
        Dataset<Row> findings = Tables.FINDINGS.conform(Findings.of(set, card(set)));
        Map<String, String> got = TinyFrames.table(findings, 2, "unit_code", "finding_rank", "criterion_code", "points_lost",
                "finding_text");
        Map<String, String> want = new TreeMap<>();
        want.put("X1|1", "T 2.76 Tỷ lệ 27,00% (mục tiêu 50%)");
        want.put("X1|2", "K 2 Cờ: đạt 2,00/4 điểm");                       // no finding_text: the standard sentence
        want.put("X1|3", "M 0.5 Chấm tay: đạt 3,50/4 điểm");                // entered as points: no {ratio_pct}, standard sentence
        want.put("X3|1", "G 1 2 hồ sơ quá hạn trên 20 hồ sơ");
        want.put("X3|2", "M 0.505 Chấm tay: đạt 3,50/4 điểm");
        want.put("X4|1", "T 3 Tỷ lệ 25,00% (mục tiêu 50%)");
        // R, G and M each lost 2: the set's order decides; M (4th) is left out.
        want.put("X4|2", "R 2 R Tỷ lệ: 23.770/47.540 (còn 23.770), tỷ lệ 0,50 = 50,00%, mục tiêu 100%, ngưỡng 90%; "
                + "2,00/4 điểm, mất 2,00");
        want.put("X4|3", "G 2 4 hồ sơ quá hạn trên 20 hồ sơ");
        want.put("S1|1", "N 1 Chỉ cho sở: đạt 1,00/2 điểm");
        assertEquals(want, got);
        // X4's M (left out above) was entered as a ratio, so its own sentence can show it.
        assertEquals("Chấm tay 2,00/4 điểm (50,00%)", Findings.sentence(set, "M", "Chấm tay", null, null, new BigDecimal("0.5"),
                null, new BigDecimal("2"), new BigDecimal("4"), new BigDecimal("2"), null));
    }

    @Test
    void underMissingZeroCriteriaWithoutPointsLoseTheirMaximum() {
        CriteriaSet set = parse("zero");
        Dataset<Row> card = card(set).cache();
        Map<String, String> x2 = TinyFrames.table(card.filter("unit_code = 'X2'"), 1, "criterion_code", "points", "points_lost",
                "no_points_reason");
        assertEquals(Map.of("R", "4 0 -", "T", "6 0 -", "G", "- 2 below_min_denominator", "M", "- 4 missing_manual_score",
                "K", "- 4 flag_unknown", "N", "- - not_applicable_level"), x2);
        Map<String, String> totals = TinyFrames.table(card.filter("criterion_code = 'R'"), 1, "unit_code", "group_points_lost",
                "total_points", "rescale_factor", "published_total", "total_note");
        assertEquals("2 10 1 10 Tổng điểm là điểm đạt, không quy đổi (tiêu chí chưa có điểm tính 0 điểm): 10,00/22",
                totals.get("X2"));
        assertEquals(0, Scorecards.unbalanced(set, card).count(), "under zero: points + lost = the applicable maximum");
        Map<String, String> findings = TinyFrames.table(Findings.of(set, card), 2, "unit_code", "finding_rank", "criterion_code",
                "finding_text");
        assertEquals("M Chấm tay: chưa có điểm (chưa có điểm chấm thủ công), tính 0/4 điểm", findings.get("X2|1"));
        assertEquals("K Cờ: chưa có điểm (không đủ dữ liệu: hồ sơ không ghi nhận thông tin cần để tính), tính 0/4 điểm",
                findings.get("X2|2"));
        assertEquals("G Thấp là tốt: chưa có điểm (không đủ dữ liệu: số hồ sơ thuộc mẫu số dưới mức tối thiểu), tính 0/2 điểm",
                findings.get("X2|3"));
        // X3 loses R's 4 and T's 6 (no points), G's 1 and M's 0.505: the three largest.
        assertEquals("T", findings.get("X3|1").split(" ")[0]);
        assertEquals("R", findings.get("X3|2").split(" ")[0]);
        assertEquals("G", findings.get("X3|3").split(" ")[0]);
        assertEquals(null, findings.get("X3|4"));
    }
}
