package vn.reformindex.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.CriteriaSetLoader;
import vn.reformindex.criteria.Criterion;
import vn.reformindex.criteria.Uncertainty;
import vn.reformindex.table.Types;

/**
 * A draw's total in doubles ({@link DoubleTotal}) equals the exact decimal total ({@link DrawTotal#total})
 * to the published cent, for every unit and draw of random figures under the 766 set and a set with every
 * rule (rescale and zero for missing criteria, a {@code times} criterion, manual points, steps); it is the
 * one used for nearly every draw of the 766 set; and the totals the doubles cannot decide (a total exactly
 * on a half cent, one a hair below it that the exact path's rounding to scale 10 lifts onto it, a ratio
 * exactly on a step) are left to the exact path, which publishes them as the rules say.
 */
class DoubleTotalTest {
    private static final StructType FIGURE = new StructType()
            .add("criterion_code", DataTypes.StringType).add("status", DataTypes.StringType)
            .add("numerator", Types.EXACT).add("denominator", Types.EXACT).add("points", Types.EXACT);

    private static Row figure(String code, String status, BigDecimal n, BigDecimal d, BigDecimal points) {
        return new GenericRowWithSchema(new Object[]{code, status, n, d, points}, FIGURE);
    }

    private static BigDecimal whole(long v) {
        return BigDecimal.valueOf(v).setScale(10);
    }

    /** A unit's figures at random: mostly scored counts (small to large denominators), sometimes a sum of days, not applicable, missing, insufficient. */
    private static List<Row> randomFigures(Random rnd, CriteriaSet set) {
        List<Row> rows = new ArrayList<>();
        for (Criterion c : set.criteria) {
            int kind = rnd.nextInt(20);
            if (c.source == Criterion.Source.MANUAL) {
                rows.add(kind < 14 ? figure(c.code, "manual", null, null, BigDecimal.valueOf(rnd.nextInt(1001), 2))
                        : figure(c.code, "missing", null, null, null));
                continue;
            }
            if (kind == 0) {
                rows.add(figure(c.code, "insufficient_data", whole(0), whole(0), null));
                continue;
            }
            if (kind == 1) {
                rows.add(figure(c.code, "not_applicable", null, null, null));
                continue;
            }
            long d = new long[]{1, 3, 7, 20, 64, 65, 150, 900, 40_000, 2_500_000}[rnd.nextInt(10)];
            if (kind == 2) {
                rows.add(figure(c.code, "scored", BigDecimal.valueOf(rnd.nextInt(1_000_000_000), 4).multiply(BigDecimal.valueOf(d)),
                        whole(d), BigDecimal.ONE)); // a sum of days: kept as it is by the bootstrap
                continue;
            }
            long n = kind == 3 ? d : kind == 4 ? 0 : (long) Math.floor(d * rnd.nextDouble());
            rows.add(figure(c.code, "scored", whole(n), whole(d), BigDecimal.ONE));
        }
        return rows;
    }

    /** Compares both paths over units x draws; returns the share of totals the doubles decided. */
    private static double compare(CriteriaSet set, Uncertainty u, int units, int draws, long seed) {
        DrawTotal total = new DrawTotal(set, u);
        Random rnd = new Random(seed);
        List<DrawTotal.Figures> figures = new ArrayList<>();
        for (int k = 0; k < units; k++) {
            figures.add(total.figures("U" + k, "2025", randomFigures(rnd, set)));
        }
        long decided = 0;
        long compared = 0;
        long withTotal = 0;
        for (int d = 0; d < draws; d++) {
            DrawTotal.Draw draw = total.draw(d);
            for (int k = 0; k < units; k++) {
                BigDecimal exact = total.total(draw, figures.get(k));
                double published = total.publishedTotal(draw, figures.get(k));
                assertEquals(exact == null ? Double.NaN : exact.doubleValue(), published, "unit " + k + ", draw " + d);
                if (total.doubleTotal(draw, figures.get(k)) != DoubleTotal.UNSURE) {
                    decided++;
                }
                compared++;
                withTotal += exact == null ? 0 : 1;
            }
        }
        assertTrue(withTotal > compared * 0.9, "most units have a total: " + withTotal + " of " + compared);
        return (double) decided / compared;
    }

    @Test
    void equalsTheExactTotalUnderThe766SetAndDecidesNearlyEveryDraw() throws Exception {
        CriteriaSet set766 = CriteriaSetLoader.parse("766.yaml",
                Files.readAllBytes(SparkTestSupport.projectRoot().resolve("jobs/src/main/resources/criteria/766.yaml")));
        double decided = compare(set766, Uncertainty.DEFAULT, 400, 300, 1);
        assertTrue(decided > 0.999, "share decided in doubles: " + decided);
    }

