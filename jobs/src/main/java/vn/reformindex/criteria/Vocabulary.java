package vn.reformindex.criteria;

import java.util.Set;
import java.util.TreeSet;

/** The columns a criterion's expressions may read, by source (documented in docs/criteria.md). */
public final class Vocabulary {
    private Vocabulary() {
    }

    public static final Set<String> PERIOD = Set.of("period_start", "period_end", "as_of");

    /** dossier_facts columns plus the period flags of PeriodFacts (one row per dossier and period). */
    public static final Set<String> DOSSIERS = union(PERIOD, Set.of(
            "dossier_code", "unit_code", "unit_level", "procedure_code", "field_code", "procedure_known",
            "procedure_level", "status", "is_received", "submitted_date", "received_at", "received_date", "due_date",
            "end_kind", "end_at", "end_date", "channel", "online_level", "applicant_type", "supplement_count",
            "supplement_hours", "timeliness_published", "effective_end_at_766", "effective_end_date_766",
            "time_limit", "time_limit_unit", "apology_letter", "rating", "rating_date", "feedback", "fee_total",
            "has_fee", "online_payment", "paid_online", "procedure_has_fee", "requires_document_result",
            "citizen_facing", "synced_to_portal", "has_digitized_component", "reused_digitized_data",
            "from_citizen_data_store", "electronic_result", "vneid_verified", "updated_at",
            "carried_over", "received_in_period", "resolved_in_period", "withdrawn_in_period", "stopped_in_period",
            "refused_in_period", "registered_in_period", "ended_by_as_of", "open_at_as_of", "open_overdue",
            "open_in_time", "handled", "rated_in_period", "effective_end_date", "on_time_766", "late_766"));

    /** One row per catalogue procedure at the unit's level, with the unit's dossier counts in the period. */
    public static final Set<String> CATALOGUE = union(PERIOD, Set.of(
            "procedure_code", "procedure_level", "catalogue_online_level", "procedure_has_fee",
            "requires_document_result", "citizen_facing", "time_limit", "time_limit_unit",
            "dossiers_received", "dossiers_received_online", "dossiers_paid_online", "dossiers_vneid_verified"));

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new TreeSet<>(a);
        s.addAll(b);
        return java.util.Collections.unmodifiableSet(s);
    }
}
