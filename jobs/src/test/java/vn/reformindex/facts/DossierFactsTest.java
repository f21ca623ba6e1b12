package vn.reformindex.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.reformindex.TinyFrames.dossier;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.reformindex.TinyFrames;
import vn.reformindex.TinyFrames.Staged;
import vn.reformindex.reference.Procedure;
import vn.reformindex.reference.UnitRegistry;

/**
 * {@link DossierFacts#build} on a few hand-written staged dossiers; every expected value comes from
 * definitions.md (Statuses and the end of processing, Timeliness, Ratings, 766 criterion 3.6) and
 * docs/tables.md (dossier_facts).
 */
class DossierFactsTest {
    private static final String C = "C";
    private static Dataset<Row> facts;
    private static int staged;

    @BeforeAll
    static void build() {
        UnitRegistry registry = TinyFrames.registry(
                TinyFrames.unit("P", "TINH", null, "2015-01-01", null),
                TinyFrames.unit("D", "HUYEN", "P", "2015-01-01", null),
                TinyFrames.unit(C, "XA", "D", "2015-01-01", null));
        Dataset<Row> procedures = TinyFrames.procedures(
                // PF: fee-bearing, level 4 online, field F1; PN: no fee, level 3, field F2.
                TinyFrames.procedure("PF", "Thủ tục có phí", "F1", "XA", 4, true, false, true, "5", Procedure.TimeUnit.WORKING_DAYS),
                TinyFrames.procedure("PN", "Thủ tục không phí", "F2", "XA", 3, false, true, false, "7", Procedure.TimeUnit.DAYS));
        Staged[] all = {
                // Statuses 1..10; "noise" dates are ones the status's end_at must not read.
                dossier("ST1", C, 1).procedure("PF").submitted("2025-03-01 08:00"),
                dossier("ST2", C, 2).procedure("PF").received("2025-03-01 09:00").ended("2025-03-02 10:00")
                        .returned("2025-03-02 11:00").refused("2025-03-02 12:00"),
                dossier("ST4", C, 4).procedure("PF").received("2025-03-01 09:00").returned("2025-03-03 10:00"),
                dossier("ST5", C, 5).procedure("PF").received("2025-03-01 09:00").ended("2025-03-03 10:00"),
                dossier("ST6", C, 6).procedure("PF").received("2025-03-01 09:00").refused("2025-03-03 10:00"),
                dossier("ST3A", C, 3).procedure("PF").submitted("2025-03-04 08:00").ended("2025-03-04 10:00").refused("2025-03-04 09:00"),
                dossier("ST3B", C, 3).procedure("PF").submitted("2025-03-05 08:00").ended("2025-03-05 10:00"),
                dossier("ST7A", C, 7).procedure("PF").received("2025-03-01 09:00").ended("2025-03-06 10:00")
                        .updated("2025-03-07 08:00").refused("2025-03-06 08:00"),
                dossier("ST7B", C, 7).procedure("PF").received("2025-03-01 09:00").updated("2025-03-08 08:00")
                        .refused("2025-03-07 08:00").returned("2025-03-07 09:00"),
                dossier("ST8A", C, 8).procedure("PF").received("2025-03-01 09:00").ended("2025-03-09 10:00").refused("2025-03-09 08:00"),
                dossier("ST8B", C, 8).procedure("PF").received("2025-03-01 09:00").ended("2025-03-10 10:00")
                        .returned("2025-03-10 09:00").updated("2025-03-10 08:00"),
                dossier("ST9A", C, 9).procedure("PF").received("2025-03-01 09:00").ended("2025-03-11 10:00")
                        .returned("2025-03-12 08:00").refused("2025-03-11 07:00"),
                dossier("ST10B", C, 10).procedure("PF").received("2025-03-01 09:00").returned("2025-03-13 08:00")
                        .updated("2025-03-14 08:00"),

                // Published timeliness: calendar day of end_at vs calendar day of the due date.
                dossier("TL_EARLY", C, 10).procedure("PF").received("2025-03-01 08:00").due("2025-03-10 17:00").ended("2025-03-09 23:59"),
                dossier("TL_ON_TIME", C, 10).procedure("PF").received("2025-03-01 08:00").due("2025-03-10 08:00").ended("2025-03-10 23:30"),
                dossier("TL_LATE", C, 9).procedure("PF").received("2025-03-01 08:00").due("2025-03-10 17:00").ended("2025-03-11 00:01"),
                dossier("TL_UNKNOWN", C, 10).procedure("PF").received("2025-03-01 08:00").ended("2025-03-10 10:00"),
                dossier("TL_RETURNED", C, 9).procedure("PF").received("2025-03-01 08:00").due("2025-03-10 17:00").returned("2025-03-10 09:00"),
                dossier("TL_WITHDRAWN", C, 7).procedure("PF").received("2025-03-01 08:00").due("2025-03-10 17:00").ended("2025-03-15 10:00"),
                dossier("TL_STOPPED", C, 8).procedure("PF").received("2025-03-01 08:00").due("2025-03-10 17:00").ended("2025-03-15 10:00"),
                dossier("TL_OPEN", C, 4).procedure("PF").received("2025-03-01 08:00").due("2025-03-02 17:00"),

                // 766 effective end: end_at minus GioChoBoSung hours.
                dossier("EE_36H30", C, 10).procedure("PF").received("2025-03-01 08:00").due("2025-03-11 17:00")
                        .ended("2025-03-12 10:00").supplements(1, "36.50"),
                dossier("EE_15MIN", C, 9).procedure("PF").received("2025-03-01 08:00").ended("2025-03-12 10:00").supplements(1, "0.25"),
                dossier("EE_NONE", C, 9).procedure("PF").received("2025-03-01 08:00").ended("2025-03-12 10:00"),
                dossier("EE_WITHDRAWN", C, 7).procedure("PF").received("2025-03-01 08:00").ended("2025-03-12 10:00").supplements(2, "10.50"),
                dossier("EE_OPEN", C, 5).procedure("PF").received("2025-03-01 08:00").supplements(1, "5.00"),

                // Fees (3.6): fee > 0, or the catalogue says fee-bearing and the fee is not 0.
                dossier("FEE_PN_20000", C, 2).procedure("PN").received("2025-03-01 08:00").fee(20000L),
                dossier("FEE_PF_NULL", C, 2).procedure("PF").received("2025-03-01 08:00"),
                dossier("FEE_PF_0", C, 2).procedure("PF").received("2025-03-01 08:00").fee(0L),
                dossier("FEE_PN_0", C, 2).procedure("PN").received("2025-03-01 08:00").fee(0L),
                dossier("FEE_UNK_500", C, 2).procedure("UNK").received("2025-03-01 08:00").fee(500L),

                // Online payment: 1 DVCQG, 2 provincial portal, 0 not online.
                dossier("PAY_1", C, 2).procedure("PF").received("2025-03-01 08:00").payment(1),
                dossier("PAY_2", C, 2).procedure("PF").received("2025-03-01 08:00").payment(2),
                dossier("PAY_0", C, 2).procedure("PF").received("2025-03-01 08:00").payment(0),

                // Rating date: NgayDanhGia, else the resolution date.
                dossier("R_RATED_AT", C, 10).procedure("PF").received("2025-03-01 08:00").ended("2025-03-05 10:00").rating(1, "2025-03-20 09:00"),
                dossier("R_RESOLVED", C, 10).procedure("PF").received("2025-03-01 08:00").ended("2025-03-05 10:00").rating(2, null),
                dossier("R_WITHDRAWN", C, 7).procedure("PF").received("2025-03-01 08:00").ended("2025-03-05 10:00").rating(3, null),
                dossier("R_OPEN", C, 4).procedure("PF").received("2025-03-01 08:00").rating(2, "2025-03-06 15:00"),
                dossier("R_NONE", C, 10).procedure("PF").received("2025-03-01 08:00").ended("2025-03-05 10:00").rating(null, "2025-03-07 10:00"),

                // Online level and field: the record's, else the catalogue's.
                dossier("LV_RECORD", C, 2).procedure("PF").received("2025-03-01 08:00").onlineLevel(2).field("F9"),
                dossier("LV_CATALOGUE", C, 2).procedure("PF").received("2025-03-01 08:00"),
                dossier("LV_UNKNOWN", C, 2).procedure("UNK").received("2025-03-01 08:00"),
                dossier("LV_UNKNOWN_RECORD", C, 2).procedure("UNK").received("2025-03-01 08:00").onlineLevel(3).field("F7"),
                dossier("LV_NO_CODE", C, 2).received("2025-03-01 08:00"),
                dossier("UNIT_P", "P", 2).procedure("PN").received("2025-03-01 08:00"),
        };
        staged = all.length;
        facts = DossierFacts.build(TinyFrames.staged(all), TinyFrames.units(registry), procedures).cache();
    }

