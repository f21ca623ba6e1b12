package vn.reformindex.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.Uncertainty;

/**
 * A range of draws of one peer group and period in one task (docs/criteria.md, Rank intervals): each unit's
 * figures are read once, each draw of the range gives every unit its total ({@link DrawTotal}) and its
 * competition rank within the group (descending total, ties share the rank, units without a total last, as
 * Spark's {@code rank()} over {@code desc_nulls_last}). One row per unit of the group with its ranks and
 * totals in the range's draws. A unit's ranges are then joined and its percentiles taken as Spark 4.1's
 * {@code percentile_disc} takes them ({@link Percentiles}): a draw depends on (seed, draw) alone, so how the
 * draws are cut into ranges does not change any figure.
 */
final class PeerGroupDraws implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    /** A unit's ranks and totals in a range of draws (total NaN: no total in that draw). */
    static final StructType SLICE = new StructType()
            .add("unit_code", DataTypes.StringType, false)
            .add("period", DataTypes.StringType, false)
            .add("ranks", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add("totals", DataTypes.createArrayType(DataTypes.DoubleType, false), false);
    /** Percentiles as doubles, as {@code percentile_disc} returns them; the caller casts them. */
    static final StructType SCHEMA = new StructType()
            .add("unit_code", DataTypes.StringType, false)
            .add("period", DataTypes.StringType, false)
            .add("median_rank", DataTypes.DoubleType, true)
            .add("rank_p5", DataTypes.DoubleType, true)
            .add("rank_p95", DataTypes.DoubleType, true)
            .add("total_p5", DataTypes.DoubleType, true)
            .add("total_p95", DataTypes.DoubleType, true);

    private final DrawTotal drawTotal;

    PeerGroupDraws(CriteriaSet set, Uncertainty u) {
        this.drawTotal = new DrawTotal(set, u);
    }

    /**
     * {@code r}: {@code period, peer_group, units, draw_from, draw_to} with {@code units} a list of
     * {@code (unit_code, figures)}; the draws {@code draw_from <= d < draw_to}.
     */
    @Override
    public Iterator<Row> call(Row r) {
        String period = r.getAs("period");
        List<Row> units = r.getList(r.fieldIndex("units"));
        int from = r.getAs("draw_from");
        int draws = (int) r.getAs("draw_to") - from;
        int n = units.size();
        String[] codes = new String[n];
        DrawTotal.Figures[] figures = new DrawTotal.Figures[n];
        for (int k = 0; k < n; k++) {
            Row unit = units.get(k);
            codes[k] = unit.getAs("unit_code");
            figures[k] = drawTotal.figures(codes[k], period, unit.getList(unit.fieldIndex("figures")));
        }
        // ranks[k][d], totals[k][d]: unit k's rank and total in draw from + d (NaN: no total).
        int[][] ranks = new int[n][draws];
        double[][] totals = new double[n][draws];
        double[] sorted = new double[n];
        for (int d = 0; d < draws; d++) {
            DrawTotal.Draw draw = drawTotal.draw(from + d);
            int m = 0;
            for (int k = 0; k < n; k++) {
                double t = drawTotal.publishedTotal(draw, figures[k]);
                totals[k][d] = t;
                if (!Double.isNaN(t)) {
                    sorted[m++] = t;
                }
            }
            Arrays.sort(sorted, 0, m);
            for (int k = 0; k < n; k++) {
                double t = totals[k][d];
                // competition rank: 1 + the number of greater totals; without a total, after all totals
                ranks[k][d] = Double.isNaN(t) ? m + 1 : 1 + m - upperBound(sorted, m, t);
            }
        }
        List<Row> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(RowFactory.create(codes[k], period, ranks[k], totals[k]));
        }
        return out.iterator();
    }

    /**
     * A unit's percentiles from its ranges of draws: {@code unit_code, period, slices} with {@code slices} a
     * list of {@code (ranks, totals)}, in any order (percentiles do not depend on it).
     */
    static final class Percentiles implements MapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;

        @Override
        public Row call(Row r) {
            List<Row> slices = r.getList(r.fieldIndex("slices"));
            int draws = 0;
            for (Row s : slices) {
                draws += s.getList(0).size();
            }
            double[] rk = new double[draws];
            double[] tk = new double[draws];
            int i = 0;
            int m = 0;
            for (Row s : slices) {
                List<Integer> ranks = s.getList(0);
                List<Double> totals = s.getList(1);
                for (int d = 0; d < ranks.size(); d++) {
                    rk[i++] = ranks.get(d);
                    double t = totals.get(d);
                    if (!Double.isNaN(t)) {
                        tk[m++] = t; // percentile_disc ignores nulls
                    }
                }
            }
            Arrays.sort(rk);
            Arrays.sort(tk, 0, m);
            return RowFactory.create(r.getAs("unit_code"), r.getAs("period"), percentileDisc(rk, draws, 0.5),
                    percentileDisc(rk, draws, 0.05), percentileDisc(rk, draws, 0.95), percentileDisc(tk, m, 0.05),
                    percentileDisc(tk, m, 0.95));
        }
    }

    /** The index of the first of {@code sorted[0..m)} greater than {@code v} (m when none is). */
    static int upperBound(double[] sorted, int m, double v) {
        int lo = 0;
        int hi = m;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Spark 4.1's {@code percentile_disc(p)} of {@code sorted[0..m)} (ascending; null when m = 0): with
     * {@code spark.sql.legacy.percentileDiscCalculation} false (its default), the value at the 1-based
     * position {@code ceil(m x p)} in double arithmetic (the first value at position 0), i.e. the smallest
     * value whose cumulative count reaches it (PercentileDisc.getPercentile).
     */
    static Double percentileDisc(double[] sorted, int m, double p) {
        if (m == 0) {
            return null;
        }
        long position = (long) Math.ceil((double) m * p);
        return sorted[(int) Math.max(position, 1) - 1];
    }
}
