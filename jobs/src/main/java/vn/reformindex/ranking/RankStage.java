package vn.reformindex.ranking;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.report.Report;
import vn.reformindex.spark.Names;
import vn.reformindex.stage.RunContext;
import vn.reformindex.stage.Stage;
import vn.reformindex.stage.StageInputs;
import vn.reformindex.stage.StageOutput;
import vn.reformindex.table.TableDecl;
import vn.reformindex.table.Tables;

/**
 * The rank stage: index_scores, group_scores and comparison_ranks in; rankings out, with
 * reports/rankings.csv and rankings.vi.csv (one row per unit and period).
 */
public final class RankStage implements Stage {
    @Override
    public String name() {
        return Tables.RANK;
    }

    @Override
    public List<TableDecl> inputs() {
        return List.of(Tables.INDEX_SCORES, Tables.GROUP_SCORES, Tables.COMPARISON_RANKS);
    }

    @Override
    public List<TableDecl> outputs() {
        return List.of(Tables.RANKINGS);
    }

    @Override
    public boolean usesCriteriaSet() {
        return true;
    }

    @Override
    public StageOutput plan(RunContext ctx, StageInputs inputs) {
        CriteriaSet set = ctx.criteriaSet();
        Column thisRun = col("period").isin(ctx.periodLabels().toArray()).and(col("criteria_set_hash").equalTo(set.contentHash));
        Dataset<Row> index = inputs.get(Tables.INDEX_SCORES).filter(thisRun);
        Dataset<Row> rankings = Rankings.withChanges(Rankings.rank(set, index),
                inputs.get(Tables.COMPARISON_RANKS).filter(thisRun).drop("criteria_set_hash"));
        List<String> groupCodes = new ArrayList<>();
        set.groups.forEach(g -> groupCodes.add(g.code));
        Dataset<Row> groupPoints = inputs.get(Tables.GROUP_SCORES).filter(thisRun)
                .groupBy("unit_code", "period").pivot("group_code", new ArrayList<>(groupCodes)).agg(first("points"));
        for (String g : groupCodes) {
            groupPoints = groupPoints.withColumnRenamed(g, groupPoints(g));
        }
        return new StageOutput()
                .table(Tables.RANKINGS, rankings.join(groupPoints, Names.seq("unit_code", "period"), "left"))
                .report(report(set));
    }

    private static String groupPoints(String groupCode) {
        return Tables.RANKINGS.column("group_<code>_points").nameFor(groupCode);
    }

    static Report report(CriteriaSet set) {
        List<String> cols = new ArrayList<>(List.of("period", "as_of", "peer_group", "rank", "ranked_units", "unit_code",
                "unit_name", "tier", "published_total", "available_max", "unranked_reason"));
        Map<String, String> groupLabels = new LinkedHashMap<>();
        for (CriteriaSet.Group g : set.groups) {
            cols.add(groupPoints(g.code));
            groupLabels.put(g.code, g.code + ": " + g.name);
        }
        cols.addAll(List.of("previous_year_period", "change_total_vs_previous_year", "change_rank_vs_previous_year",
                "change_vs_previous_year_reason", "preceding_period", "change_total_vs_preceding", "change_rank_vs_preceding",
                "change_vs_preceding_reason", "criteria_set_id", "criteria_set_version"));
        return Report.of("rankings.csv", Tables.RANKINGS, cols, t -> t.filter(col("criteria_set_hash").equalTo(set.contentHash))
                .orderBy(col("period"), col("peer_group"), col("rank").asc_nulls_last(), col("unit_code")), true)
                .withFamilyLabels(groupLabels);
    }
}