    private static Map<String, String> select(String... columns) {
        String[] cols = new String[columns.length + 1];
        cols[0] = "dossier_code";
        System.arraycopy(columns, 0, cols, 1, columns.length);
        return TinyFrames.table(facts, 1, cols);
    }

    private static Map<String, String> only(Map<String, String> all, String... codes) {
        Map<String, String> out = new TreeMap<>();
        for (String c : codes) {
            out.put(c, all.get(c));
        }
        return out;
    }

    @Test
    void oneRowPerStagedDossier() {
        assertEquals(staged, facts.count());
    }

    @Test
    void statusGivesReceiptKindAndEndOfProcessing() {
        Map<String, String> want = new TreeMap<>();
        // status: is_received, end_kind, end_at, end_date
        want.put("ST1", "1 false - - -");
        // Open statuses ignore every end date the record carries.
        want.put("ST2", "2 true - - -");
        want.put("ST4", "4 true - - -");
        want.put("ST5", "5 true - - -");
        want.put("ST6", "6 true - - -");
        // 3: NgayTuChoi, else NgayKetThucXuLy.
        want.put("ST3A", "3 false refused_at_intake 2025-03-04T09:00 2025-03-04");
        want.put("ST3B", "3 false refused_at_intake 2025-03-05T10:00 2025-03-05");
        // 7: NgayKetThucXuLy, else NgayCapNhat (never NgayTuChoi / NgayTra).
        want.put("ST7A", "7 true withdrawn 2025-03-06T10:00 2025-03-06");
        want.put("ST7B", "7 true withdrawn 2025-03-08T08:00 2025-03-08");
        // 8: NgayTuChoi, else NgayKetThucXuLy.
        want.put("ST8A", "8 true stopped 2025-03-09T08:00 2025-03-09");
        want.put("ST8B", "8 true stopped 2025-03-10T10:00 2025-03-10");
        // 9, 10: NgayKetThucXuLy, else NgayTra.
        want.put("ST9A", "9 true resolved 2025-03-11T10:00 2025-03-11");
        want.put("ST10B", "10 true resolved 2025-03-13T08:00 2025-03-13");
        assertEquals(want, only(select("status", "is_received", "end_kind", "end_at", "end_date"), want.keySet().toArray(new String[0])));
    }

