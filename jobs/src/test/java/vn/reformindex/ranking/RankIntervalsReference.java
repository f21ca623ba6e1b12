package vn.reformindex.ranking;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.rank;
import static vn.reformindex.ranking.DrawTotal.binomial;
import static vn.reformindex.ranking.DrawTotal.mix;
import static vn.reformindex.ranking.DrawTotal.uniform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.Criterion;
import vn.reformindex.criteria.ScoreStatus;
import vn.reformindex.criteria.ScoringRule;
import vn.reformindex.criteria.Uncertainty;
import vn.reformindex.table.Types;

/**
 * The rank intervals as they were computed before {@link PeerGroupDraws} (commit 0dbb3e6), kept as the
 * reference the new computation must equal: the draws as rows of one Spark job (the draw ids crossed with
 * the units' figures, a total per row by the former DrawTotal, copied here unchanged, a rank per draw and
 * peer group by a window, {@code percentile_disc} per unit).
 */
final class RankIntervalsReference {
    private RankIntervalsReference() {
    }

    /** The former {@code RankIntervals.of}. */
    static Dataset<Row> of(CriteriaSet set, Uncertainty u, Dataset<Row> rankings, Dataset<Row> scores) {
        return RankIntervals.withNeighbours(u, rankings, perUnit(set, u, rankings, scores));
    }

    /** The former {@code perUnit}: percentiles over the draws' rows. */
    static Dataset<Row> perUnit(CriteriaSet set, Uncertainty u, Dataset<Row> rankings, Dataset<Row> scores) {
        return draws(set, u, rankings, scores).groupBy("unit_code", "period").agg(
                pct(0.5, "draw_rank").cast("int").as("median_rank"),
                pct(0.05, "draw_rank").cast("int").as("rank_p5"),
                pct(0.95, "draw_rank").cast("int").as("rank_p95"),
                pct(0.05, "draw_total").cast(Types.PUBLISHED).as("total_p5"),
                pct(0.95, "draw_total").cast(Types.PUBLISHED).as("total_p95"));
    }

    /** The former {@code RankIntervals.draws}: one row per draw and ranked unit. */
    static Dataset<Row> draws(CriteriaSet set, Uncertainty u, Dataset<Row> rankings, Dataset<Row> scores) {
        Dataset<Row> figures = RankIntervals.figures(rankings, scores);
        int parts = Math.max(1, Math.min(u.draws, rankings.sparkSession().sparkContext().defaultParallelism()));
        Dataset<Row> drawIds = rankings.sparkSession().range(0, u.draws, 1, parts).toDF("draw");
        Dataset<Row> totals = drawIds.crossJoin(broadcast(figures))
                .map(new OldDrawTotal(set, u), Encoders.row(OldDrawTotal.SCHEMA));
        WindowSpec byTotal = Window.partitionBy("period", "peer_group", "draw").orderBy(col("draw_total").desc_nulls_last());
        return totals.withColumn("draw_rank", rank().over(byTotal));
    }

    private static Column pct(double p, String column) {
        return expr("percentile_disc(" + p + ") WITHIN GROUP (ORDER BY " + column + ")");
    }

    /** The former DrawTotal, unchanged but for its name. */
    static final class OldDrawTotal implements MapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        static final StructType SCHEMA = new StructType()
                .add("unit_code", DataTypes.StringType, false)
                .add("period", DataTypes.StringType, false)
                .add("peer_group", DataTypes.StringType, false)
                .add("draw", DataTypes.LongType, false)
                .add("draw_total", DataTypes.DoubleType, true);
        private static final int SCALE = ScoringRule.SCALE;
        /** Streams of the hash: weights, method, bootstrap. */
        private static final long WEIGHT = 1, METHOD = 2, BOOTSTRAP = 3;

        private final CriteriaSet set;
        private final Uncertainty u;

        OldDrawTotal(CriteriaSet set, Uncertainty u) {
            this.set = set;
            this.u = u;
        }

        @Override
        public Row call(Row r) {
            long draw = r.getAs("draw");
            String unit = r.getAs("unit_code");
            String period = r.getAs("period");
            List<Row> figures = r.getList(r.fieldIndex("figures"));
            BigDecimal total = total(draw, unit, period, figures);
            return RowFactory.create(unit, period, r.getAs("peer_group"), draw, total == null ? null : total.doubleValue());
        }

