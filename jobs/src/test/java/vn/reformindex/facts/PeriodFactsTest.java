package vn.reformindex.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.reformindex.TinyFrames.dossier;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.reformindex.TinyFrames;
import vn.reformindex.TinyFrames.Staged;
import vn.reformindex.reference.HolidayCalendar;
import vn.reformindex.reference.Procedure;

/**
 * {@link PeriodFacts#expand} at the period boundaries and the as-of date, for two periods at once, and the
 * 766 rule (on_time_766 / late_766) with supplements, due dates, working days with a holiday, calendar
 * days and working hours. The golden fixture covers one period with its as-of date at the period's end;
 * here the as-of date (20/3/2025) is before the end of Q1, so "after the as-of date but inside the period"
 * is exercised.
 *
 * <p>March 2025: Sat 1, Sun 2, Mon 3, Tue 4, Wed 5 (holiday in the test calendar), Thu 6, Fri 7, Sat 8,
 * Sun 9, Mon 10 ... Thu 13, Fri 14, Sat 15, Sun 16, Mon 17 ... Thu 20.
 */
class PeriodFactsTest {
    static final String U = "U";
    static final String Q1 = "2025-Q1";
    static final String DEC = "2024-12";
    static final HolidayCalendar CALENDAR = new HolidayCalendar(Set.of(TinyFrames.d("2025-03-05")), true);
    static final String[] FLAGS = {"carried_over", "received_in_period", "resolved_in_period", "withdrawn_in_period",
            "stopped_in_period", "refused_in_period", "registered_in_period", "ended_by_as_of", "open_at_as_of",
            "open_overdue", "open_in_time", "handled", "rated_in_period"};

    private static Dataset<Row> facts;
    private static Dataset<Row> periods;
    private static Map<String, String> flags;
    private static Map<String, String> rule766;