    @Test
    void datesOfSubmissionReceiptAndDue() {
        Map<String, String> got = select("submitted_date", "received_date", "received_at", "due_date");
        assertEquals("2025-03-01 - - -", got.get("ST1"));
        assertEquals("- 2025-03-01 2025-03-01T08:00 2025-03-10", got.get("TL_EARLY"));
    }

    @Test
    void publishedTimelinessComparesCalendarDays() {
        Map<String, String> want = new TreeMap<>();
        want.put("TL_EARLY", "early");       // ended 9/3 23:59, due 10/3
        want.put("TL_ON_TIME", "on_time");   // ended 10/3 23:30, due 10/3 08:00: same day
        want.put("TL_LATE", "late");         // ended 11/3 00:01, due 10/3 17:00
        want.put("TL_UNKNOWN", "unknown");   // no due date
        want.put("TL_RETURNED", "on_time");  // end_at from NgayTra 10/3 09:00, due 10/3
        want.put("TL_WITHDRAWN", "-");       // resolved dossiers only
        want.put("TL_STOPPED", "-");
        want.put("TL_OPEN", "-");
        want.put("ST3A", "-");
        // The published rule ignores the supplement time: ended 12/3, due 11/3.
        want.put("EE_36H30", "late");
        assertEquals(want, only(select("timeliness_published"), want.keySet().toArray(new String[0])));
    }

