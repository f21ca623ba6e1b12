package vn.reformindex.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import vn.reformindex.criteria.Uncertainty;
import vn.reformindex.scoring.Totals;
import vn.reformindex.table.Tables;

/**
 * Rank intervals on tiny hand-written {@code scores} (totals by {@link Totals}, nominal ranks by
 * {@link Rankings}): no variation reproduces the published ranks and totals; the intervals shrink with the
 * weight band; a unit with 40 dossiers is less certain than one with 4,000 at the same ratios; a seed
 * gives one answer.
 */
class RankIntervalsTest {
    /** Two criteria with different rules, so that weights and the target/linear choice move totals. */
    static final CriteriaSet SET = CriteriaSetLoader.parse("iv.yaml", String.join("\n",
            "id: iv",
            "version: \"1\"",
            "total: 10",
            "tiers: [{name: Tốt, from: 0}]",
            "groups: [{code: A, name: Nhóm A, max: 10}]",
            "criteria:",
            "  - {code: R, name: Tỷ lệ, group: A, source: dossiers, levels: [XA], numerator: count_if(handled), "
                    + "denominator: count_if(handled), max: 6, scoring: {rule: ratio}}",
            "  - {code: T, name: Mục tiêu, group: A, source: dossiers, levels: [XA], numerator: count_if(handled), "
                    + "denominator: count_if(handled), max: 4, scoring: {rule: target, target: 0.8}}",
            "").getBytes(StandardCharsets.UTF_8));