    @BeforeAll
    static void expand() {
        Dataset<Row> procedures = TinyFrames.procedures(
                TinyFrames.procedure("WD5", "Năm ngày làm việc", "F", "XA", 3, false, false, true, "5", Procedure.TimeUnit.WORKING_DAYS),
                TinyFrames.procedure("D7", "Bảy ngày", "F", "XA", 3, false, false, true, "7", Procedure.TimeUnit.DAYS),
                TinyFrames.procedure("H8", "Tám giờ", "F", "XA", 3, false, false, true, "8", Procedure.TimeUnit.HOURS),
                TinyFrames.procedure("NOLIM", "Không thời hạn", "F", "XA", 3, false, false, true, null, null));
        Staged[] all = {
                // Period boundaries (Q1 = 1/1..31/3/2025 as of 20/3; December 2024 as of 31/12).
                dossier("B01", U, 4).procedure("D7").received("2024-12-31 23:59").due("2025-01-10 17:00"),
                dossier("B02", U, 10).procedure("D7").received("2024-12-20 10:00").due("2024-12-31 17:00").ended("2024-12-31 23:00"),
                dossier("B03", U, 10).procedure("D7").received("2024-12-20 10:00").due("2024-12-30 17:00").ended("2025-01-01 00:00"),
                dossier("B04", U, 2).procedure("D7").received("2025-01-01 00:00").due("2025-03-20 17:00"),
                dossier("B05", U, 2).procedure("D7").received("2025-03-20 23:59"),
                dossier("B06", U, 2).procedure("D7").received("2025-03-21 08:00").due("2025-03-22 08:00"),
                dossier("B07", U, 10).procedure("D7").received("2025-02-01 09:00").due("2025-03-19 17:00").ended("2025-03-21 09:00"),
                dossier("B08", U, 9).procedure("D7").received("2025-02-01 09:00").due("2025-03-20 08:00").ended("2025-03-20 18:00"),
                dossier("B09", U, 7).procedure("NOLIM").received("2024-11-01 09:00").ended("2025-01-01 08:00"),
                dossier("B10", U, 8).procedure("D7").received("2025-02-10 09:00").due("2025-02-20 17:00").refused("2025-02-12 10:00"),
                dossier("B11", U, 3).procedure("D7").submitted("2025-02-09 09:00").refused("2025-02-10 10:00"),
                dossier("B12", U, 3).procedure("D7").submitted("2024-12-14 09:00").refused("2024-12-15 10:00"),
                dossier("B13", U, 1).procedure("D7").submitted("2025-03-01 09:00"),
                dossier("B14", U, 1).procedure("D7").submitted("2025-03-25 09:00"),
                dossier("B15", U, 10).procedure("D7").received("2024-12-01 09:00").due("2024-12-31 17:00").ended("2024-12-10 10:00")
                        .rating(1, "2025-01-05 10:00"),
                dossier("B16", U, 10).procedure("D7").received("2025-01-05 09:00").due("2025-01-10 17:00").ended("2025-01-06 10:00")
                        .rating(2, null),

                // 766 rule, all received and handled in Q1 only.
                dossier("T01", U, 10).procedure("WD5").received("2025-03-03 08:00").due("2025-03-10 17:00").ended("2025-03-04 10:00")
                        .supplements(2, "0"),
                dossier("T02", U, 10).procedure("WD5").received("2025-03-03 08:00").due("2025-03-10 17:00").ended("2025-03-11 10:00")
                        .supplements(1, "24"),
                dossier("T03", U, 10).procedure("WD5").received("2025-03-03 08:00").due("2025-03-10 17:00").ended("2025-03-11 10:00"),
                dossier("T04", U, 10).procedure("WD5").received("2025-03-03 08:00").ended("2025-03-12 10:00").supplements(1, "48"),
                dossier("T05", U, 10).procedure("WD5").received("2025-03-03 08:00").ended("2025-03-11 16:00"),
                dossier("T06", U, 10).procedure("WD5").received("2025-03-03 08:00").ended("2025-03-12 09:00"),
                dossier("T07", U, 10).procedure("D7").received("2025-03-03 08:00").ended("2025-03-10 17:00"),
                dossier("T08", U, 10).procedure("D7").received("2025-03-03 08:00").ended("2025-03-11 08:00"),
                dossier("T09", U, 4).procedure("WD5").received("2025-03-13 09:00"),
                dossier("T10", U, 4).procedure("WD5").received("2025-03-12 09:00"),
                dossier("T11", U, 10).procedure("NOLIM").received("2025-03-03 08:00").ended("2025-03-04 10:00"),
                dossier("T12", U, 10).procedure("UNKNOWN").received("2025-03-03 08:00").ended("2025-03-04 10:00"),
                dossier("T13", U, 10).procedure("H8").received("2025-03-03 08:00").ended("2025-03-03 16:00"),
                dossier("T14", U, 10).procedure("H8").received("2025-03-03 08:00").ended("2025-03-04 09:30"),
                dossier("T15", U, 10).procedure("H8").received("2025-03-04 15:00").ended("2025-03-06 10:00"),
                dossier("T16", U, 4).procedure("WD5").received("2025-03-03 08:00").due("2025-03-25 17:00").supplements(2, "0"),
        };
        facts = DossierFacts.build(TinyFrames.staged(all),
                TinyFrames.units(TinyFrames.registry(TinyFrames.unit(U, "XA", null, "2015-01-01", null))), procedures).cache();
        periods = TinyFrames.periods(
                TinyFrames.period(Q1, "quarter", "2025-01-01", "2025-03-31", "2025-03-20"),
                TinyFrames.period(DEC, "month", "2024-12-01", "2024-12-31", "2024-12-31"));
        Dataset<Row> expanded = PeriodFacts.expand(facts, periods, CALENDAR).cache();
        flags = new TreeMap<>();
        StringBuilder cond = new StringBuilder();
        for (String f : FLAGS) {
            cond.append(cond.length() == 0 ? "concat_ws(' '" : "").append(", if(").append(f).append(", '").append(f).append("', NULL)");
        }
        cond.append(")");
        for (Row r : expanded.selectExpr("dossier_code", "period", cond.toString()).collectAsList()) {
            flags.put(r.getString(0) + "|" + r.getString(1), r.getString(2));
        }
        rule766 = TinyFrames.table(expanded, 2, "dossier_code", "period", "effective_end_date", "on_time_766", "late_766");
    }

    private static String f(String... names) {
        return String.join(" ", names);
    }

