package vn.reformindex.summary;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.reformindex.core.ExitCode;
import vn.reformindex.facts.PeriodFacts;
import vn.reformindex.period.PeriodTable;
import vn.reformindex.reference.ReferenceTables;
import vn.reformindex.spark.Caches;
import vn.reformindex.stage.RunContext;
import vn.reformindex.stage.Stage;
import vn.reformindex.stage.StageInputs;
import vn.reformindex.stage.StageOutput;
import vn.reformindex.stage.Verification;
import vn.reformindex.table.TableDecl;
import vn.reformindex.table.Tables;

/**
 * The summary stage: dossier_facts in; processing_summary, overdue_dossiers and procedure_summary out
 * (period-keyed), with reports/processing-summary(.vi).csv and reports/overdue-dossiers(.vi).csv. Fails
 * the run when a row breaks the balance identity.
 */
public final class SummaryStage implements Stage {
    @Override
    public String name() {
        return Tables.SUMMARY;
    }

    @Override
    public List<TableDecl> inputs() {
        return List.of(Tables.DOSSIER_FACTS);
    }

    @Override
    public List<TableDecl> optionalInputs() {
        return List.of(Tables.QUARANTINE);
    }

    @Override
    public List<TableDecl> outputs() {
        return List.of(Tables.PROCESSING_SUMMARY, Tables.OVERDUE_DOSSIERS, Tables.PROCEDURE_SUMMARY);
    }

    /** The reports {@link #plan} cuts: processing summary, overdue-open, resolved-late. */
    @Override
    public List<vn.reformindex.report.Report> reports(vn.reformindex.criteria.CriteriaSet set) {
        return List.of(SummaryReports.processingSummary(), SummaryReports.openOverdue(), SummaryReports.resolvedLate());
    }

    @Override
    public StageOutput plan(RunContext ctx, StageInputs inputs) {
        Dataset<Row> facts = inputs.get(Tables.DOSSIER_FACTS);
        Dataset<Row> periods = PeriodTable.of(ctx.spark, ctx.periods());
        Dataset<Row> units = ReferenceTables.units(ctx.spark, ctx.reference.units);
        Dataset<Row> procedures = ReferenceTables.procedures(ctx.spark, ctx.reference.procedures);
        // The facts are aggregated once, per unit, procedure and field; both summaries roll that small table
        // up. Only the overdue list reads the dossiers again (it lists them), filtered as it reads.
        Dataset<Row> periodFacts = PeriodFacts.expand(PeriodFacts.prune(facts, List.of("channel", "timeliness_published",
                        "apology_letter", "procedure_code", "field_code", "end_at")), periods, ctx.reference.holidays);
        Dataset<Row> counts = Caches.perUnit(Counts.perProcedureAndField(periodFacts));
        // Fill the cache once now: otherwise adaptive execution submits the roll-ups' independent shuffle
        // stages at once, and each of them aggregates the facts before any has cached the counts.
        counts.count();
        Dataset<Row> summary = ProcessingSummary.fromCounts(counts, facts, units,
                ReferenceTables.unitAncestors(ctx.spark, ctx.reference.units), periods, inputs.optional(Tables.QUARANTINE));
        return new StageOutput()
                .table(Tables.PROCESSING_SUMMARY, summary)
                .table(Tables.OVERDUE_DOSSIERS, OverdueDossiers.build(periodFacts, procedures)
                        .join(org.apache.spark.sql.functions.broadcast(units.select("unit_code", "unit_name")),
                                vn.reformindex.spark.Names.seq("unit_code"), "left"))
                .table(Tables.PROCEDURE_SUMMARY, ProcedureSummary.fromCounts(counts, procedures, periods))
                .report(SummaryReports.processingSummary())
                .report(SummaryReports.openOverdue())
                .report(SummaryReports.resolvedLate())
                .whenWritten(counts::unpersist);
    }

    /** The balance identity on every row (exit code 6 when one breaks it). */
    @Override
    public Verification verify(RunContext ctx, StageInputs written) {
        Dataset<Row> unbalanced = ProcessingSummary.unbalanced(written.get(Tables.PROCESSING_SUMMARY));
        List<Row> first = unbalanced.select("unit_code", "period", "scope").limit(3).collectAsList();
        String detail = first.isEmpty() ? "" : Tables.PROCESSING_SUMMARY.name() + ": " + unbalanced.count()
                + " row(s) break carried_over + received = resolved + withdrawn + stopped + open_in_time + open_overdue, first: unit "
                + first.get(0).getAs("unit_code") + ", period " + first.get(0).getAs("period") + ", scope " + first.get(0).getAs("scope");
        return Verification.none().check("balance identity of processing_summary", first.isEmpty(), ExitCode.CHECK_FAILED, detail);
    }
}
