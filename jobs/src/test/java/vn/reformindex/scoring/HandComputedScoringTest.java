package vn.reformindex.scoring;

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
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.CriteriaSetLoader;
import vn.reformindex.ranking.Rankings;

/**
 * Seven units scored by hand with every scoring rule (ratio, target, goalpost, steps, manual, a ratio
 * multiplied by another, unknown flags, a minimum denominator), rescaled totals, tiers, and a three-way tie
 * on the published total (one of them 14.795, which rounds half-up to 14.80).
 */
class HandComputedScoringTest {
    static final String SET = String.join("\n",
            "id: hand",
            "version: \"1\"",
            "total: 20",
            "missing: rescale",
            "tiers: [{name: Tốt, from: 16}, {name: Khá, from: 12}, {name: Yếu, from: 0}]",
            "groups: [{code: A, name: Nhóm A, max: 12}, {code: B, name: Nhóm B, max: 8}]",
            "criteria:",
            "  - {code: R, name: Tỷ lệ, group: A, source: dossiers, levels: [XA], numerator: count_if(handled), denominator: count_if(handled), max: 4, scoring: {rule: ratio}}",
            "  - {code: T, name: Mục tiêu, group: A, source: dossiers, levels: [XA], numerator: count_if(handled), denominator: count_if(handled), max: 4, scoring: {rule: target, target: 0.5}}",
            "  - {code: G, name: Thấp là tốt, group: A, source: dossiers, levels: [XA], numerator: count_if(handled), denominator: count_if(handled), max: 2, scoring: {rule: goalpost, best: 0, worst: 0.2}}",
            "  - {code: S, name: Bậc thang, group: A, source: dossiers, levels: [XA], numerator: count_if(handled), denominator: count_if(handled), max: 2, min_denominator: 5, scoring: {rule: steps, steps: [{from: 0.5, points: 1}, {from: 0.8, points: 2}]}}",
            "  - {code: M, name: Chấm tay, group: B, source: manual, levels: [XA], max: 4}",
            "  - {code: X, name: Nhân với R, group: B, source: dossiers, levels: [XA], numerator: count_if(handled), denominator: count_if(handled), known: count_if(handled), times: R, max: 4, scoring: {rule: ratio}}",
            "");

    static final StructType WIDE;

    static {
        StructType s = new StructType()
                .add("unit_code", DataTypes.StringType).add("unit_name", DataTypes.StringType)
                .add("unit_level", DataTypes.StringType).add("peer_group", DataTypes.StringType)
                .add("period", DataTypes.StringType).add("period_start", DataTypes.DateType)
                .add("period_end", DataTypes.DateType).add("as_of", DataTypes.DateType)
                .add("no_data", DataTypes.BooleanType);
        for (String c : new String[]{"n_0", "d_0", "n_1", "d_1", "n_2", "d_2", "n_3", "d_3", "mp_4", "mr_4"}) {
            s = s.add(c, DataTypes.createDecimalType(38, 10));
        }
        s = s.add("me_4", DataTypes.StringType);
        for (String c : new String[]{"n_5", "d_5", "k_5"}) {
            s = s.add(c, DataTypes.createDecimalType(38, 10));
        }
        WIDE = s;
    }

