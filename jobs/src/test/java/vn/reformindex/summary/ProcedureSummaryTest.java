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
 * {@link ProcedureSummary#build}: the summary's counts and percentages per unit x procedure and per unit x
 * field, '?' for a missing code, the procedure name from the catalogue, rows only for combinations with a
 * dossier in the period (Q1 2025 as of 20/3).
 */
class ProcedureSummaryTest {
    static final String Q1 = "2025-Q1";
    private static Dataset<Row> summary;

    @BeforeAll
    static void build() {
        UnitRegistry registry = TinyFrames.registry(
                TinyFrames.unit("U", "SO", null, "2015-01-01", null),
                TinyFrames.unit("V", "SO", null, "2015-01-01", null));
        Dataset<Row> procedures = TinyFrames.procedures(
                TinyFrames.procedure("P1", "Cấp phép A", "F1", "TINH", 3, false, false, true, "5", Procedure.TimeUnit.WORKING_DAYS),
                TinyFrames.procedure("P2", "Đăng ký B", "F1", "TINH", 3, false, false, true, "5", Procedure.TimeUnit.WORKING_DAYS),
                TinyFrames.procedure("P3", "Thủ tục C", "F2", "TINH", 3, false, false, true, "5", Procedure.TimeUnit.WORKING_DAYS),
                TinyFrames.procedure("P4", "Thủ tục D", "F3", "TINH", 3, false, false, true, "5", Procedure.TimeUnit.WORKING_DAYS),
                TinyFrames.procedure("P5", "Không hồ sơ", "F5", "TINH", 3, false, false, true, "5", Procedure.TimeUnit.WORKING_DAYS));
        Dataset<Row> staged = TinyFrames.staged(
                dossier("U_P1_A", "U", 10).procedure("P1").channel(2).received("2025-01-10 08:00").due("2025-01-20 17:00").ended("2025-01-15 10:00"),
                dossier("U_P1_B", "U", 10).procedure("P1").received("2025-01-10 08:00").due("2025-01-20 17:00").ended("2025-01-22 10:00"),
                dossier("U_P1_C", "U", 2).procedure("P1").received("2025-03-01 08:00").due("2025-03-30 17:00"),
                dossier("U_P2_A", "U", 9).procedure("P2").channel(2).received("2025-02-01 08:00").due("2025-02-10 08:00").ended("2025-02-10 16:00"),
                dossier("U_P2_OLD", "U", 10).procedure("P2").received("2024-11-01 08:00").due("2024-11-10 08:00").ended("2024-11-05 16:00"),
                dossier("U_P3_A", "U", 4).procedure("P3").field("F9").received("2025-02-01 08:00").due("2025-02-15 17:00"),
                dossier("U_PX", "U", 2).procedure("PX").received("2025-03-05 08:00"),
                dossier("U_NONE", "U", 2).channel(3).received("2025-03-06 08:00"),
                dossier("U_P4_REG", "U", 1).procedure("P4").submitted("2025-03-02 08:00"),
                dossier("V_P1", "V", 10).procedure("P1").received("2025-02-01 08:00").due("2025-02-05 17:00").ended("2025-02-04 10:00"));
        Dataset<Row> facts = DossierFacts.build(staged, TinyFrames.units(registry), procedures);
        Dataset<Row> periods = TinyFrames.periods(TinyFrames.period(Q1, "quarter", "2025-01-01", "2025-03-31", "2025-03-20"));
        summary = ProcedureSummary.build(PeriodFacts.expand(facts, periods, new HolidayCalendar(Set.of(), true)), procedures, periods)
                .cache();
    }

    @Test
    void countsPerProcedureAndField() {
        Map<String, String> want = new TreeMap<>();
        // received, in person, online, postal, resolved, early, on_time, late, unknown, early_or_on_time,
        // open_in_time, open_overdue, registered_not_received, handled
        // P1 at U: early (15/1 < 20/1, online), late (22/1 > 20/1), open in time (due 30/3).
        want.put("U|procedure|P1", "3 2 1 0 2 1 0 1 0 1 1 0 0 3");
        // P2 at U: resolved 16:00 on its due day; the 2024 dossier is not in the period.
        want.put("U|procedure|P2", "1 0 1 0 1 0 1 0 0 1 0 0 0 1");
        want.put("U|procedure|P3", "1 1 0 0 0 0 0 0 0 0 0 1 0 1");   // open, due 15/2 < 20/3
        want.put("U|procedure|PX", "1 1 0 0 0 0 0 0 0 0 1 0 0 1");   // not in the catalogue
        want.put("U|procedure|?", "1 0 0 1 0 0 0 0 0 0 1 0 0 1");    // no MaTTHC, postal
        want.put("U|procedure|P4", "0 0 0 0 0 0 0 0 0 0 0 0 1 0");   // registered only
        // Fields: F1 = P1 + P2 (P2's record has no field: the catalogue's); P3's record says F9, so no F2 row;
        // '?' = PX (unknown, no field) + the dossier without a procedure.
        want.put("U|field|F1", "4 2 2 0 3 1 1 1 0 2 1 0 0 4");
        want.put("U|field|F9", "1 1 0 0 0 0 0 0 0 0 0 1 0 1");
        want.put("U|field|?", "2 1 0 1 0 0 0 0 0 0 2 0 0 2");
        want.put("U|field|F3", "0 0 0 0 0 0 0 0 0 0 0 0 1 0");
        // V's own P1 dossier, early; not mixed with U's.
        want.put("V|procedure|P1", "1 1 0 0 1 1 0 0 0 1 0 0 0 1");
        want.put("V|field|F1", "1 1 0 0 1 1 0 0 0 1 0 0 0 1");
        // No row for P5 (no dossier), nor for field F2 or F5.
        assertEquals(want, TinyFrames.table(summary, 3, "unit_code", "breakdown", "code", "received", "received_in_person",
                "received_online", "received_postal", "resolved", "early", "on_time", "late", "timeliness_unknown",
                "early_or_on_time", "open_in_time", "open_overdue", "registered_not_received", "handled"));
    }

    @Test
    void namesAndPercentages() {
        Map<String, String> want = new TreeMap<>();
        // name | early, on_time, late (of resolved), resolved (of handled), online, in person, postal (of received)
        want.put("U|procedure|P1", "Cấp phép A | 50 0 50 66.6666666667 33.3333333333 66.6666666667 0");
        want.put("U|procedure|P2", "Đăng ký B | 0 100 0 100 100 0 0");
        want.put("U|procedure|P3", "Thủ tục C | - - - 0 0 100 0");
        want.put("U|procedure|PX", "- | - - - 0 0 100 0");
        want.put("U|procedure|?", "- | - - - 0 0 0 100");
        want.put("U|procedure|P4", "Thủ tục D | - - - - - - -");
        // Fields carry no name; F1: 1/3 each of 3 resolved, 3 of 4 handled resolved, 2 of 4 online.
        want.put("U|field|F1", "- | 33.3333333333 33.3333333333 33.3333333333 75 50 50 0");
        want.put("U|field|F9", "- | - - - 0 0 100 0");
        want.put("U|field|?", "- | - - - 0 0 50 50");
        want.put("U|field|F3", "- | - - - - - - -");
        want.put("V|procedure|P1", "Cấp phép A | 100 0 0 100 0 100 0");
        want.put("V|field|F1", "- | 100 0 0 100 0 100 0");
        Map<String, String> got = TinyFrames.table(summary.selectExpr("*", "'|' AS sep"), 3, "unit_code", "breakdown", "code",
                "name", "sep", "early_pct", "on_time_pct", "late_pct", "resolved_pct", "online_pct", "in_person_pct", "postal_pct");
        assertEquals(want, got);
    }

    @Test
    void periodColumns() {
        Map<String, String> got = TinyFrames.table(summary, 3, "unit_code", "breakdown", "code", "period", "period_start",
                "period_end", "as_of");
        assertEquals("2025-Q1 2025-01-01 2025-03-31 2025-03-20", got.get("U|field|F1"));
    }
}
