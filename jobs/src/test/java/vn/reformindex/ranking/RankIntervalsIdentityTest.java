package vn.reformindex.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
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
import vn.reformindex.table.Types;

/**
 * The rank intervals computed per peer group in one task ({@link PeerGroupDraws}) equal, row for row and
 * column for column, those of the former Spark job ({@link RankIntervalsReference}: draws as rows, a window
 * rank, {@code percentile_disc}) on hand-made frames: three peer groups and two periods, every scoring rule,
 * a {@code times} criterion, manual and catalogue criteria, exact ties, units without any total, units
 * missing criteria or all {@code scores} rows, counts that are not resampled (sums), small and large
 * denominators (exact, inversion and normal binomials), an unranked unit; a draw count where Spark 4.1's
 * {@code percentile_disc} differs from its legacy formula (10: the 95th percentile); draw counts cut into
 * equal and unequal ranges (8 ranges on local[2]: 37 draws), and fewer draws than ranges.
 */
class RankIntervalsIdentityTest {
    static final CriteriaSet SET = set("rescale");
    static final CriteriaSet ZERO = set("zero");

    static CriteriaSet set(String missing) {
        return CriteriaSetLoader.parse("identity.yaml", String.join("\n",
                "id: identity",
                "version: \"1\"",
                "total: 100",
                "missing: " + missing,
                "tiers: [{name: Tốt, from: 0}]",
                "groups: [{code: A, name: Nhóm A, max: 100}]",
                "criteria:",
                "  - {code: R, name: Tỷ lệ, group: A, source: dossiers, levels: [XA, HUYEN, SO], numerator: count_if(handled), "
                        + "denominator: count_if(handled), max: 20, scoring: {rule: ratio}}",
                "  - {code: T, name: Mục tiêu, group: A, source: dossiers, levels: [XA, HUYEN, SO], numerator: count_if(handled), "
                        + "denominator: count_if(handled), max: 20, scoring: {rule: target, target: 0.8}}",
                "  - {code: G, name: Ngày trễ, group: A, source: dossiers, levels: [XA, HUYEN], numerator: count_if(handled), "
                        + "denominator: count_if(handled), max: 15, scoring: {rule: goalpost, best: 0.5, worst: 20}}",
                "  - code: S",
                "    name: Bậc",
                "    group: A",
                "    source: dossiers",
                "    levels: [XA, HUYEN, SO]",
                "    numerator: count_if(handled)",
                "    denominator: count_if(handled)",
                "    max: 10",
                "    scoring: {rule: steps, steps: [{from: 0.5, points: 5}, {from: 0.9, points: 10}]}",
                "  - {code: C, name: Danh mục, group: A, source: catalogue, levels: [XA, HUYEN, SO], "
                        + "numerator: count_if(catalogue_online_level >= 3), denominator: count_if(procedure_code IS NOT NULL), max: 10, scoring: {rule: target, target: 0.7}}",
                "  - {code: X, name: Nhân, group: A, source: dossiers, levels: [XA, HUYEN, SO], numerator: count_if(handled), "
                        + "denominator: count_if(handled), max: 15, times: R, scoring: {rule: ratio}}",
                "  - {code: M, name: Thủ công, group: A, source: manual, levels: [XA, HUYEN, SO], max: 10}",
                "").getBytes(StandardCharsets.UTF_8));
    }

    static final StructType SCORES = new StructType()
            .add("unit_code", DataTypes.StringType).add("period", DataTypes.StringType)
            .add("criterion_code", DataTypes.StringType).add("status", DataTypes.StringType)
            .add("numerator", Types.EXACT).add("denominator", Types.EXACT).add("points", Types.EXACT);
    static final StructType RANKINGS = new StructType()
            .add("criteria_set_id", DataTypes.StringType).add("criteria_set_version", DataTypes.StringType)
            .add("criteria_set_hash", DataTypes.StringType).add("unit_code", DataTypes.StringType)
            .add("unit_name", DataTypes.StringType).add("peer_group", DataTypes.StringType)
            .add("period", DataTypes.StringType).add("ranked", DataTypes.BooleanType)
            .add("rank", DataTypes.IntegerType).add("ranked_units", DataTypes.LongType)
            .add("published_total", Types.PUBLISHED);

