package vn.reformindex.summary;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;
import vn.reformindex.facts.DossierFacts;
import vn.reformindex.facts.PeriodFacts;
import vn.reformindex.ingest.IngestStage;
import vn.reformindex.period.PeriodTable;
import vn.reformindex.pipeline.RunManifest;
import vn.reformindex.pipeline.Stage;
import vn.reformindex.pipeline.StageContext;
import vn.reformindex.pipeline.StageOutput;
import vn.reformindex.reference.ReferenceTables;

/**
 * The summary stage: dossier_facts in; processing_summary, overdue_dossiers and procedure_summary out
 * (period-keyed), with reports/processing-summary(.vi).csv and reports/overdue-dossiers(.vi).csv. Fails
 * the run when a row breaks the balance identity.
 */
public final class SummaryStage implements Stage {
    @Override
    public String name() {
        return "summary";
    }

    @Override
    public List<String> inputs() {
        return List.of(DossierFacts.TABLE);
    }

    @Override
    public List<String> optionalInputs() {
        return List.of(IngestStage.QUARANTINE);
    }

    @Override
    public StageOutput run(StageContext ctx, Map<String, Dataset<Row>> inputs) {
        Dataset<Row> facts = inputs.get(DossierFacts.TABLE);
        Dataset<Row> periods = PeriodTable.of(ctx.spark, ctx.periods);
        Dataset<Row> units = ReferenceTables.units(ctx.spark, ctx.reference.units);
        Dataset<Row> procedures = ReferenceTables.procedures(ctx.spark, ctx.reference.procedures);
        // Three tables aggregate the same expansion: keep it once instead of re-reading the facts thrice.
        Dataset<Row> periodFacts = PeriodFacts.expand(PeriodFacts.prune(facts, List.of("channel", "timeliness_published",
                        "apology_letter", "procedure_code", "field_code", "end_at")), periods, ctx.reference.holidays)
                .persist(StorageLevel.MEMORY_AND_DISK());
        // Fill the cache once now: otherwise adaptive execution submits the independent shuffle stages of
        // the three tables at once, and each of them recomputes the expansion before any has cached it.
        periodFacts.count();
        Dataset<Row> summary = ProcessingSummary.build(periodFacts, facts, units,
                ReferenceTables.unitAncestors(ctx.spark, ctx.reference.units), periods, inputs.get(IngestStage.QUARANTINE));
        Dataset<Row> overdue = OverdueDossiers.build(periodFacts, procedures);
        return new StageOutput()
                .table(ProcessingSummary.TABLE, summary)
                .table(OverdueDossiers.TABLE, overdue)
                .table(ProcedureSummary.TABLE, ProcedureSummary.build(periodFacts, procedures, periods))
                .report(SummaryReports.processingSummary())
                .report(SummaryReports.overdueDossiers())
                .whenWritten(periodFacts::unpersist);
    }

    @Override
    public void verify(StageContext ctx, Map<String, Dataset<Row>> written, RunManifest manifest) {
        Dataset<Row> unbalanced = ProcessingSummary.unbalanced(written.get(ProcessingSummary.TABLE));
        long bad = unbalanced.count();
        if (bad > 0) {
            Row first = unbalanced.select("unit_code", "period", "scope").first();
            throw new PipelineException(ExitCode.CHECK_FAILED, ProcessingSummary.TABLE + ": " + bad
                    + " row(s) break carried_over + received = resolved + withdrawn + stopped + open_in_time + open_overdue, first: unit "
                    + first.getString(0) + ", period " + first.getString(1) + ", scope " + first.getString(2));
        }
    }
}
