package vn.reformindex.ranking;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.reformindex.core.ExitCode;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.ScoreStatus;
import vn.reformindex.report.Report;
import vn.reformindex.spark.Names;
import vn.reformindex.stage.RunContext;
import vn.reformindex.stage.Stage;
import vn.reformindex.stage.StageInputs;
import vn.reformindex.stage.StageOutput;
import vn.reformindex.stage.Verification;
import vn.reformindex.table.TableDecl;
import vn.reformindex.table.Tables;

/**
 * The rank stage: index_scores, group_scores, comparison_ranks and scores in; rankings out, with
 * reports/rankings.csv and rankings.vi.csv (one row per unit and period); scorecards and findings out, with
 * reports/scorecards(.vi).csv and findings(.vi).csv.
 */
public final class RankStage implements Stage {
    @Override
    public String name() {
        return Tables.RANK;
    }

    @Override
    public List<TableDecl> inputs() {
        return List.of(Tables.INDEX_SCORES, Tables.GROUP_SCORES, Tables.COMPARISON_RANKS, Tables.SCORES);
    }

    @Override
    public List<TableDecl> outputs() {
        return List.of(Tables.RANKINGS, Tables.SCORECARDS, Tables.FINDINGS);
    }

    @Override
    public boolean usesCriteriaSet() {
        return true;
    }

    /** The reports {@link #plan} cuts: rankings, scorecards, findings. */
    @Override
    public List<Report> reports(CriteriaSet set) {
        return List.of(report(set), Scorecards.report(set), Findings.report(set));
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
        Dataset<Row> scorecards = Scorecards.of(set, inputs.get(Tables.SCORES).filter(thisRun),
                inputs.get(Tables.GROUP_SCORES).filter(thisRun), index);
        return new StageOutput()
                .table(Tables.RANKINGS, rankings.join(groupPoints, Names.seq("unit_code", "period"), "left"))
                .report(report(set))
                .table(Tables.SCORECARDS, scorecards)
                .table(Tables.FINDINGS, Findings.of(set, scorecards))
                .report(Scorecards.report(set))
                .report(Findings.report(set));
    }

    /** Every scorecard of the run adds up to its unit's total (exit code 6 when one does not). */
    @Override
    public Verification verify(RunContext ctx, StageInputs written) {
        CriteriaSet set = ctx.criteriaSet();
        Dataset<Row> unbalanced = Scorecards.unbalanced(set, written.get(Tables.SCORECARDS)
                .filter(col("period").isin(ctx.periodLabels().toArray()).and(col("criteria_set_hash").equalTo(set.contentHash))));
        List<Row> first = unbalanced.select("unit_code", "period").limit(1).collectAsList();
        String detail = first.isEmpty() ? "" : Tables.SCORECARDS.name() + ": " + unbalanced.count() + " unit(s) whose points and "
                + "points lost do not add up to the total, first: unit " + first.get(0).getAs("unit_code") + ", period "
                + first.get(0).getAs("period");
        return Verification.none().check("scorecards add up to the totals", first.isEmpty(), ExitCode.CHECK_FAILED, detail);
    }

    private static String groupPoints(String groupCode) {
        return Tables.RANKINGS.column("group_<code>_points").nameFor(groupCode);
    }

    /** Columns of the rankings report that show a result: blank on a row that is not ranked. */
    private static final List<String> RESULTS = List.of("rank", "ranked_units", "tier", "published_total", "available_max",
            "previous_year_total", "previous_year_rank", "change_total_vs_previous_year", "change_rank_vs_previous_year",
            "preceding_total", "preceding_rank", "change_total_vs_preceding", "change_rank_vs_preceding");

    /**
     * reports/rankings(.vi).csv: one row per ranked or unranked unit of the levels the set ranks, periods in
     * time order; an unranked row carries its reason and no result (no tier, total, rank or change).
     */
    static Report report(CriteriaSet set) {
        List<String> cols = new ArrayList<>(List.of("period", "as_of", "peer_group", "rank", "ranked_units", "unit_code",
                "unit_name", "tier", "published_total", "available_max", "unranked_reason"));
        Map<String, String> groupLabels = new LinkedHashMap<>();
        List<String> results = new ArrayList<>(RESULTS);
        for (CriteriaSet.Group g : set.groups) {
            cols.add(groupPoints(g.code));
            results.add(groupPoints(g.code));
            groupLabels.put(g.code, g.code + ": " + g.name
                    + (g.max == null ? "" : " (tối đa " + g.max.stripTrailingZeros().toPlainString().replace('.', ',') + ")"));
        }
        cols.addAll(List.of("previous_year_period", "previous_year_total", "previous_year_rank", "change_total_vs_previous_year",
                "change_rank_vs_previous_year", "change_vs_previous_year_reason", "preceding_period", "preceding_total",
                "preceding_rank", "change_total_vs_preceding", "change_rank_vs_preceding", "change_vs_preceding_reason",
                "criteria_set_id", "criteria_set_version"));
        return Report.of("rankings.csv", Tables.RANKINGS, cols, t -> {
            Dataset<Row> shown = t.filter(col("criteria_set_hash").equalTo(set.contentHash)
                    .and(col("status").notEqual(ScoreStatus.NOT_APPLICABLE)));
            for (String c : results) {
                shown = shown.withColumn(c, when(col("ranked"), col(c)));
            }
            return shown.orderBy(col("period_start"), col("period_end"), col("peer_group"), col("rank").asc_nulls_last(),
                    col("unit_code"));
        }, true).withFamilyLabels(groupLabels);
    }
}
