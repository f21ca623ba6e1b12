package vn.reformindex.facts;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.reformindex.ingest.IngestStage;
import vn.reformindex.pipeline.Stage;
import vn.reformindex.pipeline.StageContext;
import vn.reformindex.pipeline.StageOutput;
import vn.reformindex.reference.ReferenceTables;

/** The facts stage: staged_dossiers in, dossier_facts out (one row per accepted dossier). */
public final class FactsStage implements Stage {
    @Override
    public String name() {
        return "facts";
    }

    @Override
    public List<String> inputs() {
        return List.of(IngestStage.STAGED);
    }

    @Override
    public StageOutput run(StageContext ctx, Map<String, Dataset<Row>> inputs) {
        Dataset<Row> facts = DossierFacts.build(inputs.get(IngestStage.STAGED),
                ReferenceTables.units(ctx.spark, ctx.reference.units),
                ReferenceTables.procedures(ctx.spark, ctx.reference.procedures));
        return new StageOutput().table(DossierFacts.TABLE, facts);
    }
}
