package vn.reformindex.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.reformindex.TinyFrames.dossier;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.TinyFrames;
import vn.reformindex.facts.DossierFacts;
import vn.reformindex.facts.PeriodFacts;
import vn.reformindex.reference.HolidayCalendar;
import vn.reformindex.reference.Procedure;
import vn.reformindex.reference.UnitRegistry;

/**
 * {@link ProcessingSummary#build} on a tiny registry: province P with a department S (no dossiers) and a
 * district D with communes C1, C2 (valid until 15/2/2025), OLD (ended 31/12/2024, one dossier carried over
 * into 2025) and GONE (ended mid-2024, nothing). Periods: Q1 2025 as of 20/3, and April 2025 as of 30/4.
 */
class ProcessingSummaryTest {
    static final String Q1 = "2025-Q1";
    static final String APR = "2025-04";
    /** The count columns, in this order, in the expected strings below. */
    static final String[] COUNTS = {"no_data", "carried_over", "received", "received_in_person", "received_online",
            "received_postal", "resolved", "early", "on_time", "late", "timeliness_unknown", "early_or_on_time",
            "withdrawn", "stopped", "open_in_time", "open_overdue", "refused_at_intake", "registered_not_received",
            "late_with_apology", "rated", "very_satisfied", "satisfied", "unsatisfied", "handled"};
    static final String[] PCTS = {"early_pct", "on_time_pct", "late_pct", "resolved_pct", "online_pct", "in_person_pct",
            "postal_pct", "very_satisfied_pct", "satisfied_pct", "unsatisfied_pct"};
    static final String ZEROS = "true" + " 0".repeat(COUNTS.length - 1);
    static final String NO_PCTS = "- - - - - - - - - -";

    private static Dataset<Row> summary;

    @BeforeAll
    static void build() {
        UnitRegistry registry = TinyFrames.registry(
                TinyFrames.unit("P", "TINH", null, "2015-01-01", null),
                TinyFrames.unit("S", "SO", "P", "2015-01-01", null),
                TinyFrames.unit("D", "HUYEN", "P", "2015-01-01", null),
                TinyFrames.unit("C1", "XA", "D", "2015-01-01", null),
                TinyFrames.unit("C2", "XA", "D", "2015-01-01", "2025-02-15"),
                TinyFrames.unit("OLD", "XA", "D", "2015-01-01", "2024-12-31"),
                TinyFrames.unit("GONE", "XA", "D", "2015-01-01", "2024-06-30"));
        Dataset<Row> procedures = TinyFrames.procedures(
                TinyFrames.procedure("PR", "Thủ tục", "F", "XA", 3, false, false, true, "5", Procedure.TimeUnit.WORKING_DAYS));
        Dataset<Row> staged = TinyFrames.staged(
                // C1
                dossier("C1A", "C1", 10).procedure("PR").channel(2).received("2025-01-05 08:00").due("2025-01-10 17:00")
                        .ended("2025-01-08 10:00").rating(1, null).updated("2025-01-08 10:00"),
                dossier("C1B", "C1", 9).procedure("PR").received("2025-02-03 08:00").due("2025-02-10 08:00")
                        .ended("2025-02-10 15:00").rating(3, "2025-02-11 09:00").updated("2025-02-11 09:00"),
                dossier("C1C", "C1", 10).procedure("PR").channel(3).received("2025-02-04 08:00").due("2025-02-14 17:00")
                        .ended("2025-02-20 10:00").apology(true).updated("2025-02-20 16:00"),
                dossier("C1D", "C1", 5).procedure("PR").received("2024-12-10 08:00").due("2025-01-05 17:00").updated("2025-01-02 08:00"),
                dossier("C1E", "C1", 2).procedure("PR").channel(2).received("2025-03-01 08:00").due("2025-03-20 17:00")
                        .updated("2025-03-20 16:30"),
                dossier("C1F", "C1", 7).procedure("PR").received("2025-03-02 08:00").ended("2025-03-05 10:00").updated("2025-03-05 10:00"),
                dossier("C1G", "C1", 1).procedure("PR").submitted("2025-03-10 08:00").updated("2025-03-10 08:00"),
                dossier("C1H", "C1", 3).procedure("PR").submitted("2025-03-11 08:00").refused("2025-03-11 10:00").updated("2025-03-11 10:00"),
                dossier("C1I", "C1", 2).procedure("PR").received("2025-03-21 08:00").due("2025-04-10 17:00").updated("2025-03-25 10:00"),
                // C2, valid until 15/2
                dossier("C2A", "C2", 8).procedure("PR").received("2025-01-10 08:00").refused("2025-01-20 10:00").updated("2025-01-20 10:00"),
                dossier("C2B", "C2", 10).procedure("PR").channel(2).received("2025-02-01 08:00").ended("2025-02-12 10:00")
                        .updated("2025-02-12 10:00"),
                dossier("C2C", "C2", 10).procedure("PR").received("2025-02-10 08:00").due("2025-02-13 17:00").ended("2025-02-14 10:00")
                        .apology(false).updated("2025-02-14 12:00"),
                // OLD, ended 31/12/2024: received before its end, resolved on its due day in Q1.
                dossier("O1", "OLD", 10).procedure("PR").received("2024-12-20 08:00").due("2025-01-15 17:00").ended("2025-01-15 09:00")
                        .updated("2025-01-15 09:00"),
                // D's own
                dossier("D1", "D", 4).procedure("PR").received("2025-03-15 08:00").due("2025-03-18 17:00").updated("2025-03-15 08:00"));
        Dataset<Row> facts = DossierFacts.build(staged, TinyFrames.units(registry), procedures).cache();
        Dataset<Row> periods = TinyFrames.periods(
                TinyFrames.period(Q1, "quarter", "2025-01-01", "2025-03-31", "2025-03-20"),
                TinyFrames.period(APR, "month", "2025-04-01", "2025-04-30", "2025-04-30"));
        Dataset<Row> periodFacts = PeriodFacts.expand(facts, periods, new HolidayCalendar(Set.of(), true));
        StructType q = new StructType().add("unit_code", DataTypes.StringType).add("reason", DataTypes.StringType);
        Dataset<Row> quarantine = SparkTestSupport.spark().createDataFrame(List.of(
                RowFactory.create("C1", "INVALID_DATE"), RowFactory.create("C1", "MISSING_END_DATE"),
                RowFactory.create("S", "INVALID_VALUE"), RowFactory.create("?", "UNKNOWN_UNIT")), q);
        summary = ProcessingSummary.build(periodFacts, facts, TinyFrames.units(registry), TinyFrames.unitAncestors(registry),
                periods, quarantine).cache();
    }

