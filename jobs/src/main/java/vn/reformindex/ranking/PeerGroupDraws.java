package vn.reformindex.ranking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.Uncertainty;

/**
 * All draws of one peer group and period in one task (docs/criteria.md, Rank intervals): each unit's figures
 * are read once, each draw gives every unit its total ({@link DrawTotal}) and its competition rank within
 * the group (descending total, ties share the rank, units without a total last, as Spark's {@code rank()}
 * over {@code desc_nulls_last}), and per unit the percentiles of its ranks and totals are taken as Spark
 * 4.1's {@code percentile_disc} takes them ({@link #percentileDisc}). One row per unit of the group.
 */
final class PeerGroupDraws implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
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
    private final int draws;

    PeerGroupDraws(CriteriaSet set, Uncertainty u) {
        this.drawTotal = new DrawTotal(set, u);
        this.draws = u.draws;
    }

    /** {@code r}: {@code period, peer_group, units} with {@code units} a list of {@code (unit_code, figures)}. */
    @Override
    public Iterator<Row> call(Row r) {
        String period = r.getAs("period");
        List<Row> units = r.getList(r.fieldIndex("units"));
        int n = units.size();
        String[] codes = new String[n];
        DrawTotal.Figures[] figures = new DrawTotal.Figures[n];
        for (int k = 0; k < n; k++) {
            Row unit = units.get(k);
            codes[k] = unit.getAs("unit_code");
            figures[k] = drawTotal.figures(codes[k], period, unit.getList(unit.fieldIndex("figures")));
        }
        // ranks[k][d], totals[k][d]: unit k's rank and total in draw d (NaN: no total; BigDecimal's
        // doubleValue never gives NaN).
        int[][] ranks = new int[n][draws];
        double[][] totals = new double[n][draws];
        double[] sorted = new double[n];
        for (int d = 0; d < draws; d++) {
            DrawTotal.Draw draw = drawTotal.draw(d);
            int m = 0;
            for (int k = 0; k < n; k++) {
                BigDecimal t = drawTotal.total(draw, figures[k]);
                totals[k][d] = t == null ? Double.NaN : t.doubleValue();
                if (t != null) {
                    sorted[m++] = totals[k][d];
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
            double[] rk = new double[draws];
            for (int d = 0; d < draws; d++) {
                rk[d] = ranks[k][d];
            }
            Arrays.sort(rk);
            double[] tk = new double[draws];
            int m = 0;
            for (double t : totals[k]) {
                if (!Double.isNaN(t)) {
                    tk[m++] = t; // percentile_disc ignores nulls
                }
            }
            Arrays.sort(tk, 0, m);
            out.add(RowFactory.create(codes[k], period, percentileDisc(rk, draws, 0.5), percentileDisc(rk, draws, 0.05),
                    percentileDisc(rk, draws, 0.95), percentileDisc(tk, m, 0.05), percentileDisc(tk, m, 0.95)));
        }
        return out.iterator();
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
