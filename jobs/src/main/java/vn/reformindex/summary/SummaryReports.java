package vn.reformindex.summary;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import vn.reformindex.report.Report;
import vn.reformindex.table.Tables;

/** The summary layer's CSV reports: which columns of the written tables, in which order. */
public final class SummaryReports {
    private SummaryReports() {
    }

    private static final List<String> SUMMARY = List.of("unit_code", "unit_name", "unit_level", "parent_code", "scope",
            "period", "period_start", "period_end", "as_of", "no_data", "carried_over", "received", "received_in_person",
            "received_online", "received_postal", "resolved", "early", "on_time", "late", "timeliness_unknown",
            "early_or_on_time", "withdrawn", "stopped", "open_in_time", "open_overdue", "refused_at_intake",
            "registered_not_received", "late_with_apology", "rated", "very_satisfied", "satisfied", "unsatisfied", "handled",
            "early_pct", "on_time_pct", "late_pct", "resolved_pct", "online_pct", "in_person_pct", "postal_pct",
            "very_satisfied_pct", "satisfied_pct", "unsatisfied_pct", "last_record_at", "quarantined");

    private static final List<String> OPEN_OVERDUE = List.of("period", "as_of", "unit_code", "unit_name", "dossier_code",
            "procedure_code", "procedure_name", "field_code", "received_at", "due_date", "days_late");

    private static final List<String> RESOLVED_LATE = List.of("period", "as_of", "unit_code", "unit_name", "dossier_code",
            "procedure_code", "procedure_name", "field_code", "received_at", "due_date", "end_at", "days_late", "apology_letter");

    public static Report processingSummary() {
        return Report.of("processing-summary.csv", Tables.PROCESSING_SUMMARY, SUMMARY,
                t -> t.orderBy(col("period_start"), col("period_end"), col("unit_code"), col("scope")), true);
    }

    /** Dossiers still open and overdue at the as-of date: each once per period, the period written plainly. */
    public static Report openOverdue() {
        return Report.of("overdue-open.csv", Tables.OVERDUE_DOSSIERS, OPEN_OVERDUE,
                t -> t.filter(col("kind").equalTo(OverdueDossiers.OPEN_OVERDUE))
                        .orderBy(col("period_start"), col("period_end"), col("unit_code"), col("days_late").desc(), col("dossier_code")),
                true);
    }

    /** Dossiers resolved late in the period (published rule), with whether an apology letter was issued. */
    public static Report resolvedLate() {
        return Report.of("resolved-late.csv", Tables.OVERDUE_DOSSIERS, RESOLVED_LATE,
                t -> t.filter(col("kind").equalTo(OverdueDossiers.RESOLVED_LATE))
                        .orderBy(col("period_start"), col("period_end"), col("unit_code"), col("days_late").desc(), col("dossier_code")),
                true);
    }
}