    private static Map<String, String> columns(String... cols) {
        String[] all = new String[cols.length + 3];
        all[0] = "period";
        all[1] = "unit_code";
        all[2] = "scope";
        System.arraycopy(cols, 0, all, 3, cols.length);
        return TinyFrames.table(summary, 3, all);
    }

    private static String key(String period, String unit, String scope) {
        return period + "|" + unit + "|" + scope;
    }

    @Test
    void countsPerUnitPeriodAndScope() {
        Map<String, String> want = new TreeMap<>();
        // C1, Q1 (as of 20/3): carried over C1D (received 10/12, open, due 5/1: overdue); received C1A (online),
        // C1B, C1C (postal), C1E (online), C1F; C1I received 21/3 is after the as-of date. Resolved: C1A early,
        // C1B on time (ended 15:00 on its due day), C1C late with an apology; C1F withdrawn; C1E open, due on the
        // as-of date: in time. C1G registered, C1H refused at intake. Rated: C1A (on its end date 8/1), C1B.
        want.put(key(Q1, "C1", "self"), "false 1 5 2 2 1 3 1 1 1 0 2 1 0 1 1 1 1 1 2 1 0 1 6");
        // C2: C2A stopped; C2B resolved without a due date (unknown); C2C resolved late without an apology.
        want.put(key(Q1, "C2", "self"), "false 0 3 2 1 0 2 0 0 1 1 0 0 1 0 0 0 0 0 0 0 0 0 3");
        // OLD is not valid in 2025 but its carried-over dossier, resolved on its due day, keeps its row.
        want.put(key(Q1, "OLD", "self"), "false 1 0 0 0 0 1 0 1 0 0 1 0 0 0 0 0 0 0 0 0 0 0 1");
        // D: D1 received 15/3, due 18/3, open at 20/3: overdue.
        want.put(key(Q1, "D", "self"), "false 0 1 1 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 0 0 1");
        want.put(key(Q1, "P", "self"), ZEROS);
        want.put(key(Q1, "S", "self"), ZEROS);
        // Subtree D = D + C1 + C2 + OLD, summed column by column.
        want.put(key(Q1, "D", "subtree"), "false 2 9 5 3 1 6 1 2 2 1 3 1 1 1 2 1 1 1 2 1 0 1 11");
        // Subtree P = P + S + subtree D.
        want.put(key(Q1, "P", "subtree"), "false 2 9 5 3 1 6 1 2 2 1 3 1 1 1 2 1 1 1 2 1 0 1 11");
        // April (as of 30/4): C1D, C1E and C1I are carried over and still open, all due before 30/4.
        want.put(key(APR, "C1", "self"), "false 3 0 0 0 0 0 0 0 0 0 0 0 0 0 3 0 0 0 0 0 0 0 3");
        want.put(key(APR, "D", "self"), "false 1 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 0 0 1");
        want.put(key(APR, "P", "self"), ZEROS);
        want.put(key(APR, "S", "self"), ZEROS);
        want.put(key(APR, "D", "subtree"), "false 4 0 0 0 0 0 0 0 0 0 0 0 0 0 4 0 0 0 0 0 0 0 4");
        want.put(key(APR, "P", "subtree"), "false 4 0 0 0 0 0 0 0 0 0 0 0 0 0 4 0 0 0 0 0 0 0 4");
        // No row: GONE (never valid, no dossier), C2 and OLD in April (not valid, no dossier touching April);
        // no subtree row for leaves (C1, C2, OLD, S).
        assertEquals(want, columns(COUNTS));
    }

