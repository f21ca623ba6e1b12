package vn.reformindex.ranking;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.ScoreStatus;
import vn.reformindex.spark.Names;
import vn.reformindex.table.Tables;
import vn.reformindex.table.Types;

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

    /** The rankings column of a group's points, e.g. {@code group_1_points}. */
    public static String groupPoints(String groupCode) {
        return Tables.RANKINGS.column("group_<code>_points").nameFor(groupCode);
    }

    /** One row per unit and period with each group's points as a column ({@link #groupPoints}). */
    public static Dataset<Row> groupPointColumns(CriteriaSet set, Dataset<Row> groupScores) {
        List<String> codes = groupCodes(set);
        Dataset<Row> out = groupScores.groupBy("unit_code", "period").pivot("group_code", new ArrayList<>(codes))
                .agg(first("points"));
        for (String g : codes) {
            out = out.withColumnRenamed(g, groupPoints(g));
        }
        return out;
    }

    public static List<String> groupCodes(CriteriaSet set) {
        List<String> codes = new ArrayList<>();
        set.groups.forEach(g -> codes.add(g.code));
        return codes;
    }

    /** The prefix of a basis's columns in rankings: {@code previous_year} or {@code preceding}. */
    public static String prefix(String basis) {
        return basis.equals(PREVIOUS_YEAR) ? "previous_year" : "preceding";
    }

    /**
     * Rankings of the requested periods (with their group points) and their changes against the comparison
     * ranks (same period of the previous year; immediately preceding period), in total, rank and each
     * group's points. A change of total or group is shown whenever both totals exist; a change of rank
     * only when the unit is ranked on both sides. A unit whose counts in the comparison window were
     * re-aggregated onto its successor has no change ({@code merged_into_successor}); a successor's base
     * names the units re-aggregated onto it ({@code <basis>_reaggregated_from}).
     */
    public static Dataset<Row> withChanges(Dataset<Row> ranked, Dataset<Row> comparisons, List<String> groupCodes) {
        Dataset<Row> out = ranked;
        for (String basis : new String[]{PREVIOUS_YEAR, PRECEDING}) {
            String p = prefix(basis);
            List<Column> picked = new ArrayList<>(List.of(col("unit_code"), col("period"),
                    col("compared_period").as(p + "_period"), col("compared_as_of").as(p + "_as_of"),
                    col("published_total").as(p + "_total"), col("rank").as(p + "_rank"),
                    col("reaggregated_from").as(p + "_reaggregated_from"), col("merged_into").as(p + "_merged_into")));
            for (String g : groupCodes) {
                picked.add(col(groupPoints(g)).as(p + "_" + groupPoints(g)));
            }
            Dataset<Row> c = comparisons.filter(col("basis").equalTo(basis)).select(picked.toArray(Column[]::new));
            out = out.join(c, Names.seq("unit_code", "period"), "left");
            Column merged = col(p + "_merged_into").isNotNull();
            Column reason = when(merged, lit(MERGED))
                    .when(col(p + "_period").isNull(), lit("no_comparison"))
                    .when(col("rank").isNull().or(col(p + "_rank").isNull()), lit("not_ranked"));
            out = out.withColumn("change_total_vs_" + p, col("published_total").minus(col(p + "_total")))
                    .withColumn("change_rank_vs_" + p, when(reason.isNull(), col(p + "_rank").minus(col("rank"))))
                    .withColumn("change_vs_" + p + "_reason", reason);
            for (String g : groupCodes) {
                out = out.withColumn(changeOfGroup(g, p), col(groupPoints(g)).minus(col(p + "_" + groupPoints(g))).cast(Types.EXACT))
                        .drop(p + "_" + groupPoints(g));
            }
            out = out.drop(p + "_merged_into");
        }
        return out;
    }

    /** Why a predecessor's change is empty: its comparison counts belong to its successor. */
    public static final String MERGED = "merged_into_successor";

    public static String changeOfGroup(String groupCode, String prefix) {
        return Tables.RANKINGS.column("change_group_<code>_vs_" + prefix).nameFor(groupCode);
    }

    /**
     * Method versus performance (COINr's "what changed"): when a comparison period was published with
     * another criteria set or version, its published total is set beside the total re-scored with the
     * current set (the comparison rank's total, computed from the same facts in this run), when both exist.
     * The change against what was published then splits exactly into the unit's change (current minus re-scored, the
     * {@code change_total_vs_<basis>} column) and the method's ({@code change_total_vs_<basis>_method} =
     * re-scored minus published). A re-aggregated base has no published counterpart and gets no split.
     *
     * @param published index_scores as published (every period), from which rows of other sets are taken
     */
    public static Dataset<Row> withMethodSplit(Dataset<Row> rankings, Dataset<Row> published, String currentHash) {
        Dataset<Row> out = rankings;
        for (String basis : new String[]{PREVIOUS_YEAR, PRECEDING}) {
            String p = prefix(basis);
            Dataset<Row> before = published.filter(col("criteria_set_hash").notEqual(currentHash))
                    .select(col("unit_code"), col("period").as(p + "_period"), col("as_of").as(p + "_as_of"),
                            col("published_total").as(p + "_total_as_published"),
                            concat_ws(" ", col("criteria_set_id"), col("criteria_set_version")).as(p + "_criteria_set_as_published"));
            out = out.join(before, Names.seq("unit_code", p + "_period", p + "_as_of"), "left");
            Column comparable = col(p + "_reaggregated_from").isNull().and(col(p + "_total").isNotNull())
                    .and(col(p + "_total_as_published").isNotNull());
            out = out.withColumn(p + "_total_as_published", when(comparable, col(p + "_total_as_published")))
                    .withColumn(p + "_criteria_set_as_published", when(comparable, col(p + "_criteria_set_as_published")))
                    .withColumn("change_total_vs_" + p + "_as_published", col("published_total").minus(col(p + "_total_as_published")))
                    .withColumn("change_total_vs_" + p + "_method", col(p + "_total").minus(col(p + "_total_as_published")));
        }
        return out;
    }
}
