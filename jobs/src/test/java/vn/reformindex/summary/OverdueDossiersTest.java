package vn.reformindex.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.reformindex.TinyFrames.dossier;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.reformindex.TinyFrames;
import vn.reformindex.facts.DossierFacts;
import vn.reformindex.facts.PeriodFacts;
import vn.reformindex.reference.HolidayCalendar;
import vn.reformindex.reference.Procedure;
import vn.reformindex.reference.UnitRegistry;

/**
 * {@link OverdueDossiers#build}: dossiers open and overdue at the as-of date (days late = as-of - due) and
 * dossiers resolved late in the period under the published rule (days late = end - due), for Q1 2025 as of
 * 20/3 and December 2024 as of 31/12.
 */
class OverdueDossiersTest {
    static final String Q1 = "2025-Q1";
    static final String DEC = "2024-12";
    private static Dataset<Row> overdue;

    @BeforeAll
    static void build() {
        UnitRegistry registry = TinyFrames.registry(
                TinyFrames.unit("U", "SO", null, "2015-01-01", null),
                TinyFrames.unit("V", "SO", null, "2015-01-01", null));
        Dataset<Row> procedures = TinyFrames.procedures(
                TinyFrames.procedure("P1", "Cấp giấy phép", "F1", "TINH", 3, false, false, true, "5", Procedure.TimeUnit.WORKING_DAYS));
        Dataset<Row> staged = TinyFrames.staged(
                dossier("OV_OPEN", "U", 4).procedure("P1").channel(2).received("2025-02-01 08:00").due("2025-03-10 17:00")
                        .supplements(1, "5").apology(false),
                dossier("OV_DUE_TODAY", "U", 2).procedure("P1").received("2025-02-01 08:00").due("2025-03-20 08:00"),
                dossier("OV_NO_DUE", "U", 2).procedure("P1").received("2025-02-01 08:00"),
                dossier("OV_AFTER_AS_OF", "U", 10).procedure("P1").received("2025-03-01 08:00").due("2025-03-15 17:00")
                        .ended("2025-03-25 10:00"),
                dossier("OV_CARRIED", "U", 5).procedure("P1").received("2024-12-01 08:00").due("2024-12-20 17:00"),
                dossier("OV_V", "V", 4).procedure("P1").received("2025-03-01 08:00").due("2025-03-19 17:00"),
                dossier("RL_LATE", "U", 10).procedure("UNK").received("2025-02-01 08:00").due("2025-03-10 17:00")
                        .ended("2025-03-12 08:00").apology(true).supplements(1, "72"),
                dossier("RL_RETURNED", "U", 10).procedure("P1").received("2025-03-01 08:00").due("2025-03-11 17:00")
                        .returned("2025-03-14 10:00"),
                dossier("RL_ON_DUE", "U", 9).procedure("P1").received("2025-03-01 08:00").due("2025-03-10 09:00").ended("2025-03-10 22:00"),
                dossier("RL_EARLY", "U", 10).procedure("P1").received("2025-03-01 08:00").due("2025-03-10 09:00").ended("2025-03-07 10:00"),
                dossier("RL_NO_DUE", "U", 10).procedure("P1").received("2025-03-01 08:00").ended("2025-03-17 10:00"),
                dossier("RL_WITHDRAWN", "U", 7).procedure("P1").received("2025-03-01 08:00").due("2025-03-10 09:00").ended("2025-03-15 10:00"),
                dossier("RL_STOPPED", "U", 8).procedure("P1").received("2025-03-01 08:00").due("2025-03-10 09:00").ended("2025-03-15 10:00"),
                dossier("RL_2024", "U", 10).procedure("P1").received("2024-12-01 08:00").due("2024-12-20 17:00").ended("2024-12-30 10:00"));
        Dataset<Row> facts = DossierFacts.build(staged, TinyFrames.units(registry), procedures);
        Dataset<Row> periods = TinyFrames.periods(
                TinyFrames.period(Q1, "quarter", "2025-01-01", "2025-03-31", "2025-03-20"),
                TinyFrames.period(DEC, "month", "2024-12-01", "2024-12-31", "2024-12-31"));
        overdue = OverdueDossiers.build(PeriodFacts.expand(facts, periods, new HolidayCalendar(Set.of(), true)), procedures).cache();
    }

    @Test
    void openOverdueAndResolvedLateWithDaysLate() {
        Map<String, String> want = new TreeMap<>();
        // kind, days_late, late_until, end_at, due_date, unit, procedure, name, field, channel, received_at,
        // supplement_count, apology_letter
        // Open at 20/3, due 10/3: 10 days.
        want.put(Q1 + "|OV_OPEN", "open_overdue 10 2025-03-20 - 2025-03-10 U P1 Cấp giấy phép F1 2 2025-02-01T08:00 1 false");
        // Status 10 but ended 25/3, after the as-of date: open at 20/3, due 15/3: 5 days, no end shown.
        want.put(Q1 + "|OV_AFTER_AS_OF", "open_overdue 5 2025-03-20 - 2025-03-15 U P1 Cấp giấy phép F1 1 2025-03-01T08:00 0 -");
        // Carried over from December, due 20/12/2024: 90 days at 20/3 (11 + 31 + 28 + 20); 11 days at 31/12.
        want.put(Q1 + "|OV_CARRIED", "open_overdue 90 2025-03-20 - 2024-12-20 U P1 Cấp giấy phép F1 1 2024-12-01T08:00 0 -");
        want.put(DEC + "|OV_CARRIED", "open_overdue 11 2024-12-31 - 2024-12-20 U P1 Cấp giấy phép F1 1 2024-12-01T08:00 0 -");
        want.put(Q1 + "|OV_V", "open_overdue 1 2025-03-20 - 2025-03-19 V P1 Cấp giấy phép F1 1 2025-03-01T08:00 0 -");
        // Resolved 12/3, due 10/3: 2 days, although 72 supplement hours make it on time under the 766 rule.
        // Unknown procedure: no name, no field.
        want.put(Q1 + "|RL_LATE", "resolved_late 2 2025-03-12 2025-03-12T08:00 2025-03-10 U UNK - - 1 2025-02-01T08:00 1 true");
        // end_at from NgayTra 14/3, due 11/3: 3 days.
        want.put(Q1 + "|RL_RETURNED", "resolved_late 3 2025-03-14 2025-03-14T10:00 2025-03-11 U P1 Cấp giấy phép F1 1 2025-03-01T08:00 0 -");
        // Resolved late in December only.
        want.put(DEC + "|RL_2024", "resolved_late 10 2024-12-30 2024-12-30T10:00 2024-12-20 U P1 Cấp giấy phép F1 1 2024-12-01T08:00 0 -");
        // Absent: open due on the as-of date or without a due date; resolved on its due day (22:00), early or
        // without a due date; withdrawn or stopped after the due date.
        assertEquals(want, TinyFrames.table(overdue, 2, "period", "dossier_code", "kind", "days_late", "late_until", "end_at",
                "due_date", "unit_code", "procedure_code", "procedure_name", "field_code", "channel", "received_at",
                "supplement_count", "apology_letter"));
    }

    @Test
    void periodColumns() {
        Map<String, String> got = TinyFrames.table(overdue, 2, "period", "dossier_code", "period_start", "period_end", "as_of");
        assertEquals("2025-01-01 2025-03-31 2025-03-20", got.get(Q1 + "|OV_OPEN"));
        assertEquals("2024-12-01 2024-12-31 2024-12-31", got.get(DEC + "|RL_2024"));
    }
}