    @Test
    void percentagesFromTheCountsNeverAveraged() {
        Map<String, String> want = new TreeMap<>();
        // early, on_time, late (of resolved); resolved (of carried over + received); online, in person, postal
        // (of received); very satisfied, satisfied, unsatisfied (of rated). Scale 10, half-up; null on a 0 denominator.
        want.put(key(Q1, "C1", "self"), "33.3333333333 33.3333333333 33.3333333333 50 40 40 20 50 0 50");
        want.put(key(Q1, "C2", "self"), "0 0 50 66.6666666667 33.3333333333 66.6666666667 0 - - -");
        want.put(key(Q1, "OLD", "self"), "0 100 0 100 - - - - - -");
        want.put(key(Q1, "D", "self"), "- - - 0 0 100 0 - - -");
        want.put(key(Q1, "P", "self"), NO_PCTS);
        want.put(key(Q1, "S", "self"), NO_PCTS);
        // Subtree D: early 1/6, on time 2/6, late 2/6, resolved 6/11 (54.54545454|5 -> half-up), online 3/9,
        // in person 5/9, postal 1/9. (The mean of the self late_pct of C1, C2, OLD, D would be 27.78 or so.)
        String subtree = "16.6666666667 33.3333333333 33.3333333333 54.5454545455 33.3333333333 55.5555555556 11.1111111111 50 0 50";
        want.put(key(Q1, "D", "subtree"), subtree);
        want.put(key(Q1, "P", "subtree"), subtree);
        want.put(key(APR, "C1", "self"), "- - - 0 - - - - - -");
        want.put(key(APR, "D", "self"), "- - - 0 - - - - - -");
        want.put(key(APR, "P", "self"), NO_PCTS);
        want.put(key(APR, "S", "self"), NO_PCTS);
        want.put(key(APR, "D", "subtree"), "- - - 0 - - - - - -");
        want.put(key(APR, "P", "subtree"), "- - - 0 - - - - - -");
        assertEquals(want, columns(PCTS));
    }

    @Test
    void lastRecordCappedAtTheAsOfDateAndQuarantinedPerUnit() {
        Map<String, String> want = new TreeMap<>();
        // last_record_at: latest NgayCapNhat up to the as-of date (by calendar date): C1E's 20/3 16:30 counts,
        // C1I's 25/3 does not in Q1. quarantined: all periods; subtree sums C1 (2) and S (1); '?' belongs to no unit.
        want.put(key(Q1, "C1", "self"), "2025-03-20T16:30 2");
        want.put(key(Q1, "C2", "self"), "2025-02-14T12:00 0");
        want.put(key(Q1, "OLD", "self"), "2025-01-15T09:00 0");
        want.put(key(Q1, "D", "self"), "2025-03-15T08:00 0");
        want.put(key(Q1, "P", "self"), "- 0");
        want.put(key(Q1, "S", "self"), "- 1");
        want.put(key(Q1, "D", "subtree"), "2025-03-20T16:30 2");
        want.put(key(Q1, "P", "subtree"), "2025-03-20T16:30 3");
        want.put(key(APR, "C1", "self"), "2025-03-25T10:00 2");
        want.put(key(APR, "D", "self"), "2025-03-15T08:00 0");
        want.put(key(APR, "P", "self"), "- 0");
        want.put(key(APR, "S", "self"), "- 1");
        want.put(key(APR, "D", "subtree"), "2025-03-25T10:00 2");
        want.put(key(APR, "P", "subtree"), "2025-03-25T10:00 3");
        assertEquals(want, columns("last_record_at", "quarantined"));
    }

    @Test
    void registryAndPeriodColumns() {
        Map<String, String> got = columns("unit_level", "parent_code", "period_kind", "period_start", "period_end", "as_of");
        assertEquals("XA D quarter 2025-01-01 2025-03-31 2025-03-20", got.get(key(Q1, "OLD", "self")));
        assertEquals("TINH - month 2025-04-01 2025-04-30 2025-04-30", got.get(key(APR, "P", "subtree")));
    }
}
