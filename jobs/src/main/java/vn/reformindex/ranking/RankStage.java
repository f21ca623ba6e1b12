package vn.reformindex.ranking;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import vn.reformindex.core.ExitCode;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.QualityGate;
import vn.reformindex.criteria.Uncertainty;
import vn.reformindex.period.Period;
import vn.reformindex.period.PeriodWindow;
import vn.reformindex.criteria.ScoreStatus;
import vn.reformindex.report.Report;
import vn.reformindex.spark.Names;
import vn.reformindex.spark.Caches;
import vn.reformindex.stage.RunContext;
import vn.reformindex.stage.Stage;
import vn.reformindex.stage.StageInputs;
import vn.reformindex.stage.StageOutput;
import vn.reformindex.stage.Verification;
import vn.reformindex.table.TableDecl;
import vn.reformindex.table.Tables;
import vn.reformindex.table.Types;

/**
 * The rank stage: index_scores, group_scores, comparison_ranks and scores in (with reconciliation and
 * dossier_facts for the set's data-quality gate); rankings out, with reports/rankings.csv and rankings.vi.csv
 * (one row per unit and period, with the rank interval and the quality flag); rank_intervals (the seeded
 * draws' percentiles); scorecards and findings out, with reports/scorecards(.vi).csv and findings(.vi).csv.
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

    /** What the set's data-quality gate reads (docs/criteria.md, Data-quality gate). */
    @Override
    public List<TableDecl> optionalInputs() {
        return List.of(Tables.RECONCILIATION, Tables.DOSSIER_FACTS);
    }

    @Override
    public List<TableDecl> outputs() {
        return List.of(Tables.RANKINGS, Tables.RANK_INTERVALS, Tables.SCORECARDS, Tables.FINDINGS);
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
        Dataset<Row> index = gate(set, inputs, inputs.get(Tables.INDEX_SCORES).filter(thisRun));
        Dataset<Row> ranked = Rankings.rank(set, index).drop(DataQuality.EXCLUDED);
        Uncertainty u = uncertainty(ctx, set);
        List<String> drawn = new ArrayList<>();
        for (PeriodWindow w : ctx.periods()) {
            if (u.enabled() && (u.periods == Uncertainty.Periods.ALL || w.period.kind() == Period.Kind.YEAR)) {
                drawn.add(w.label());
            }
        }
        Dataset<Row> intervals = drawn.isEmpty()
                ? ctx.spark.createDataFrame(List.of(), Tables.RANK_INTERVALS.schema())
                : Caches.perUnit(RankIntervals.of(set, u, ranked.filter(col("period").isin(drawn.toArray())),
                        inputs.get(Tables.SCORES).filter(thisRun).filter(col("period").isin(drawn.toArray()))));
        List<String> groupCodes = Rankings.groupCodes(set);
        Dataset<Row> withGroups = ranked.join(intervals.select("unit_code", "period", "median_rank", "rank_p5",
                                "rank_p95", "total_p5", "total_p95", "rank_distinction"), Names.seq("unit_code", "period"), "left")
                .join(Rankings.groupPointColumns(set, inputs.get(Tables.GROUP_SCORES).filter(thisRun)),
                        Names.seq("unit_code", "period"), "left");
        Dataset<Row> rankings = Rankings.withMethodSplit(Rankings.withChanges(withGroups,
                        inputs.get(Tables.COMPARISON_RANKS).filter(thisRun).drop("criteria_set_hash"), groupCodes),
                inputs.get(Tables.INDEX_SCORES), set.contentHash);
        // Kept once computed: the findings are cut from the scorecards (their plan is the stage's largest after the draws).
        Dataset<Row> scorecards = Caches.perUnit(Scorecards.of(set, inputs.get(Tables.SCORES).filter(thisRun),
                inputs.get(Tables.GROUP_SCORES).filter(thisRun), index));
        return new StageOutput()
                .table(Tables.RANKINGS, rankings)
                .report(report(set))
                .table(Tables.RANK_INTERVALS, intervals)
                .table(Tables.SCORECARDS, scorecards)
                .table(Tables.FINDINGS, Findings.of(set, scorecards))
                .report(Scorecards.report(set))
                .report(Findings.report(set))
                .note("rank_intervals", Map.of("periods", drawn, "draws", u.draws, "seed", u.seed,
                        "weight_band", u.weightBand.toPlainString(), "bootstrap", u.bootstrap, "alternatives", u.alternatives))
                .whenWritten(() -> {
                    intervals.unpersist();
                    scorecards.unpersist();
                });
    }

    /** The set's interval settings, with the run's {@code --draws} and {@code --no-uncertainty}. */
    static Uncertainty uncertainty(RunContext ctx, CriteriaSet set) {
        Uncertainty u = set.uncertainty;
        if (ctx.config.noUncertainty()) {
            return u.withDraws(0);
        }
        return ctx.config.draws() == null ? u : u.withDraws(ctx.config.draws());
    }

    /**
     * index_scores with the data-quality gate's shares and flags when the set has a gate (null columns
     * otherwise); the tables it reads are optional inputs (a missing one gives null shares: nothing flagged).
     */
    static Dataset<Row> gate(CriteriaSet set, StageInputs inputs, Dataset<Row> index) {
        QualityGate gate = set.qualityGate;
        Dataset<Row> rejected = inputs.has(Tables.RECONCILIATION) && gate.maxRejectedShare != null
                ? DataQuality.rejectedShares(inputs.get(Tables.RECONCILIATION))
                : index.sparkSession().createDataFrame(List.of(), new StructType().add("unit_code", "string")
                        .add("rejected_share", Types.EXACT));
        Dataset<Row> synced = inputs.has(Tables.DOSSIER_FACTS) && gate.minSyncedShare != null
                ? DataQuality.syncedShares(inputs.get(Tables.DOSSIER_FACTS), index)
                : index.sparkSession().createDataFrame(List.of(), new StructType().add("unit_code", "string")
                        .add("period", "string").add("synced_share", Types.EXACT));
        return DataQuality.flag(gate, index, rejected, synced);
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

    /** Columns of the rankings report that show a result: blank on a row that is not ranked. */
    private static final List<String> RESULTS = List.of("rank", "ranked_units", "tier", "published_total", "available_max",
            "median_rank", "rank_p5", "rank_p95", "total_p5", "total_p95", "rank_distinction",
            "previous_year_total", "previous_year_rank", "change_total_vs_previous_year", "change_rank_vs_previous_year",
            "preceding_total", "preceding_rank", "change_total_vs_preceding", "change_rank_vs_preceding");

    /**
     * reports/rankings(.vi).csv: one row per ranked or unranked unit of the levels the set ranks, periods in
     * time order; an unranked row carries its reason and no result (no tier, total, rank or change).
     */
    static Report report(CriteriaSet set) {
        List<String> cols = new ArrayList<>(List.of("period", "as_of", "peer_group", "rank", "ranked_units", "unit_code",
                "unit_name", "tier", "published_total", "available_max", "median_rank", "rank_p5", "rank_p95", "total_p5",
                "total_p95", "rank_distinction", "unranked_reason", "quality_flag", "rejected_share", "synced_share"));
        Map<String, String> groupLabels = new LinkedHashMap<>();
        List<String> results = new ArrayList<>(RESULTS);
        for (CriteriaSet.Group g : set.groups) {
            cols.add(Rankings.groupPoints(g.code));
            results.add(Rankings.groupPoints(g.code));
            groupLabels.put(g.code, g.code + ": " + g.name
                    + (g.max == null ? "" : " (tối đa " + g.max.stripTrailingZeros().toPlainString().replace('.', ',') + ")"));
        }
        cols.addAll(List.of("previous_year_period", "previous_year_total", "previous_year_rank", "change_total_vs_previous_year",
                "change_rank_vs_previous_year", "change_vs_previous_year_reason", "previous_year_reaggregated_from"));
        for (CriteriaSet.Group g : set.groups) {
            cols.add(Rankings.changeOfGroup(g.code, "previous_year"));
            results.add(Rankings.changeOfGroup(g.code, "previous_year"));
        }
        List<String> methodSplit = List.of("previous_year_total_as_published", "previous_year_criteria_set_as_published",
                "change_total_vs_previous_year_as_published", "change_total_vs_previous_year_method");
        cols.addAll(methodSplit);
        results.addAll(methodSplit);
        cols.addAll(List.of("preceding_period", "preceding_total", "preceding_rank", "change_total_vs_preceding",
                "change_rank_vs_preceding", "change_vs_preceding_reason", "preceding_reaggregated_from",
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