    @Test
    void membershipAtTheBoundariesAndTheAsOfDate() {
        Map<String, String> want = new TreeMap<>();
        // Received 31/12 23:59, open, due 10/1: in Q1 carried over and overdue at 20/3; in December newly received, in time.
        want.put("B01|" + Q1, f("carried_over", "open_at_as_of", "open_overdue", "handled"));
        want.put("B01|" + DEC, f("received_in_period", "open_at_as_of", "open_in_time", "handled"));
        // Ended 31/12 23:00, before Q1's start: not in Q1 at all.
        want.put("B02|" + DEC, f("received_in_period", "resolved_in_period", "ended_by_as_of", "handled"));
        // Ended 1/1 00:00: carried over into Q1 and resolved there; in December open and overdue (due 30/12 < 31/12).
        want.put("B03|" + Q1, f("carried_over", "resolved_in_period", "ended_by_as_of", "handled"));
        want.put("B03|" + DEC, f("received_in_period", "open_at_as_of", "open_overdue", "handled"));
        // Received at 00:00 of the start; due on the as-of date is still in time.
        want.put("B04|" + Q1, f("received_in_period", "open_at_as_of", "open_in_time", "handled"));
        // Received 23:59 on the as-of date, no due date: in time.
        want.put("B05|" + Q1, f("received_in_period", "open_at_as_of", "open_in_time", "handled"));
        // B06 (received 21/3, after the as-of date but inside Q1): in no period.
        // Status 10 ended 21/3, after the as-of date: open at 20/3 and overdue (due 19/3), not resolved.
        want.put("B07|" + Q1, f("received_in_period", "open_at_as_of", "open_overdue", "handled"));
        // Ended 18:00 on the as-of date: resolved in Q1.
        want.put("B08|" + Q1, f("received_in_period", "resolved_in_period", "ended_by_as_of", "handled"));
        // Withdrawn 1/1: carried over and withdrawn in Q1; open (no due date: in time) at 31/12.
        want.put("B09|" + Q1, f("carried_over", "withdrawn_in_period", "ended_by_as_of", "handled"));
        want.put("B09|" + DEC, f("carried_over", "open_at_as_of", "open_in_time", "handled"));
        want.put("B10|" + Q1, f("received_in_period", "stopped_in_period", "ended_by_as_of", "handled"));
        // Refused at intake: never received, never handled.
        want.put("B11|" + Q1, f("refused_in_period", "ended_by_as_of"));
        want.put("B12|" + DEC, f("refused_in_period", "ended_by_as_of"));
        // Registered 1/3 in Q1; B14 registered 25/3, after the as-of date: in no period.
        want.put("B13|" + Q1, f("registered_in_period"));
        // Resolved in December, rated 5/1: a Q1 row for the rating only.
        want.put("B15|" + Q1, f("ended_by_as_of", "rated_in_period"));
        want.put("B15|" + DEC, f("received_in_period", "resolved_in_period", "ended_by_as_of", "handled"));
        // Rated without NgayDanhGia: counts in the period of its resolution (6/1).
        want.put("B16|" + Q1, f("received_in_period", "resolved_in_period", "ended_by_as_of", "handled", "rated_in_period"));
        Map<String, String> got = new TreeMap<>(flags);
        got.keySet().removeIf(k -> !k.startsWith("B"));
        assertEquals(want, got);
    }