    private static BigDecimal dec(double v) {
        return new BigDecimal(v).setScale(4, java.math.RoundingMode.HALF_UP).setScale(10);
    }

    private static BigDecimal whole(long v) {
        return BigDecimal.valueOf(v).setScale(10);
    }

    /** A criterion's scores row drawn at random: mostly scored counts, sometimes any other status. */
    private static Row randomScore(Random rnd, String unit, String period, String code) {
        int kind = rnd.nextInt(20);
        if (code.equals("M")) {
            return kind < 14 ? RowFactory.create(unit, period, code, "manual", null, null, dec(rnd.nextInt(11)))
                    : RowFactory.create(unit, period, code, "missing", null, null, null);
        }
        if (kind == 0) {
            return RowFactory.create(unit, period, code, "insufficient_data", whole(0), whole(0), null);
        }
        if (kind == 1) {
            return RowFactory.create(unit, period, code, "not_applicable", null, null, null);
        }
        long d = new long[]{3, 20, 64, 65, 150, 900, 40_000}[rnd.nextInt(7)];
        if (kind == 2) {
            // a sum of days (not a count of the dossiers): kept as it is by the bootstrap
            return RowFactory.create(unit, period, code, "scored", dec(d * 3.7 * rnd.nextDouble()), whole(d), dec(1));
        }
        long n = kind == 3 ? d : kind == 4 ? 0 : kind == 5 ? 1 : (long) Math.floor(d * rnd.nextDouble());
        return RowFactory.create(unit, period, code, "scored", whole(n), whole(d), dec(1));
    }

    /** scores and rankings for 3 peer groups x 2 periods; returns {scores, rankings}. */
    static List<Dataset<Row>> frames(long seed) {
        Random rnd = new Random(seed);
        List<Row> scores = new ArrayList<>();
        List<Row> rankings = new ArrayList<>();
        String[] codes = {"R", "T", "G", "S", "C", "X", "M"};
        for (String period : new String[]{"2025", "2024"}) {
            for (String peer : new String[]{"XA", "HUYEN", "SO"}) {
                int units = peer.equals("SO") ? 3 : 14;
                List<Row> previous = new ArrayList<>();
                for (int k = 0; k < units; k++) {
                    String unit = peer + "-" + k;
                    List<Row> mine = new ArrayList<>();
                    if (k == 1 && !previous.isEmpty()) {
                        // the same figures as unit 0: a tie in every draw without a bootstrap
                        previous.forEach(r -> mine.add(RowFactory.create(unit, period, r.get(2), r.get(3), r.get(4), r.get(5), r.get(6))));
                    } else if (k == 2) {
                        // no criterion with points: no total in any draw (ranked last)
                        for (String c : codes) {
                            mine.add(RowFactory.create(unit, period, c, "not_applicable", null, null, null));
                        }
                    } else if (k == 3 && peer.equals("XA")) {
                        mine.add(RowFactory.create(unit, period, "M", "manual", null, null, dec(7))); // one criterion only
                    } else if (k == 4 && peer.equals("XA")) {
                        // no scores rows at all: no intervals
                    } else {
                        for (String c : codes) {
                            if (rnd.nextInt(10) > 0) { // some criteria missing from scores
                                mine.add(randomScore(rnd, unit, period, c));
                            }
                        }
                        // a criterion unknown to the set is ignored
                        mine.add(RowFactory.create(unit, period, "Z", "scored", whole(1), whole(2), dec(1)));
                    }
                    if (k == 0) {
                        previous.addAll(mine);
                    }
                    scores.addAll(mine);
                    boolean ranked = !(k == 5 && peer.equals("HUYEN"));
                    rankings.add(RowFactory.create("identity", "1", "h", unit, "Đơn vị " + unit, peer, period, ranked,
                            ranked ? 1 + k / 2 : null, (long) units, BigDecimal.valueOf(50 + k).setScale(2)));
                }
            }
        }
        var spark = SparkTestSupport.spark();
        return List.of(spark.createDataFrame(scores, SCORES), spark.createDataFrame(rankings, RANKINGS));
    }

