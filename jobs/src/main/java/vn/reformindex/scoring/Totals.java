package vn.reformindex.scoring;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.ScoreStatus;
import vn.reformindex.criteria.ScoringRule;
import vn.reformindex.table.Types;

/**
 * Group and index totals from the criterion points: exact sums; under the set's {@code rescale} rule the
 * index total is rescaled over the maximum of the criteria that have points. The published total is the
 * total rounded half-up to two decimals (what the committee sees; ranks and tiers use it).
 */
public final class Totals {

    private static final UserDefinedFunction PUBLISHED = udf((UDF1<BigDecimal, BigDecimal>) v ->
            v == null ? null : v.setScale(2, RoundingMode.HALF_UP), Types.PUBLISHED);

    private Totals() {
    }

    public static Dataset<Row> groups(CriteriaSet set, Dataset<Row> scores) {
        Column has = col("points").isNotNull();
        return scores.filter(col("status").notEqual(ScoreStatus.NOT_APPLICABLE))
                .groupBy(col("criteria_set_id"), col("criteria_set_version"), col("criteria_set_hash"), col("unit_code"),
                        col("period"), col("group_code"))
                .agg(first("unit_level").as("unit_level"), first("peer_group").as("peer_group"),
                        first("period_start").as("period_start"), first("period_end").as("period_end"), first("as_of").as("as_of"),
                        sum(when(has, col("points"))).as("points"),
                        sum(when(has, col("max_points")).otherwise(lit(BigDecimal.ZERO))).as("available_max"),
                        sum(col("max_points")).as("max_points"),
                        count(when(has, lit(1))).as("criteria_with_points"),
                        count(lit(1)).as("criteria_applicable"));
    }

    public static Dataset<Row> index(CriteriaSet set, Dataset<Row> scores, Dataset<Row> units) {
        Column has = col("points").isNotNull();
        BigDecimal declared = set.total;
        boolean rescale = set.missingRule == CriteriaSet.MissingRule.RESCALE;
        UserDefinedFunction total = udf((UDF2<BigDecimal, BigDecimal, BigDecimal>) (points, available) -> {
            if (points == null || available == null || available.signum() == 0) {
                return null;
            }
            return rescale ? points.multiply(declared).divide(available, ScoringRule.SCALE, RoundingMode.HALF_UP)
                    : points.setScale(ScoringRule.SCALE, RoundingMode.HALF_UP);
        }, Types.EXACT);
        Column dossierScored = when(col("source").notEqual("manual").and(col("status").equalTo(ScoreStatus.SCORED)), 1);
        Dataset<Row> t = scores
                .groupBy(col("criteria_set_id"), col("criteria_set_version"), col("criteria_set_hash"), col("unit_code"), col("period"))
                .agg(first("unit_level").as("unit_level"), first("peer_group").as("peer_group"),
                        first("period_start").as("period_start"), first("period_end").as("period_end"), first("as_of").as("as_of"),
                        sum(when(has, col("points"))).as("points"),
                        sum(when(has, col("max_points")).otherwise(lit(BigDecimal.ZERO))).as("available_max"),
                        count(when(col("status").notEqual(ScoreStatus.NOT_APPLICABLE), 1)).as("criteria_applicable"),
                        count(dossierScored).as("dossier_criteria_scored"),
                        count(when(col("status").equalTo(ScoreStatus.INSUFFICIENT), 1)).as("criteria_insufficient"),
                        count(when(col("status").equalTo(ScoreStatus.MISSING), 1)).as("criteria_missing"));
        Column totalCol = total.apply(coalesce(col("points"), lit(BigDecimal.ZERO)), col("available_max"));
        return t.join(units.select("unit_code", "period", "unit_name", "no_data"), vn.reformindex.spark.Names.seq("unit_code", "period"), "left")
                .withColumn("total", when(col("criteria_applicable").gt(0), totalCol))
                .withColumn("published_total", PUBLISHED.apply(col("total")))
                .withColumn("status", when(col("criteria_applicable").equalTo(0), lit(ScoreStatus.NOT_APPLICABLE))
                        .when(coalesce(col("no_data"), lit(true)), lit(ScoreStatus.NO_DATA))
                        .when(col("dossier_criteria_scored").equalTo(0).or(col("total").isNull()), lit(ScoreStatus.INSUFFICIENT))
                        .otherwise(lit(ScoreStatus.SCORED)))
                .withColumn("tier", tier(set).apply(col("published_total")))
                .select(col("criteria_set_id"), col("criteria_set_version"), col("criteria_set_hash"), col("unit_code"),
                        col("unit_name"), col("unit_level"), col("peer_group"), col("period"), col("period_start"),
                        col("period_end"), col("as_of"), col("points"), col("available_max"), lit(declared).cast(Types.EXACT).as("declared_total"),
                        col("total"), col("published_total"), col("tier"), col("status"), col("criteria_applicable"),
                        col("dossier_criteria_scored"), col("criteria_insufficient"), col("criteria_missing"));
    }

    static UserDefinedFunction tier(CriteriaSet set) {
        return udf((UDF1<BigDecimal, String>) set::tierOf, DataTypes.StringType);
    }
}
