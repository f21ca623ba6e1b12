package vn.reformindex.ranking;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;
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
 * resampling the counts). The units' figures are gathered by peer group and period; one task computes a range
 * of a group's draws in plain Java (totals and ranks: {@link PeerGroupDraws}), then each unit's percentiles
 * are taken over all its draws. No I/O.
 */
public final class RankIntervals {
    public static final String INDISTINGUISHABLE = "indistinguishable";
    public static final String DISTINGUISHABLE = "distinguishable";

    private RankIntervals() {
    }

    /**
     * One row per ranked unit and period of {@code rankings}: the nominal rank and total, the median rank,
     * the 5th and 95th percentile ranks, the 5th and 95th percentile totals (the 90% interval) and whether
     * the rank interval overlaps that of a neighbour (the unit ranked just above or below): percentiles are
     * discrete (a value some draw gave), {@code percentile_disc}.
     */
    public static Dataset<Row> of(CriteriaSet set, Uncertainty u, Dataset<Row> rankings, Dataset<Row> scores) {
        return withNeighbours(u, rankings, perUnit(set, u, rankings, scores));
    }

    /**
     * Each ranked unit's figures: one row per unit and period, {@code unit_code, period, peer_group, figures}
     * ({@code figures} its {@code scores} rows as a list). Units without {@code scores} rows have none.
     */
    static Dataset<Row> figures(Dataset<Row> rankings, Dataset<Row> scores) {
        Dataset<Row> units = rankings.filter(col("ranked")).select("unit_code", "period", "peer_group");
        return scores.select("unit_code", "period", "criterion_code", "status", "numerator", "denominator", "points")
                .join(units, Names.seq("unit_code", "period"))
                .groupBy("unit_code", "period", "peer_group")
                .agg(collect_list(struct(col("criterion_code"), col("status"), col("numerator"), col("denominator"),
                        col("points"))).as("figures"));
    }

    /**
     * {@code unit_code, period, median_rank, rank_p5, rank_p95, total_p5, total_p95}: the units' figures
     * gathered by peer group and period (units x criteria, a small frame); each group's draws cut into
     * ranges, one task per group and range ({@link PeerGroupDraws}), so that a group as large as all the
     * communes of a country is spread over the cores; each unit's ranges then joined for its percentiles.
     */
    static Dataset<Row> perUnit(CriteriaSet set, Uncertainty u, Dataset<Row> rankings, Dataset<Row> scores) {
        Dataset<Row> groups = figures(rankings, scores)
                .groupBy("period", "peer_group")
                .agg(collect_list(struct(col("unit_code"), col("figures"))).as("units"));
        if (u.draws <= 0) {
            groups = groups.limit(0); // no draws, no percentiles: no rows, as an aggregate over no draws gives
        }
        int parts = Math.max(1, rankings.sparkSession().sparkContext().defaultParallelism());
        int ranges = Math.max(1, Math.min(u.draws, Math.min(MAX_RANGES, RANGES_PER_CORE * parts)));
        Dataset<Row> slices = groups
                .withColumn("draw_range", explode(sequence(lit(0), lit(ranges - 1))))
                .withColumn("draw_from", drawBound(col("draw_range"), u.draws, ranges))
                .withColumn("draw_to", drawBound(col("draw_range").plus(1), u.draws, ranges))
                .repartition(ranges)
                .flatMap(new PeerGroupDraws(set, u), Encoders.row(PeerGroupDraws.SLICE));
        Dataset<Row> pct = slices.groupBy("unit_code", "period")
                .agg(collect_list(struct(col("ranks"), col("totals"))).as("slices"))
                .map(new PeerGroupDraws.Percentiles(), Encoders.row(PeerGroupDraws.SCHEMA));
        return pct.select(col("unit_code"), col("period"),
                col("median_rank").cast("int").as("median_rank"),
                col("rank_p5").cast("int").as("rank_p5"),
                col("rank_p95").cast("int").as("rank_p95"),
                col("total_p5").cast(Types.PUBLISHED).as("total_p5"),
                col("total_p95").cast(Types.PUBLISHED).as("total_p95"));
    }

    /** Ranges per core: a few, so that unequal groups still keep every core busy to the end. */
    private static final int RANGES_PER_CORE = 4;
    /**
     * At most this many ranges: each range carries a copy of its group's figures (about 19 MB of shuffle per
     * copy of a country's groups, measured at 1M), so a cluster of hundreds of cores must not copy them
     * hundreds of times.
     */
    private static final int MAX_RANGES = 32;

    /** The first draw of range {@code k} of {@code ranges} over {@code draws} draws (k = ranges: draws). */
    private static Column drawBound(Column k, int draws, int ranges) {
        return k.multiply(lit((long) draws)).divide(lit(ranges)).cast("long").cast("int");
    }

    /** The nominal rankings joined to the units' percentiles, with neighbours, distinction and settings. */
    static Dataset<Row> withNeighbours(Uncertainty u, Dataset<Row> rankings, Dataset<Row> perUnit) {
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
}
