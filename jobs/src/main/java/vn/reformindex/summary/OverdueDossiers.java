package vn.reformindex.summary;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What inspectors act on: every dossier open and overdue at the as-of date, and every dossier resolved
 * late in the period under the published rule, with how many days late. No personal data: staged
 * dossiers hold none.
 */
public final class OverdueDossiers {
    public static final String OPEN_OVERDUE = "open_overdue";
    public static final String RESOLVED_LATE = "resolved_late";

    private OverdueDossiers() {
    }

    public static Dataset<Row> build(Dataset<Row> periodFacts, Dataset<Row> procedures) {
        Column resolvedLate = col("resolved_in_period").and(col("timeliness_published").equalTo("late"));
        Column until = when(col("open_overdue"), col("as_of")).otherwise(col("end_date"));
        return periodFacts.filter(col("open_overdue").or(resolvedLate))
                .join(org.apache.spark.sql.functions.broadcast(procedures.select("procedure_code", "procedure_name")),
                        vn.reformindex.spark.Names.seq("procedure_code"), "left")
                .select(col("unit_code"), col("period"), col("period_start"), col("period_end"), col("as_of"),
                        when(col("open_overdue"), lit(OPEN_OVERDUE)).otherwise(lit(RESOLVED_LATE)).as("kind"),
                        col("dossier_code"), col("procedure_code"), col("procedure_name"), col("field_code"),
                        col("channel"), col("received_at"), col("due_date"),
                        when(col("open_overdue"), lit(null).cast("timestamp_ntz")).otherwise(col("end_at")).as("end_at"),
                        until.as("late_until"),
                        datediff(until, col("due_date")).as("days_late"),
                        col("supplement_count"),
                        col("apology_letter"));
    }
}
