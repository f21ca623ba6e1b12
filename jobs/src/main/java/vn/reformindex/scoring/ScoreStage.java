package vn.reformindex.scoring;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import vn.reformindex.criteria.CheckedExpression;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.Criterion;
import vn.reformindex.facts.PeriodFacts;
import vn.reformindex.period.PeriodTable;
import vn.reformindex.period.PeriodWindow;
import vn.reformindex.ranking.Comparisons;
import vn.reformindex.ranking.Rankings;
import vn.reformindex.reference.ReferenceTables;
import vn.reformindex.spark.Names;
import vn.reformindex.spark.Caches;
import vn.reformindex.stage.RunContext;
import vn.reformindex.stage.Stage;
import vn.reformindex.stage.StageInputs;
import vn.reformindex.stage.StageOutput;
import vn.reformindex.table.TableDecl;
import vn.reformindex.table.Tables;

/**
 * The score stage: dossier_facts, the catalogue and manual scores in, through the criteria set;
 * scores, group_scores and index_scores out for the requested periods, and comparison_ranks (the ranks of
 * each requested period's comparison windows, computed in the same run).
 */
public final class ScoreStage implements Stage {
    @Override
    public String name() {
        return Tables.SCORE;
    }

    @Override
    public List<TableDecl> inputs() {
        return List.of(Tables.DOSSIER_FACTS);
    }

    @Override
    public List<TableDecl> outputs() {
        return List.of(Tables.SCORES, Tables.GROUP_SCORES, Tables.INDEX_SCORES, Tables.COMPARISON_RANKS);
    }

    @Override
    public boolean usesCriteriaSet() {
        return true;
    }

    @Override
    public StageOutput plan(RunContext ctx, StageInputs inputs) {
        CriteriaSet set = ctx.criteriaSet();
        // The stage's own source besides its table: the committee's manual scores, checked against the set.
        List<ManualScores.Entry> manual = ManualScores.read(ctx.storage, ctx.config.input(), set);
        List<Comparisons.Pair> pairs = Comparisons.of(ctx.periods());
        Map<String, PeriodWindow> windows = new LinkedHashMap<>();
        ctx.periods().forEach(w -> windows.put(w.label(), w));
        windows.putAll(Comparisons.windows(pairs));
        Dataset<Row> periods = PeriodTable.keyed(ctx.spark, windows);

        // Cache only the columns the set's expressions read (plus what the expansion and the catalogue
        // criteria need): a criteria set reads a handful of the facts' columns.
        Set<String> read = new TreeSet<>(List.of("unit_ancestors", "procedure_code", "channel",
                "paid_online", "vneid_verified"));
        for (Criterion c : set.criteria) {
            for (CheckedExpression e : new CheckedExpression[]{c.numeratorExpression, c.denominatorExpression, c.knownExpression}) {
                if (e != null && c.source == Criterion.Source.DOSSIERS) {
                    read.addAll(e.columns());
                }
            }
        }
        // Predecessors' dossiers count for their successors in the comparison windows (definitions.md, Comparisons).
        List<Comparisons.Fold> folds = Comparisons.folds(ctx.reference.units, pairs);
        Dataset<Row> periodFacts = Comparisons.reaggregate(PeriodFacts.expand(PeriodFacts.prune(inputs.get(Tables.DOSSIER_FACTS),
                        read), periods, ctx.reference.holidays), folds, ctx.reference.units);
        // The facts are aggregated once, into a small table per unit, period, ancestry and procedure; the grid,
        // the criteria and the subtrees are all derived from it, so it is the one thing kept in memory.
        FactAggregation aggregation = FactAggregation.of(set, periodFacts);
        Dataset<Row> partial = Caches.perUnit(aggregation.partial());
        partial.count(); // fill the cache before adaptive execution starts several stages reading it
        Dataset<Row> units = ReferenceTables.units(ctx.spark, ctx.reference.units);
        Dataset<Row> withData = aggregation.unitsWithData().withColumn("has_data", lit(true));
        Dataset<Row> grid = Comparisons.regrid(ReferenceTables.validUnits(units, periods), folds)
                .join(units.select("unit_code", "unit_name", "unit_level", "peer_group"), "unit_code")
                .join(periods, "period")
                .join(withData, Names.seq("unit_code", "period"), "left")
                .withColumn("no_data", col("has_data").isNull())
                .drop("has_data");
        Dataset<Row> manualRows = ManualScores.matched(ctx.spark, manual, ctx.periods(), "");
        for (Map.Entry<String, PeriodWindow> e : Comparisons.windows(pairs).entrySet()) {
            manualRows = manualRows.union(ManualScores.matched(ctx.spark, manual, List.of(e.getValue()),
                    e.getKey().substring(e.getValue().label().length())));
        }
        Dataset<Row> wide = CriterionAggregates.wide(set, grid, aggregation,
                ReferenceTables.procedures(ctx.spark, ctx.reference.procedures), manualRows);
        Dataset<Row> scores = Caches.perUnit(ScoreRows.score(set, wide));
        scores.count();
        // Kept once computed: the requested periods' index is written, the comparison periods' is ranked.
        Dataset<Row> index = Caches.perUnit(Totals.index(set, scores, grid));
        List<String> requested = ctx.periodLabels();
        Dataset<Row> ranked = Rankings.rank(set, index);
        List<Row> pairRows = new ArrayList<>();
        for (Comparisons.Pair p : pairs) {
            pairRows.add(RowFactory.create(p.requested().label(), p.basis(), p.key(), p.compared().label(), p.compared().asOf));
        }
        Dataset<Row> pairTable = ctx.spark.createDataFrame(pairRows, new StructType()
                .add("period", "string").add("basis", "string").add("key", "string")
                .add("compared_period", "string").add("compared_as_of", "date"));
        Column isRequested = col("period").isin(requested.toArray());
        Dataset<Row> base = ranked.filter(not(isRequested))
                .select(col("period").as("key"), col("unit_code"), col("published_total"), col("rank"), col("status"))
                .join(Comparisons.foldInfo(ctx.spark, folds), Names.seq("key", "unit_code"), "full_outer")
                .join(Rankings.groupPointColumns(set, Totals.groups(set, scores.filter(not(isRequested))))
                        .withColumnRenamed("period", "key"), Names.seq("key", "unit_code"), "left");
        Dataset<Row> comparisons = pairTable.join(base, "key").drop("key")
                .withColumn("criteria_set_hash", lit(set.contentHash));
        return new StageOutput()
                .table(Tables.SCORES, scores.filter(isRequested))
                .table(Tables.GROUP_SCORES, Totals.groups(set, scores.filter(isRequested)))
                .table(Tables.INDEX_SCORES, index.filter(isRequested))
                .table(Tables.COMPARISON_RANKS, comparisons)
                .note("criteria_set", Map.of("id", set.id, "version", set.version, "hash", set.contentHash, "source", set.source))
                .note("manual_scores", manual.size())
                .whenWritten(() -> {
                    index.unpersist();
                    scores.unpersist();
                    partial.unpersist();
                });
    }
}