    /** R n/d, T n/d, G n/d, S n/d, manual points, X n/d/known. */
    private static Row unit(String code, String level, boolean noData, double... v) {
        List<Object> cells = new ArrayList<>(List.of(code, "Đơn vị " + code, level, level, "2025",
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), LocalDate.of(2025, 12, 31), noData));
        for (int i = 0; i < 8; i++) {
            cells.add(dec(v[i]));
        }
        cells.add(Double.isNaN(v[8]) ? null : dec(v[8]));
        cells.add(null);
        cells.add("Biên bản số 1");
        for (int i = 9; i < 12; i++) {
            cells.add(dec(v[i]));
        }
        return RowFactory.create(cells.toArray());
    }

    private static BigDecimal dec(double d) {
        return new BigDecimal(Double.toString(d)).setScale(10);
    }

    @Test
    void scoresRanksAndTiersMatchTheHandComputation() {
        CriteriaSet set = CriteriaSetLoader.parse("hand.yaml", SET.getBytes(StandardCharsets.UTF_8));
        double nan = Double.NaN;
        List<Row> rows = List.of(
                //                  R        T        G        S        M      X (n, d, known)
                unit("U1", "XA", false, 9, 10, 3, 10, 1, 20, 17, 20, 3.5, 5, 10, 10),
                unit("U2", "XA", false, 10, 10, 5, 20, 1, 20, 17, 20, 3.5, 9, 20, 20),
                unit("U3", "XA", false, 9, 10, 3, 10, 1, 20, 17, 20, 3.495, 5, 10, 10),
                unit("U4", "XA", false, 5, 10, 5, 10, 4, 20, 5, 10, 4, 5, 10, 0),
                unit("U5", "XA", false, 0, 10, 6, 10, 0, 20, 4, 4, nan, 0, 10, 10),
                unit("U6", "XA", true, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0),
                unit("U7", "SO", false, 1, 1, 1, 1, 1, 1, 1, 1, nan, 1, 1, 1));
        Dataset<Row> wide = SparkTestSupport.spark().createDataFrame(rows, WIDE);
        Dataset<Row> scores = ScoreRows.score(set, wide);

        Map<String, String> points = new TreeMap<>();
        for (Row r : scores.select("unit_code", "criterion_code", "ratio", "points", "status").collectAsList()) {
            points.put(r.getString(0) + " " + r.getString(1), plain(r.getDecimal(2)) + " " + plain(r.getDecimal(3)) + " " + r.getString(4));
        }
        Map<String, String> expected = new TreeMap<>();
        // U1: R 0.9 x 4; T 0.3 x 4 / 0.5; G 2 x (0.2 - 0.05) / 0.2; S 0.85 >= 0.8; M entered; X 0.5 x 0.9 = 0.45 x 4
        expected.put("U1 R", "0.9 3.6 scored");
        expected.put("U1 T", "0.3 2.4 scored");
        expected.put("U1 G", "0.05 1.5 scored");
        expected.put("U1 S", "0.85 2 scored");
        expected.put("U1 M", "- 3.5 manual");
        expected.put("U1 X", "0.45 1.8 scored");
        expected.put("U2 R", "1 4 scored");
        expected.put("U2 T", "0.25 2 scored");
        expected.put("U3 M", "- 3.495 manual");
        // U4: T at its target gets full points; G at the worst goalpost 0; S 0.5 -> 1; X's flag unknown on all dossiers.
        expected.put("U4 T", "0.5 4 scored");
        expected.put("U4 G", "0.2 0 scored");
        expected.put("U4 S", "0.5 1 scored");
        expected.put("U4 X", "- - insufficient_data");
        // U5: S below its minimum denominator; no manual score; X = 0 x 0.
        expected.put("U5 S", "- - insufficient_data");
        expected.put("U5 M", "- - missing");
        expected.put("U5 G", "0 2 scored");
        expected.put("U5 X", "0 0 scored");
        expected.put("U6 R", "- - insufficient_data");
        expected.put("U7 R", "- - not_applicable");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(e.getValue(), points.get(e.getKey()), e.getKey());
        }

        Dataset<Row> index = Totals.index(set, scores, wide);
        Dataset<Row> ranked = Rankings.rank(set, index);
        Map<String, String> table = new TreeMap<>();
        for (Row r : ranked.select("unit_code", "total", "published_total", "tier", "rank", "ranked_units", "unranked_reason")
                .collectAsList()) {
            table.put(r.getString(0), plain(r.getDecimal(1)) + " | " + plain(r.getDecimal(2)) + " | " + r.get(3)
                    + " | " + r.get(4) + "/" + r.get(5) + " | " + r.get(6));
        }
        Map<String, String> want = new TreeMap<>();
        want.put("U1", "14.8 | 14.8 | Khá | 1/5 | null");
        want.put("U2", "14.8 | 14.8 | Khá | 1/5 | null");
        want.put("U3", "14.795 | 14.8 | Khá | 1/5 | null");  // 14.795 -> 14.80 half-up: a tie
        want.put("U4", "13.75 | 13.75 | Khá | 4/5 | null");  // 11 of 16 available, rescaled to 20
        want.put("U5", "8.5714285714 | 8.57 | Yếu | 5/5 | null"); // 6 of 14 available, rescaled to 20
        want.put("U6", "10 | 10 | Yếu | null/null | no_data");
        want.put("U7", "- | - | null | null/null | not_applicable");
        assertEquals(want, table);

        Map<String, String> groups = new TreeMap<>();
        for (Row r : Totals.groups(set, scores).filter("unit_code IN ('U1', 'U4')")
                .select("unit_code", "group_code", "points", "available_max").collectAsList()) {
            groups.put(r.getString(0) + " " + r.getString(1), plain(r.getDecimal(2)) + "/" + plain(r.getDecimal(3)));
        }
        assertEquals(Map.of("U1 A", "9.5/12", "U1 B", "5.3/8", "U4 A", "7/12", "U4 B", "4/4"), groups);
    }

    private static String plain(BigDecimal d) {
        return d == null ? "-" : d.stripTrailingZeros().toPlainString();
    }
}