    @Test
    void equalsTheExactTotalWithEveryRuleRescaleOrZero() {
        for (CriteriaSet set : new CriteriaSet[]{RankIntervalsIdentityTest.SET, RankIntervalsIdentityTest.ZERO}) {
            double decided = compare(set, Uncertainty.DEFAULT, 300, 200, 2);
            // steps decide on exact ratios (10 of 20 is on the 0.5 step): those draws go to the exact path
            assertTrue(decided > 0.5 && decided < 1, "share decided in doubles: " + decided);
            // without method alternatives or weight bands, only the bootstrap varies
            compare(set, new Uncertainty(50, 9, BigDecimal.ZERO, true, false, Uncertainty.Periods.YEARLY), 300, 50, 3);
            // no variation at all: the nominal totals
            compare(set, new Uncertainty(5, 9, BigDecimal.ZERO, false, false, Uncertainty.Periods.YEARLY), 300, 5, 4);
        }
    }

    /** A set of one criterion worth all its 100 points, no variation. */
    private static DrawTotal oneCriterion(String rule) {
        CriteriaSet set = CriteriaSetLoader.parse("one.yaml", String.join("\n",
                "id: one", "version: \"1\"", "total: 100", "missing: rescale", "tiers: [{name: Tốt, from: 0}]",
                "groups: [{code: A, name: Nhóm A, max: 100}]",
                "criteria:",
                "  - {code: R, name: Tỷ lệ, group: A, source: dossiers, levels: [XA], numerator: count_if(handled), "
                        + "denominator: count_if(handled), max: 100, scoring: " + rule + "}",
                "").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new DrawTotal(set, new Uncertainty(1, 1, BigDecimal.ZERO, false, false, Uncertainty.Periods.YEARLY));
    }

    private static double[] both(DrawTotal t, long n, long d) {
        DrawTotal.Figures f = t.figures("U", "2025", List.of(figure("R", "scored", whole(n), whole(d), BigDecimal.ONE)));
        DrawTotal.Draw draw = t.draw(0);
        BigDecimal exact = t.total(draw, f);
        return new double[]{t.doubleTotal(draw, f), t.publishedTotal(draw, f), exact.doubleValue()};
    }

    @Test
    void leavesHalfCentsAndStepTiesToTheExactPath() {
        // 1 of 20,000 x 100 points = 0.005: exactly half a cent, published 0.01 (half-up)
        double[] halfCent = both(oneCriterion("{rule: ratio}"), 1, 20_000);
        assertEquals(DoubleTotal.UNSURE, halfCent[0]);
        assertEquals(0.01, halfCent[1]);
        assertEquals(0.01, halfCent[2]);
        // 370,349,999,999 of 3 x 10^12 x 100 = 12.34499999996667: rounded to scale 10 first it is 12.3450000000,
        // published 12.35; rounded directly it would be 12.34
        double[] lifted = both(oneCriterion("{rule: ratio}"), 370_349_999_999L, 3_000_000_000_000L);
        assertEquals(DoubleTotal.UNSURE, lifted[0]);
        assertEquals(12.35, lifted[1]);
        assertEquals(12.35, lifted[2]);
        // 10 of 20 is exactly on the 0.5 step: 50 points
        DrawTotal steps = oneCriterion("{rule: steps, steps: [{from: 0.5, points: 50}, {from: 0.9, points: 100}]}");
        double[] onStep = both(steps, 10, 20);
        assertEquals(DoubleTotal.UNSURE, onStep[0]);
        assertEquals(50.0, onStep[1]);
        assertEquals(50.0, onStep[2]);
        // 9 of 20 is below it, decided in doubles: no points
        double[] below = both(steps, 9, 20);
        assertEquals(0.0, below[0]);
        assertEquals(0.0, below[1]);
        // and an ordinary ratio: 2 of 3 x 100 = 66.6666666667 points, 66.67, decided in doubles
        double[] ordinary = both(oneCriterion("{rule: ratio}"), 2, 3);
        assertEquals(66.67, ordinary[0]);
        assertEquals(66.67, ordinary[2]);
    }

    @Test
    void noCriterionWithPointsMeansNoTotalInBothPaths() {
        DrawTotal t = oneCriterion("{rule: ratio}");
        DrawTotal.Figures f = t.figures("U", "2025", List.of(figure("R", "missing", null, null, null)));
        DrawTotal.Draw draw = t.draw(0);
        assertNull(t.total(draw, f));
        assertTrue(Double.isNaN(t.publishedTotal(draw, f)));
    }
}