    private static Row score(String unit, String code, long n, long d) {
        var c = SET.criterion(code);
        BigDecimal num = BigDecimal.valueOf(n).setScale(10);
        BigDecimal den = BigDecimal.valueOf(d).setScale(10);
        return RowFactory.create(SET.id, SET.version, SET.contentHash, unit, "XA", "XA", "2025", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), LocalDate.of(2025, 12, 31), c.group, code, null, c.name, "dossiers", num, den,
                num.divide(den, 10, java.math.RoundingMode.HALF_UP), c.scoring.points(num, den, c.max), c.max.setScale(10),
                "scored", false, null);
    }

    /** unit -> {R numerator, R denominator, T numerator, T denominator}. */
    static Dataset<Row> scores(Map<String, long[]> units) {
        List<Row> rows = new ArrayList<>();
        units.forEach((u, f) -> {
            rows.add(score(u, "R", f[0], f[1]));
            rows.add(score(u, "T", f[2], f[3]));
        });
        return SparkTestSupport.spark().createDataFrame(rows, Tables.SCORES.schema());
    }

    static Dataset<Row> rankings(Dataset<Row> scores, Map<String, long[]> units) {
        List<Row> rows = new ArrayList<>();
        units.keySet().forEach(u -> rows.add(RowFactory.create(u, "2025", "Xã " + u, false)));
        Dataset<Row> grid = SparkTestSupport.spark().createDataFrame(rows, new StructType().add("unit_code", DataTypes.StringType)
                .add("period", DataTypes.StringType).add("unit_name", DataTypes.StringType).add("no_data", DataTypes.BooleanType));
        return Rankings.rank(SET, Totals.index(SET, scores, grid));
    }

    /** unit -> row of rank_intervals. */
    static Map<String, Row> intervals(Map<String, long[]> units, Uncertainty u) {
        Dataset<Row> scores = scores(units);
        Dataset<Row> out = RankIntervals.of(SET, u, rankings(scores, units), scores);
        Tables.RANK_INTERVALS.conform(out); // the frame is what the table declares
        Map<String, Row> m = new TreeMap<>();
        out.collectAsList().forEach(r -> m.put(r.getAs("unit_code"), r));
        return m;
    }

    static Uncertainty u(int draws, String band, boolean bootstrap, boolean alternatives) {
        return new Uncertainty(draws, 766, new BigDecimal(band), bootstrap, alternatives, Uncertainty.Periods.YEARLY);
    }

    static int rankWidth(Row r) {
        return (Integer) r.getAs("rank_p95") - (Integer) r.getAs("rank_p5");
    }

    static BigDecimal totalWidth(Row r) {
        return ((BigDecimal) r.getAs("total_p95")).subtract(r.getAs("total_p5"));
    }

    /**
     * Six communes whose strengths differ (R, worth 6, against T, worth 4, target 0.8), two of them with
     * the same counts (a tie), at totals close enough that weights reorder them.
     */
    static Map<String, long[]> six() {
        Map<String, long[]> m = new TreeMap<>();
        m.put("X1", new long[]{90, 100, 40, 100});  // strong on R, weak on T
        m.put("X2", new long[]{60, 100, 80, 100});  // weak on R, T at its target
        m.put("X3", new long[]{75, 100, 60, 100});
        m.put("X4", new long[]{75, 100, 60, 100});  // tied with X3
        m.put("X5", new long[]{50, 100, 30, 100});  // clearly last
        m.put("X6", new long[]{85, 100, 55, 100});
        return m;
    }

    @Test
    void withoutVariationTheIntervalsAreTheNominalRankAndTotal() {
        Map<String, Row> iv = intervals(six(), u(40, "0", false, false));
        // Totals by hand (rescale over 10 = available max): X1 = 5.4 + 2.0 = 7.40; X2 = 3.6 + 4 = 7.60;
        // X3 = X4 = 4.5 + 3.0 = 7.50; X5 = 3.0 + 1.5 = 4.50; X6 = 5.1 + 2.75 = 7.85.
        Map<String, String> total = Map.of("X1", "7.40", "X2", "7.60", "X3", "7.50", "X4", "7.50", "X5", "4.50", "X6", "7.85");
        Map<String, Integer> rank = Map.of("X6", 1, "X2", 2, "X3", 3, "X4", 3, "X1", 5, "X5", 6);
        for (String unit : rank.keySet()) {
            Row r = iv.get(unit);
            assertEquals(rank.get(unit), r.getAs("rank"), unit);
            for (String c : new String[]{"median_rank", "rank_p5", "rank_p95"}) {
                assertEquals(rank.get(unit), r.getAs(c), unit + " " + c);
            }
            assertEquals(new BigDecimal(total.get(unit)), r.getAs("published_total"), unit);
            assertEquals(new BigDecimal(total.get(unit)), r.getAs("total_p5"), unit);
            assertEquals(new BigDecimal(total.get(unit)), r.getAs("total_p95"), unit);
        }
        // Only the tie cannot be told apart: X3 and X4 share rank 3; X2 (2) and X1 (5) are distinct from them.
        assertEquals(RankIntervals.INDISTINGUISHABLE, iv.get("X3").getAs("rank_distinction"));
        assertEquals(RankIntervals.INDISTINGUISHABLE, iv.get("X4").getAs("rank_distinction"));
        for (String unit : new String[]{"X1", "X2", "X5", "X6"}) {
            assertEquals(RankIntervals.DISTINGUISHABLE, iv.get(unit).getAs("rank_distinction"), unit);
        }
        assertEquals("X2", iv.get("X3").getAs("neighbour_above"));
    }

    @Test
    void intervalsShrinkWithTheWeightBand() {
        Map<String, long[]> units = six();
        Map<String, Row> wide = intervals(units, u(300, "0.4", false, false));
        Map<String, Row> narrow = intervals(units, u(300, "0.1", false, false));
        Map<String, Row> none = intervals(units, u(300, "0", false, false));
        int wideSum = 0;
        int narrowSum = 0;
        for (String unit : units.keySet()) {
            assertTrue(totalWidth(wide.get(unit)).compareTo(totalWidth(narrow.get(unit))) >= 0, unit);
            assertTrue(totalWidth(narrow.get(unit)).compareTo(totalWidth(none.get(unit))) >= 0, unit);
            assertTrue(rankWidth(wide.get(unit)) >= rankWidth(narrow.get(unit)), unit);
            assertTrue(rankWidth(narrow.get(unit)) >= rankWidth(none.get(unit)), unit);
            assertEquals(0, rankWidth(none.get(unit)), unit);
            wideSum += rankWidth(wide.get(unit));
            narrowSum += rankWidth(narrow.get(unit));
        }
        // X1 (strong on R) and X2 (strong on T) swap places when the weights move enough.
        assertTrue(wideSum > narrowSum, wideSum + " > " + narrowSum);
        assertTrue(narrowSum > 0);
        assertTrue(totalWidth(wide.get("X1")).compareTo(totalWidth(narrow.get("X1"))) > 0);
        // The clearly last unit stays last whatever the weights: distinguishable.
        assertEquals(6, (Integer) wide.get("X5").getAs("rank_p5"));
        assertEquals(RankIntervals.DISTINGUISHABLE, wide.get("X5").getAs("rank_distinction"));
        assertEquals(RankIntervals.INDISTINGUISHABLE, wide.get("X1").getAs("rank_distinction"));
    }

    @Test
    void fortyDossiersGiveAWiderIntervalThanFourThousandAtTheSameRatios() {
        Map<String, long[]> m = new TreeMap<>();
        m.put("SMALL", new long[]{32, 40, 24, 40});          // 0.8 and 0.6 on 40 dossiers
        m.put("LARGE", new long[]{3200, 4000, 2400, 4000});  // the same ratios on 4,000
        m.put("ABOVE", new long[]{3400, 4000, 2600, 4000});  // 0.85, 0.65
        m.put("BELOW", new long[]{3000, 4000, 2200, 4000});  // 0.75, 0.55
        Map<String, Row> iv = intervals(m, u(400, "0", true, false));
        assertEquals(iv.get("SMALL").<BigDecimal>getAs("published_total"), iv.get("LARGE").<BigDecimal>getAs("published_total"));
        assertTrue(totalWidth(iv.get("SMALL")).compareTo(totalWidth(iv.get("LARGE")).multiply(BigDecimal.valueOf(3))) > 0,
                totalWidth(iv.get("SMALL")) + " vs " + totalWidth(iv.get("LARGE")));
        assertTrue(rankWidth(iv.get("SMALL")) > rankWidth(iv.get("LARGE")));
        // 4,000 dossiers: a sampling error of about 0.05 points, far from the neighbours' 0.55: LARGE moves
        // only when SMALL (about 0.54 points of sampling error) passes it.
        assertTrue((Integer) iv.get("LARGE").getAs("rank_p5") >= 2 && (Integer) iv.get("LARGE").getAs("rank_p95") <= 3);
        assertEquals(1, (Integer) iv.get("SMALL").getAs("rank_p5"));
        assertEquals(4, (Integer) iv.get("SMALL").getAs("rank_p95"));
    }

    @Test
    void theSameSeedGivesTheSameIntervals() {
        Map<String, long[]> units = six();
        units.put("X7", new long[]{20, 25, 15, 25});
        Map<String, Row> a = intervals(units, u(200, "0.2", true, true));
        Map<String, Row> b = intervals(units, u(200, "0.2", true, true));
        assertEquals(a.toString(), b.toString());
        Uncertainty other = new Uncertainty(200, 767, new BigDecimal("0.2"), true, true, Uncertainty.Periods.YEARLY);
        Map<String, Row> c = intervals(units, other);
        assertNotEquals(a.toString(), c.toString());
    }

    @Test
    void binomialDrawsHaveTheBinomialsMeanAndSpread() {
        var rnd = new java.util.SplittableRandom(1);
        for (long[] t : new long[][]{{40, 32}, {4000, 3200}, {100000, 20}, {30, 1}}) {
            double p = (double) t[1] / t[0];
            double sum = 0;
            double sq = 0;
            int n = 20000;
            for (int i = 0; i < n; i++) {
                long k = DrawTotal.binomial(t[0], p, rnd);
                assertTrue(k >= 0 && k <= t[0]);
                sum += k;
                sq += (double) k * k;
            }
            double mean = sum / n;
            double var = sq / n - mean * mean;
            double expectedVar = t[0] * p * (1 - p);
            assertEquals(t[1], mean, 4 * Math.sqrt(expectedVar / n) + 0.01, "mean of binomial(" + t[0] + ", " + p + ")");
            assertEquals(expectedVar, var, 0.1 * expectedVar + 0.01, "variance of binomial(" + t[0] + ", " + p + ")");
        }
    }
}
