package vn.reformindex.ranking;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.Uncertainty;
import vn.reformindex.spark.Names;
import vn.reformindex.table.Types;

/**
 * Rank intervals (docs/criteria.md, Rank intervals): for each ranked unit and period, its rank and total
 * over seeded draws of what is uncertain in the method (weights within a band, target versus linear scoring,
 * rescale versus zero for missing criteria) and of its own counts (a bootstrap of its dossiers, by
 * resampling the counts). The draws are rows of one distributed job: the draws frame crossed with the units'
 * figures, a total per row, a rank per draw and peer group by a window, and percentiles per unit. No I/O.
 */
public final class RankIntervals {
    public static final String INDISTINGUISHABLE = "indistinguishable";
    public static final String DISTINGUISHABLE = "distinguishable";

    private RankIntervals() {
    }

    /**
     * One row per draw and ranked unit: {@code unit_code, period, peer_group, draw, draw_total, draw_rank}
     * ({@code draw_total} two decimals; {@code draw_rank} competition rank within the peer group and period).
     *
     * @param rankings the nominal rankings of the periods to draw (rows with {@code ranked = true} take part)
     * @param scores   the same periods' {@code scores} of the same set
     */
    public static Dataset<Row> draws(CriteriaSet set, Uncertainty u, Dataset<Row> rankings, Dataset<Row> scores) {
        Dataset<Row> units = rankings.filter(col("ranked")).select("unit_code", "period", "peer_group");
        Dataset<Row> figures = scores.select("unit_code", "period", "criterion_code", "status", "numerator", "denominator", "points")
                .join(units, Names.seq("unit_code", "period"))
                .groupBy("unit_code", "period", "peer_group")
                .agg(collect_list(struct(col("criterion_code"), col("status"), col("numerator"), col("denominator"),
                        col("points"))).as("figures"));
        int parts = Math.max(1, Math.min(u.draws, rankings.sparkSession().sparkContext().defaultParallelism()));
        Dataset<Row> drawIds = rankings.sparkSession().range(0, u.draws, 1, parts).toDF("draw");
        Dataset<Row> totals = drawIds.crossJoin(broadcast(figures))
                .map(new DrawTotal(set, u), Encoders.row(DrawTotal.SCHEMA));
        WindowSpec byTotal = Window.partitionBy("period", "peer_group", "draw").orderBy(col("draw_total").desc_nulls_last());
        return totals.withColumn("draw_rank", rank().over(byTotal));
    }

    /**
     * One row per ranked unit and period of {@code rankings}: the nominal rank and total, the median rank,
     * the 5th and 95th percentile ranks, the 5th and 95th percentile totals (the 90% interval) and whether
     * the rank interval overlaps that of a neighbour (the unit ranked just above or below): percentiles are
     * discrete (a value some draw gave), {@code percentile_disc}.
     */
    public static Dataset<Row> of(CriteriaSet set, Uncertainty u, Dataset<Row> rankings, Dataset<Row> scores) {
        Dataset<Row> perUnit = draws(set, u, rankings, scores).groupBy("unit_code", "period").agg(
                pct(0.5, "draw_rank").cast("int").as("median_rank"),
                pct(0.05, "draw_rank").cast("int").as("rank_p5"),
                pct(0.95, "draw_rank").cast("int").as("rank_p95"),
                pct(0.05, "draw_total").cast(Types.PUBLISHED).as("total_p5"),
                pct(0.95, "draw_total").cast(Types.PUBLISHED).as("total_p95"));
        Dataset<Row> nominal = rankings.filter(col("ranked")).select("criteria_set_id", "criteria_set_version",
                "criteria_set_hash", "unit_code", "unit_name", "peer_group", "period", "rank", "ranked_units", "published_total");
        WindowSpec order = Window.partitionBy("period", "peer_group").orderBy(col("rank"), col("unit_code"));
        Column overlapsAbove = lag("rank_p95", 1).over(order).geq(col("rank_p5"));
        Column overlapsBelow = lead("rank_p5", 1).over(order).leq(col("rank_p95"));
        Dataset<Row> out = nominal.join(perUnit, Names.seq("unit_code", "period"))
                .withColumn("neighbour_above", lag("unit_code", 1).over(order))
                .withColumn("neighbour_below", lead("unit_code", 1).over(order))
                .withColumn("indistinguishable", overlapsAbove.eqNullSafe(lit(true)).or(overlapsBelow.eqNullSafe(lit(true))));
        return out
                .withColumn("rank_distinction", when(col("indistinguishable"), lit(INDISTINGUISHABLE)).otherwise(lit(DISTINGUISHABLE)))
                .withColumn("draws", lit(u.draws))
                .withColumn("seed", lit(u.seed))
                .withColumn("weight_band", lit(u.weightBand).cast(Types.EXACT))
                .withColumn("bootstrap", lit(u.bootstrap))
                .withColumn("alternatives", lit(u.alternatives));
    }

    private static Column pct(double p, String column) {
        return expr("percentile_disc(" + p + ") WITHIN GROUP (ORDER BY " + column + ")");
    }
}
