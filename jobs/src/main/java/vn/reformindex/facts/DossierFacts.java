package vn.reformindex.facts;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.reformindex.core.EndOfProcessing;

/**
 * Staged dossiers to dossier_facts: the period-independent facts of definitions.md, one row per accepted
 * dossier. Period membership is not stored here: {@link PeriodFacts} derives it when aggregating.
 */
public final class DossierFacts {
    public static final String TABLE = "dossier_facts";

    private static final String RESOLVED = EndOfProcessing.RESOLVED.code;

    private DossierFacts() {
    }

    /**
     * @param staged     staged_dossiers
     * @param units      {@link vn.reformindex.reference.ReferenceTables#units}
     * @param procedures {@link vn.reformindex.reference.ReferenceTables#procedures}
     */
    public static Dataset<Row> build(Dataset<Row> staged, Dataset<Row> units, Dataset<Row> procedures) {
        Dataset<Row> u = units.select(col("unit_code").as("u_code"), col("unit_level"), col("ancestors").as("unit_ancestors"));
        Dataset<Row> p = procedures.withColumnRenamed("procedure_code", "p_code");
        // 766: the citizen's supplement time is not the unit's; it is subtracted from the end before comparing.
        Column effectiveEnd = expr("end_at - make_dt_interval(0, 0, 0, CAST(supplement_hours * 3600 AS DECIMAL(18, 6)))");
        return staged
                .join(broadcast(u), col("unit_code").equalTo(col("u_code")), "left")
                .join(broadcast(p), col("procedure_code").equalTo(col("p_code")), "left")
                .withColumn("end_at", EndOfProcessing.endAtColumn())
                .withColumn("effective_end_at_766", effectiveEnd)
                .select(columns());
    }

    private static Column[] columns() {
        Column status = col("status");
        Column endKind = EndOfProcessing.kindColumn();
        Column endAt = col("end_at");
        Column endDate = to_date(endAt);
        Column dueDate = to_date(col("due_at"));
        Column published = when(endKind.equalTo(RESOLVED),
                when(dueDate.isNull(), lit("unknown"))
                        .when(endDate.lt(dueDate), lit("early"))
                        .when(endDate.equalTo(dueDate), lit("on_time"))
                        .otherwise(lit("late")));
        Column fee = col("fee_total");
        // Known: a dossier without a fee and without a fee-bearing catalogue entry has none (false, not null).
        Column hasFee = coalesce(fee.gt(0).or(col("procedure_has_fee").equalTo(true).and(fee.isNull().or(not(fee.equalTo(0))))),
                lit(false));
        Column ratingDate = when(col("rating").isNotNull(),
                coalesce(to_date(col("rated_at")), when(endKind.equalTo(RESOLVED), endDate)));
        return new Column[]{
                col("dossier_code"),
                col("unit_code"),
                col("unit_level"),
                coalesce(col("unit_ancestors"), expr("CAST(array() AS ARRAY<STRING>)")).as("unit_ancestors"),
                col("procedure_code"),
                coalesce(col("field_code"), col("catalogue_field_code")).as("field_code"),
                col("procedure_name").isNotNull().as("procedure_known"),
                col("procedure_level"),
                status,
                EndOfProcessing.receivedColumn().as("is_received"),
                to_date(col("submitted_at")).as("submitted_date"),
                col("received_at"),
                to_date(col("received_at")).as("received_date"),
                dueDate.as("due_date"),
                endKind.as("end_kind"),
                endAt.as("end_at"),
                endDate.as("end_date"),
                col("channel"),
                coalesce(col("online_level"), col("catalogue_online_level")).as("online_level"),
                col("applicant_type"),
                col("supplement_count"),
                col("supplement_hours"),
                published.as("timeliness_published"),
                col("effective_end_at_766"),
                to_date(col("effective_end_at_766")).as("effective_end_date_766"),
                col("time_limit"),
                col("time_limit_unit"),
                col("apology_letter"),
                col("rating"),
                ratingDate.as("rating_date"),
                col("feedback"),
                fee.as("fee_total"),
                hasFee.as("has_fee"),
                col("online_payment"),
                col("online_payment").isin(1, 2).as("paid_online"),
                col("procedure_has_fee"),
                col("requires_document_result"),
                col("citizen_facing"),
                col("synced_to_portal"),
                col("has_digitized_component"),
                col("reused_digitized_data"),
                col("from_citizen_data_store"),
                col("electronic_result"),
                col("vneid_verified"),
                col("updated_at"),
        };
    }
}