    static Uncertainty u(int draws, String band, boolean bootstrap, boolean alternatives) {
        return new Uncertainty(draws, 766, new BigDecimal(band), bootstrap, alternatives, Uncertainty.Periods.YEARLY);
    }

    static List<Row> sorted(Dataset<Row> d) {
        List<Row> rows = new ArrayList<>(d.collectAsList());
        rows.sort(Comparator.comparing((Row r) -> r.<String>getAs("period")).thenComparing(r -> r.<String>getAs("unit_code")));
        return rows;
    }

    /** Every row and column of rank_intervals equal; returns the rows (for checks that they are not trivial). */
    static List<Row> assertSame(CriteriaSet set, Uncertainty u, long seed) {
        List<Dataset<Row>> f = frames(seed);
        List<Row> expected = sorted(RankIntervalsReference.of(set, u, f.get(1), f.get(0)));
        Dataset<Row> actualFrame = RankIntervals.of(set, u, f.get(1), f.get(0));
        assertEquals(RankIntervalsReference.of(set, u, f.get(1), f.get(0)).schema(), actualFrame.schema());
        List<Row> actual = sorted(actualFrame);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "row " + i);
        }
        return actual;
    }

    @Test
    void everyDrawSettingGivesTheFormerRows() {
        List<Row> rows = assertSame(SET, u(60, "0.1", true, true), 1);
        // 2 periods x (14 + 14 + 3) units, less the unit without scores rows (x2) and the unranked one (x2)
        assertEquals(58, rows.size());
        assertTrue(rows.stream().anyMatch(r -> r.getAs("total_p5") == null), "units without a total");
        assertTrue(rows.stream().anyMatch(r -> !r.getAs("rank_p5").equals(r.getAs("rank_p95"))), "intervals that are not points");
        assertTrue(rows.stream().anyMatch(r -> RankIntervals.INDISTINGUISHABLE.equals(r.getAs("rank_distinction"))));
        assertSame(SET, u(10, "0.3", true, true), 2);
        assertSame(ZERO, u(37, "0.1", true, false), 3);
        assertSame(ZERO, u(101, "0.5", false, true), 4);
        assertSame(SET, u(20, "0", false, false), 5);
        // fewer draws than ranges (local[2]: eight ranges): one draw per range
        assertSame(SET, u(3, "0.2", true, true), 6);
    }

    @Test
    void noDrawsGiveNoRows() {
        List<Dataset<Row>> f = frames(6);
        assertEquals(0, RankIntervals.of(SET, u(0, "0.1", true, true), f.get(1), f.get(0)).count());
    }

    @Test
    void percentileDiscIsSparksForEveryCountAndPercentage() {
        // Spark 4.1 (non-legacy): the value at 1-based position ceil(n x p); the legacy formula, position
        // floor((n - 1) x p) from 0, gives 9 of 10 at 0.95
        double[] v = new double[100];
        for (int i = 0; i < v.length; i++) {
            v[i] = i + 1;
        }
        assertEquals(3.0, PeerGroupDraws.percentileDisc(v, 60, 0.05));
        assertEquals(10.0, PeerGroupDraws.percentileDisc(v, 10, 0.95));
        assertEquals(1.0, PeerGroupDraws.percentileDisc(v, 1, 0.05));
        assertEquals(1.0, PeerGroupDraws.percentileDisc(v, 10, 0.0));
        assertEquals(null, PeerGroupDraws.percentileDisc(v, 0, 0.5));
        // and the same as Spark's own over the same values
        var spark = SparkTestSupport.spark();
        double[] ps = {0.05, 0.5, 0.95};
        for (int n : new int[]{1, 2, 7, 10, 21, 60, 99}) {
            Row r = spark.range(1, n + 1).selectExpr("cast(id as double) as x").selectExpr(
                    "percentile_disc(0.05) WITHIN GROUP (ORDER BY x)", "percentile_disc(0.5) WITHIN GROUP (ORDER BY x)",
                    "percentile_disc(0.95) WITHIN GROUP (ORDER BY x)").first();
            for (int i = 0; i < ps.length; i++) {
                assertEquals(r.getDouble(i), PeerGroupDraws.percentileDisc(v, n, ps[i]), n + " " + ps[i]);
            }
        }
    }
}