        /** The draw's published total (two decimals, half-up) of a unit from its {@code scores} rows, or null. */
        BigDecimal total(long draw, String unit, String period, List<Row> figures) {
            int n = set.criteria.size();
            String[] status = new String[n];
            BigDecimal[] num = new BigDecimal[n];
            BigDecimal[] den = new BigDecimal[n];
            BigDecimal[] manualPoints = new BigDecimal[n];
            for (Row f : figures) {
                int i = index(f.getAs("criterion_code"));
                if (i < 0) {
                    continue;
                }
                status[i] = f.getAs("status");
                num[i] = f.getAs("numerator");
                den[i] = f.getAs("denominator");
                manualPoints[i] = f.getAs("points");
            }
            boolean linear = u.alternatives && uniform(u.seed, draw, METHOD, 0) < 0.5;
            boolean otherMissing = u.alternatives && uniform(u.seed, draw, METHOD, 1) < 0.5;
            boolean rescale = (set.missingRule == CriteriaSet.MissingRule.RESCALE) != otherMissing;
            // Bootstrap first: a criterion multiplied by another (times) uses the other's resampled count.
            BigDecimal[] drawn = new BigDecimal[n];
            for (int i = 0; i < n; i++) {
                Criterion c = set.criteria.get(i);
                if (ScoreStatus.SCORED.equals(status[i]) && num[i] != null && den[i] != null) {
                    drawn[i] = u.bootstrap && c.source == Criterion.Source.DOSSIERS
                            ? resample(num[i], den[i], mix(u.seed, draw, BOOTSTRAP, period.hashCode(), unit.hashCode(), i)) : num[i];
                }
            }
            BigDecimal points = BigDecimal.ZERO;
            BigDecimal available = BigDecimal.ZERO;
            BigDecimal applicable = BigDecimal.ZERO;
            BigDecimal applicableDrawn = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                Criterion c = set.criteria.get(i);
                if (status[i] == null || ScoreStatus.NOT_APPLICABLE.equals(status[i])) {
                    continue;
                }
                BigDecimal w = weight(draw, i);
                BigDecimal max = c.max.multiply(w);
                applicable = applicable.add(c.max);
                applicableDrawn = applicableDrawn.add(max);
                BigDecimal p = null;
                if (ScoreStatus.SCORED.equals(status[i]) && drawn[i] != null) {
                    BigDecimal nn = drawn[i];
                    BigDecimal dd = den[i];
                    if (c.times != null) {
                        int j = index(c.times);
                        if (j < 0 || drawn[j] == null) {
                            continue;
                        }
                        nn = nn.multiply(drawn[j]);
                        dd = dd.multiply(den[j]);
                    }
                    if (dd.signum() <= 0) {
                        continue;
                    }
                    ScoringRule rule = linear && c.scoring.kind == ScoringRule.Kind.TARGET ? ScoringRule.linear() : c.scoring;
                    p = rule.points(nn, dd, max);
                } else if (ScoreStatus.MANUAL.equals(status[i]) && manualPoints[i] != null) {
                    p = manualPoints[i].multiply(w);
                }
                if (p != null) {
                    points = points.add(p);
                    available = available.add(max);
                }
            }
            if (applicable.signum() == 0 || available.signum() == 0) {
                return null; // as in the published totals: no total without a criterion that has points
            }
            BigDecimal total;
            if (rescale) {
                total = points.multiply(set.total).divide(available, SCALE, RoundingMode.HALF_UP);
            } else {
                // Zero: criteria without points count 0; the drawn weights are renormalised so that the applicable
                // maximum stays what it is (with no variation this is the published total, the points).
                total = applicableDrawn.signum() == 0 ? points.setScale(SCALE, RoundingMode.HALF_UP)
                        : points.multiply(applicable).divide(applicableDrawn, SCALE, RoundingMode.HALF_UP);
            }
            return total.setScale(2, RoundingMode.HALF_UP);
        }

        /** The draw's weight factor of criterion i: uniform in [1 - band, 1 + band], six decimals (exactly 1 at band 0). */
        BigDecimal weight(long draw, int i) {
            if (u.weightBand.signum() == 0) {
                return BigDecimal.ONE;
            }
            double f = 1 + u.weightBand.doubleValue() * (2 * uniform(u.seed, draw, WEIGHT, i) - 1);
            return BigDecimal.valueOf(Math.round(f * 1e6), 6);
        }

        private int index(String code) {
            for (int i = 0; i < set.criteria.size(); i++) {
                if (set.criteria.get(i).code.equals(code)) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * A bootstrap count: the numerator of the unit's dossiers resampled with replacement, i.e. binomial
         * (denominator, ratio). Only a count of the denominator's dossiers (whole, 0..denominator) is resampled;
         * a sum or a scaled count (days, per 1,000) is kept as it is.
         */
        static BigDecimal resample(BigDecimal numerator, BigDecimal denominator, long seed) {
            BigDecimal n = numerator.stripTrailingZeros();
            BigDecimal d = denominator.stripTrailingZeros();
            if (n.scale() > 0 || d.scale() > 0 || n.signum() < 0 || n.compareTo(d) > 0 || d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
                return numerator;
            }
            long trials = d.longValueExact();
            double p = n.doubleValue() / trials;
            return BigDecimal.valueOf(binomial(trials, p, new SplittableRandom(seed)));
        }
    }
}