    @Test
    void effectiveEndSubtractsSupplementHours() {
        Map<String, String> want = new TreeMap<>();
        want.put("EE_36H30", "2025-03-10T21:30 2025-03-10");     // 12/3 10:00 - 36h30
        want.put("EE_15MIN", "2025-03-12T09:45 2025-03-12");     // - 0.25 h
        want.put("EE_NONE", "2025-03-12T10:00 2025-03-12");
        want.put("EE_WITHDRAWN", "2025-03-11T23:30 2025-03-11"); // - 10.5 h crosses midnight
        want.put("EE_OPEN", "- -");                               // not ended: nothing to subtract from
        assertEquals(want, only(select("effective_end_at_766", "effective_end_date_766"), want.keySet().toArray(new String[0])));
    }

    @Test
    void hasFee() {
        Map<String, String> want = new TreeMap<>();
        want.put("FEE_PN_20000", "true");  // fee > 0 although the catalogue says no fee
        want.put("FEE_PF_NULL", "true");   // catalogue fee-bearing, fee missing (not 0)
        want.put("FEE_PF_0", "false");     // catalogue fee-bearing but the dossier's fee is 0
        want.put("FEE_PN_0", "false");
        want.put("FEE_UNK_500", "true");   // unknown procedure, fee > 0
        assertEquals(want, only(select("has_fee"), want.keySet().toArray(new String[0])));
    }

    /**
     * definitions.md 3.6: a dossier has a fee when TongPhiLePhi > 0 or the catalogue says fee-bearing and the
     * fee is not 0. With the fee missing and a catalogue that says no fee (or no catalogue entry), neither
     * holds: has_fee is false, not unknown. A null would drop these dossiers from any
     * {@code count_if(... AND NOT has_fee)}.
     */
    @Test
    void hasFeeIsFalseWhenTheFeeIsMissingAndTheCatalogueSaysNoFee() {
        Map<String, String> got = select("has_fee");
        assertEquals("false", got.get("LV_UNKNOWN"));    // unknown procedure, fee missing
        assertEquals("false", got.get("UNIT_P"));        // PN (no fee), fee missing
    }

    @Test
    void paidOnlineIsPaymentOneOrTwo() {
        Map<String, String> got = select("online_payment", "paid_online");
        assertEquals("1 true", got.get("PAY_1"));
        assertEquals("2 true", got.get("PAY_2"));
        assertEquals("0 false", got.get("PAY_0"));
        // Empty DuocThanhToanTrucTuyen is never counted as paid online.
        assertEquals(false, got.get("FEE_PF_NULL").endsWith("true"), got.get("FEE_PF_NULL"));
    }

    @Test
    void ratingDateIsRatedAtElseTheResolutionDate() {
        Map<String, String> want = new TreeMap<>();
        want.put("R_RATED_AT", "1 2025-03-20");   // NgayDanhGia wins over the end date 5/3
        want.put("R_RESOLVED", "2 2025-03-05");   // no NgayDanhGia: the resolution date
        want.put("R_WITHDRAWN", "3 -");           // no NgayDanhGia and never resolved: no period
        want.put("R_OPEN", "2 2025-03-06");       // open but rated on 6/3
        want.put("R_NONE", "- -");                // no rating: no rating date
        assertEquals(want, only(select("rating", "rating_date"), want.keySet().toArray(new String[0])));
    }

    @Test
    void onlineLevelFieldAndCatalogueFacts() {
        Map<String, String> want = new TreeMap<>();
        // online_level, field_code, procedure_known, procedure_level, procedure_has_fee, requires_document_result,
        // citizen_facing, time_limit, time_limit_unit
        want.put("LV_RECORD", "2 F9 true XA true false true 5 WORKING_DAYS");
        want.put("LV_CATALOGUE", "4 F1 true XA true false true 5 WORKING_DAYS");
        want.put("LV_UNKNOWN", "- - false - - - - - -");
        want.put("LV_UNKNOWN_RECORD", "3 F7 false - - - - - -");
        want.put("LV_NO_CODE", "- - false - - - - - -");
        want.put("UNIT_P", "3 F2 true XA false true false 7 DAYS");
        assertEquals(want, only(select("online_level", "field_code", "procedure_known", "procedure_level",
                "procedure_has_fee", "requires_document_result", "citizen_facing", "time_limit", "time_limit_unit"),
                want.keySet().toArray(new String[0])));
    }

    @Test
    void unitLevelAndAncestorsFromTheRegistry() {
        Map<String, String> got = select("unit_code", "unit_level", "unit_ancestors");
        assertEquals("C XA [D,P]", got.get("ST1"));
        assertEquals("P TINH []", got.get("UNIT_P"));
    }
}
