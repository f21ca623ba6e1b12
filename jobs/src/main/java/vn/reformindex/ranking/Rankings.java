package vn.reformindex.ranking;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.ScoreStatus;

/**
 * Competition ranking (1, 2, 2, 4) within each peer group (NhomXepHang) and period on the published total
 * (two decimals, half-up), so equal published totals tie. Units with no data or insufficient data are
 * listed with their reason and ranked only when the set says so ({@code rank_incomplete}).
 */
public final class Rankings {
    public static final String PREVIOUS_YEAR = "previous_year";
    public static final String PRECEDING = "preceding_period";

    private Rankings() {
    }

    /**
     * index_scores plus {@code rank}, {@code ranked_units} and {@code unranked_reason}; a unit the data-quality
     * gate excludes ({@link DataQuality#EXCLUDED}, when the column is there) is not ranked, reason {@code quality_gate}.
     */
    public static Dataset<Row> rank(CriteriaSet set, Dataset<Row> index) {
        Column eligible = col("peer_group").isNotNull().and(col("published_total").isNotNull())
                .and(set.rankIncomplete ? col("status").notEqual(ScoreStatus.NOT_APPLICABLE) : col("status").equalTo(ScoreStatus.SCORED));
        // The data-quality gate (DataQuality.flag), when applied, takes out the units it excludes.
        boolean gated = java.util.Arrays.asList(index.columns()).contains(DataQuality.EXCLUDED);
        Column excluded = gated ? eligible.and(coalesce(col(DataQuality.EXCLUDED), lit(false))) : lit(false);
        eligible = eligible.and(org.apache.spark.sql.functions.not(excluded));
        WindowSpec byTotal = Window.partitionBy("period", "peer_group", "ranked").orderBy(col("published_total").desc());
        WindowSpec group = Window.partitionBy("period", "peer_group", "ranked");
        Dataset<Row> marked = index.withColumn("ranked", eligible);
        return marked
                .withColumn("rank", when(col("ranked"), org.apache.spark.sql.functions.rank().over(byTotal)))
                .withColumn("ranked_units", when(col("ranked"), count(lit(1)).over(group)))
                .withColumn("unranked_reason", when(col("ranked"), lit(null).cast("string"))
                        .when(col("peer_group").isNull(), lit("no_peer_group"))
                        .when(excluded, lit("quality_gate"))
                        .otherwise(col("status")));
    }

    /**
     * Rankings of the requested periods with their changes against the comparison ranks (same period of
     * the previous year; immediately preceding period). A change is empty with a reason when either side
     * is unranked, when there is no comparison row, or when the unit was reorganised in between.
     */
    public static Dataset<Row> withChanges(Dataset<Row> ranked, Dataset<Row> comparisons) {
        Dataset<Row> out = ranked;
        for (String basis : new String[]{PREVIOUS_YEAR, PRECEDING}) {
            String p = basis.equals(PREVIOUS_YEAR) ? "previous_year" : "preceding";
            Dataset<Row> c = comparisons.filter(col("basis").equalTo(basis))
                    .select(col("unit_code"), col("period"), col("compared_period").as(p + "_period"),
                            col("compared_as_of").as(p + "_as_of"), col("published_total").as(p + "_total"),
                            col("rank").as(p + "_rank"), col("reorganised").as(p + "_reorganised"));
            out = out.join(c, vn.reformindex.spark.Names.seq("unit_code", "period"), "left");
            Column reorganised = coalesce(col(p + "_reorganised"), lit(false));
            Column reason = when(reorganised, lit("reorganised"))
                    .when(col(p + "_period").isNull(), lit("no_comparison"))
                    .when(col("rank").isNull().or(col(p + "_rank").isNull()), lit("not_ranked"));
            out = out.withColumn("change_total_vs_" + p, when(reorganised.or(col(p + "_total").isNull()), lit(null))
                            .otherwise(col("published_total").minus(col(p + "_total"))))
                    .withColumn("change_rank_vs_" + p, when(reason.isNull(), col(p + "_rank").minus(col("rank"))))
                    .withColumn("change_vs_" + p + "_reason", reason)
                    .drop(p + "_reorganised");
        }
        return out;
    }
}