    @Test
    void rule766() {
        Map<String, String> want = new TreeMap<>();
        // effective_end_date, on_time_766, late_766
        want.put("B01|" + Q1, "2025-03-20 false true");  // open: judged at 20/3 > due 10/1
        want.put("B01|" + DEC, "2024-12-31 true false"); // open: 31/12 <= due 10/1
        want.put("B03|" + DEC, "2024-12-31 false true"); // open at 31/12 > due 30/12
        want.put("B03|" + Q1, "2025-01-01 false true");  // ended 1/1 > due 30/12
        want.put("B07|" + Q1, "2025-03-20 false true");  // status 10 ended after A: judged at A (20/3) > due 19/3
        want.put("B08|" + Q1, "2025-03-20 true false");  // ended on its due day
        want.put("B09|" + Q1, "2025-01-01 - false");     // no due date, no limit: undecided, not late
        // Not handled (refused at intake; a rating-only row): no 766 fact, the effective end is still the end.
        want.put("B11|" + Q1, "2025-02-10 - false");
        want.put("B15|" + Q1, "2024-12-10 - false");
        want.put("T01|" + Q1, "2025-03-04 false true");  // 2 supplement requests: late, although early
        want.put("T02|" + Q1, "2025-03-10 true false");  // 11/3 10:00 - 24 h = 10/3 <= due 10/3
        want.put("T03|" + Q1, "2025-03-11 false true");  // due date wins over the limit (5 working days would pass)
        // No due date, 5 working days: days d with 3/3 < d <= end, skipping Sat, Sun and the holiday 5/3.
        want.put("T04|" + Q1, "2025-03-10 true false");  // 12/3 10:00 - 48 h = 10/3: 4, 6, 7, 10 = 4
        want.put("T05|" + Q1, "2025-03-11 true false");  // 4, 6, 7, 10, 11 = 5 <= 5 (6 without the holiday)
        want.put("T06|" + Q1, "2025-03-12 false true");  // 6 > 5
        // 7 calendar days: 3/3 -> 10/3 = 7 (on time), -> 11/3 = 8 (late, although only 5 working days).
        want.put("T07|" + Q1, "2025-03-10 true false");
        want.put("T08|" + Q1, "2025-03-11 false true");
        // Open at A = 20/3: received 13/3: 14, 17, 18, 19, 20 = 5; received 12/3: 6.
        want.put("T09|" + Q1, "2025-03-20 true false");
        want.put("T10|" + Q1, "2025-03-20 false true");
        want.put("T11|" + Q1, "2025-03-04 - false");     // procedure without a limit: undecided
        want.put("T12|" + Q1, "2025-03-04 - false");     // procedure not in the catalogue: undecided
        // 8 working hours (07:30-11:30, 13:30-17:00): Mon 08:00-16:00 = 3.5 + 2.5 = 6.
        want.put("T13|" + Q1, "2025-03-03 true false");
        // Mon 08:00 -> Tue 09:30 = 3.5 + 3.5 + 2 = 9 > 8.
        want.put("T14|" + Q1, "2025-03-04 false true");
        // Tue 15:00 -> Thu 10:00 across the holiday Wed 5/3: 2 + 2.5 = 4.5 (11.5 without the holiday).
        want.put("T15|" + Q1, "2025-03-06 true false");
        // Open, due 25/3 not reached, but 2 supplement requests: late.
        want.put("T16|" + Q1, "2025-03-20 false true");
        Map<String, String> got = new TreeMap<>();
        want.keySet().forEach(k -> got.put(k, rule766.get(k)));
        assertEquals(want, got);
    }

    @Test
    void theRuleDossiersAreHandledInQ1Only() {
        Map<String, String> got = new TreeMap<>(flags);
        got.keySet().removeIf(k -> !k.startsWith("T"));
        Map<String, String> want = new TreeMap<>();
        String resolved = f("received_in_period", "resolved_in_period", "ended_by_as_of", "handled");
        String open = f("received_in_period", "open_at_as_of", "open_in_time", "handled");
        for (int i = 1; i <= 16; i++) {
            String code = String.format("T%02d", i);
            // T09, T10 and T16 are open at 20/3 (no due date, or due 25/3): in time by the published rule.
            want.put(code + "|" + Q1, List.of("T09", "T10", "T16").contains(code) ? open : resolved);
        }
        assertEquals(want, got);
    }

    /** Without a holiday calendar, working days and hours are undecided; a due date still decides. */
    @Test
    void withoutACalendarWorkingTimeIsUndecided() {
        Dataset<Row> expanded = PeriodFacts.expand(facts.filter("dossier_code IN ('T02', 'T03', 'T05', 'T06', 'T13')"),
                periods, HolidayCalendar.absent());
        Map<String, String> got = TinyFrames.table(expanded, 2, "dossier_code", "period", "on_time_766", "late_766");
        Map<String, String> want = new TreeMap<>();
        want.put("T02|" + Q1, "true false");
        want.put("T03|" + Q1, "false true");
        want.put("T05|" + Q1, "- false");
        want.put("T06|" + Q1, "- false");
        want.put("T13|" + Q1, "- false");
        assertEquals(want, got);
    }
}
