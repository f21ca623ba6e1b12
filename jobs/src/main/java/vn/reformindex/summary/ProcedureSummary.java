package vn.reformindex.summary;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.reformindex.table.Tables;

/**
 * The processing summary's counts per unit x procedure and per unit x field (scope self), so that a
 * department head sees which procedures are late or never submitted online. Only combinations with at
 * least one dossier in the period have a row.
 */
public final class ProcedureSummary {
    public static final String BY_PROCEDURE = "procedure";
    public static final String BY_FIELD = "field";
    /** Shown for dossiers without a procedure or field code. */
    public static final String NONE = "?";

    private ProcedureSummary() {
    }

    public static Dataset<Row> build(Dataset<Row> periodFacts, Dataset<Row> procedures, Dataset<Row> periods) {
        return fromCounts(Counts.perProcedureAndField(periodFacts), procedures, periods);
    }

    /** @param counts {@link Counts#perProcedureAndField}: rolled up to each procedure and to each field */
    public static Dataset<Row> fromCounts(Dataset<Row> counts, Dataset<Row> procedures, Dataset<Row> periods) {
        Dataset<Row> byProcedure = Counts.rollUp(counts, col("unit_code"), col("period"),
                        coalesce(col("procedure_code"), lit(NONE)).as("code"))
                .withColumn("breakdown", lit(BY_PROCEDURE));
        Dataset<Row> byField = Counts.rollUp(counts, col("unit_code"), col("period"),
                        coalesce(col("field_code"), lit(NONE)).as("code"))
                .withColumn("breakdown", lit(BY_FIELD));
        Dataset<Row> names = procedures.select(col("procedure_code").as("code"), col("procedure_name").as("name"))
                .withColumn("breakdown", lit(BY_PROCEDURE));
        return Tables.PROCEDURE_SUMMARY.conform(Counts.withPercentages(byProcedure.unionByName(byField))
                .join(broadcast(names), vn.reformindex.spark.Names.seq("breakdown", "code"), "left")
                .join(broadcast(periods.drop("period_kind")), vn.reformindex.spark.Names.seq("period")));
    }
}
