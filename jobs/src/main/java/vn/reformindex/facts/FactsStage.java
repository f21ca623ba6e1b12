package vn.reformindex.facts;

import java.util.List;
import vn.reformindex.reference.ReferenceTables;
import vn.reformindex.stage.RunContext;
import vn.reformindex.stage.Stage;
import vn.reformindex.stage.StageInputs;
import vn.reformindex.stage.StageOutput;
import vn.reformindex.table.TableDecl;
import vn.reformindex.table.Tables;

/** The facts stage: staged_dossiers in, dossier_facts out (one row per accepted dossier). */
public final class FactsStage implements Stage {
    @Override
    public String name() {
        return Tables.FACTS;
    }

    @Override
    public List<TableDecl> inputs() {
        return List.of(Tables.STAGED_DOSSIERS);
    }

    @Override
    public List<TableDecl> outputs() {
        return List.of(Tables.DOSSIER_FACTS);
    }

    /** Facts do not depend on the periods. */
    @Override
    public boolean usesPeriods() {
        return false;
    }

    @Override
    public StageOutput plan(RunContext ctx, StageInputs inputs) {
        return new StageOutput().table(Tables.DOSSIER_FACTS, DossierFacts.build(inputs.get(Tables.STAGED_DOSSIERS),
                ReferenceTables.units(ctx.spark, ctx.reference.units),
                ReferenceTables.procedures(ctx.spark, ctx.reference.procedures)));
    }
}
