package vn.reformindex.scoring;

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
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.CriteriaSetLoader;
import vn.reformindex.facts.DossierFacts;
import vn.reformindex.facts.PeriodFacts;
import vn.reformindex.io.Storage;
import vn.reformindex.reference.HolidayCalendar;
import vn.reformindex.reference.UnitRegistry;

/**
 * The catalogue criteria of the shipped 766 set (3.1, 3.2, 3.5, 3.5b, 4.5a; definitions.md "766 criteria")
 * on a tiny catalogue, through {@link CriterionAggregates#wide} and {@link ScoreRows#score}, Q1 2025 as of
 * 20/3. Units: department S1 (SO: catalogue level TINH), communes X1 and X2 (XA; X2 without dossiers),
 * district H (HUYEN: no procedure at that level), province P (TINH: not applicable).
 *
 * <p>Catalogue at TINH level (MucDo, fee, citizen-facing): T1 (4, fee, citizen), T2 (3, -, citizen),
 * T3 (2, fee, -), T4 (3, fee, citizen), T5 (2, -, citizen), T6 (4, fee, -). At XA level: XA1 (4, fee,
 * citizen), XA2 (2, -, -).
 */
class CatalogueCriteriaTest {
    static final List<String> CODES = List.of("3.1", "3.2", "3.5", "3.5b", "4.5a");
    private static Map<String, String> scores;

    @BeforeAll
    static void score() {
        UnitRegistry registry = TinyFrames.registry(
                TinyFrames.unit("P", "TINH", null, "2015-01-01", null),
                TinyFrames.unit("S1", "SO", "P", "2015-01-01", null),
                TinyFrames.unit("H", "HUYEN", "P", "2015-01-01", null),
                TinyFrames.unit("X1", "XA", "H", "2015-01-01", null),
                TinyFrames.unit("X2", "XA", "H", "2015-01-01", null));
        Dataset<Row> catalogue = TinyFrames.procedures(
                TinyFrames.procedure("T1", "T1", "F", "TINH", 4, true, false, true, "5", null),
                TinyFrames.procedure("T2", "T2", "F", "TINH", 3, false, false, true, "5", null),
                TinyFrames.procedure("T3", "T3", "F", "TINH", 2, true, false, false, "5", null),
                TinyFrames.procedure("T4", "T4", "F", "TINH", 3, true, false, true, "5", null),
                TinyFrames.procedure("T5", "T5", "F", "TINH", 2, false, false, true, "5", null),
                TinyFrames.procedure("T6", "T6", "F", "TINH", 4, true, false, false, "5", null),
                TinyFrames.procedure("XA1", "XA1", "F", "XA", 4, true, false, true, "5", null),
                TinyFrames.procedure("XA2", "XA2", "F", "XA", 2, false, false, false, "5", null));
        String in = "2025-02-03 08:00";
        Dataset<Row> staged = TinyFrames.staged(
                dossier("S1-1", "S1", 2).procedure("T1").channel(2).received(in).payment(1).vneid(true),
                dossier("S1-2", "S1", 2).procedure("T1").received(in).payment(0),
                dossier("S1-3", "S1", 2).procedure("T2").received(in).vneid(true),
                dossier("S1-4", "S1", 2).procedure("T3").received(in).payment(0).vneid(false),
                // Carried over from 2024 (received before the period): online and paid online, but not received in P.
                dossier("S1-5", "S1", 2).procedure("T4").channel(2).received("2024-12-15 08:00").payment(1),
                dossier("S1-6", "S1", 2).procedure("T5").channel(2).received(in).vneid(false),
                // Paid on the provincial portal (2).
                dossier("S1-7", "S1", 2).procedure("T6").received(in).payment(2),
                // A commune-level procedure at the department: not in S1's catalogue rows, nor in X1's.
                dossier("S1-8", "S1", 2).procedure("XA1").channel(2).received(in).payment(1).vneid(true),
                // Received 25/3, after the as-of date: not received in P.
                dossier("S1-9", "S1", 2).procedure("T2").channel(2).received("2025-03-25 08:00").vneid(true),
                dossier("X1-1", "X1", 2).procedure("XA1").received(in).payment(0).vneid(false));
        Dataset<Row> facts = DossierFacts.build(staged, TinyFrames.units(registry), catalogue);
        Dataset<Row> periods = TinyFrames.periods(TinyFrames.period("2025-Q1", "quarter", "2025-01-01", "2025-03-31", "2025-03-20"));
        Dataset<Row> periodFacts = PeriodFacts.expand(facts, periods, new HolidayCalendar(Set.of(), true));

        StructType gridType = new StructType().add("unit_code", DataTypes.StringType).add("unit_name", DataTypes.StringType)
                .add("unit_level", DataTypes.StringType).add("peer_group", DataTypes.StringType)
                .add("period", DataTypes.StringType).add("period_kind", DataTypes.StringType)
                .add("period_start", DataTypes.DateType).add("period_end", DataTypes.DateType).add("as_of", DataTypes.DateType)
                .add("no_data", DataTypes.BooleanType);
        List<Row> grid = new java.util.ArrayList<>();
        for (String[] u : new String[][]{{"P", "TINH"}, {"S1", "SO"}, {"H", "HUYEN"}, {"X1", "XA"}, {"X2", "XA"}}) {
            grid.add(RowFactory.create(u[0], u[0], u[1], u[1], "2025-Q1", "quarter", TinyFrames.d("2025-01-01"),
                    TinyFrames.d("2025-03-31"), TinyFrames.d("2025-03-20"), false));
        }
        CriteriaSet set = CriteriaSetLoader.load(Storage.local(), "766");
        Dataset<Row> manual = SparkTestSupport.spark().createDataFrame(List.of(), ManualScores.SCHEMA);
        Dataset<Row> wide = CriterionAggregates.wide(set, SparkTestSupport.spark().createDataFrame(grid, gridType),
                periodFacts, catalogue, manual);
        Dataset<Row> rows = ScoreRows.score(set, wide).filter(org.apache.spark.sql.functions.col("criterion_code").isin(CODES.toArray()));
        scores = TinyFrames.table(rows, 2, "unit_code", "criterion_code", "numerator", "denominator", "ratio", "status",
                "points", "max_points", "source");
    }

    private static Map<String, String> part(int from, int to) {
        Map<String, String> out = new TreeMap<>();
        scores.forEach((k, v) -> out.put(k, String.join(" ", List.of(v.split(" ")).subList(from, to))));
        return out;
    }

    @Test
    void numeratorsDenominatorsRatiosAndStatus() {
        Map<String, String> want = new TreeMap<>();
        // S1: 3.1 online (MucDo 3, 4) T1, T2, T4, T6 of the 6 TINH procedures.
        want.put("S1|3.1", "4 6 0.6666666667 scored");
        // 3.2: of those 4, only T1 has a dossier received online in P (T4's is carried over, T2's is after the
        // as-of date, T6's is in person; T5's online dossier is for a level-2 procedure).
        want.put("S1|3.2", "1 4 0.25 scored");
        // 3.5: fee procedures T1, T3, T4, T6; with a dossier received in P: T1, T3, T6; paid online: T1 (1), T6 (2).
        want.put("S1|3.5", "2 3 0.6666666667 scored");
        // 3.5b: the same 2 over all 4 fee procedures.
        want.put("S1|3.5b", "2 4 0.5 scored");
        // 4.5a: citizen-facing T1, T2, T4, T5; with a dossier received in P: T1, T2, T5; VNeID-verified: T1, T2.
        want.put("S1|4.5a", "2 3 0.6666666667 scored");
        // X1: XA1 online, XA2 not; X1's only dossier (XA1) is in person, not paid online, not verified.
        // S1's online, paid, verified XA1 dossier must not count for X1.
        want.put("X1|3.1", "1 2 0.5 scored");
        want.put("X1|3.2", "0 1 0 scored");
        want.put("X1|3.5", "0 1 0 scored");
        want.put("X1|3.5b", "0 1 0 scored");
        want.put("X1|4.5a", "0 1 0 scored");
        // X2: no dossiers: the catalogue alone gives 3.1, 3.2 and 3.5b; 3.5 and 4.5a have a zero denominator.
        want.put("X2|3.1", "1 2 0.5 scored");
        want.put("X2|3.2", "0 1 0 scored");
        want.put("X2|3.5", "0 0 - insufficient_data");
        want.put("X2|3.5b", "0 1 0 scored");
        want.put("X2|4.5a", "0 0 - insufficient_data");
        // H: no procedure at HUYEN level.
        for (String c : CODES) {
            want.put("H|" + c, "0 0 - insufficient_data");
            want.put("P|" + c, "- - - not_applicable");
        }
        assertEquals(want, part(0, 4));
    }

    @Test
    void pointsAndMaxima() {
        Map<String, String> want = new TreeMap<>();
        // points, max. 3.1: target 0.8 of 4; 3.2: ratio x 2; 3.5: target 0.8 of 2; 3.5b, 4.5a: ratio x 2.
        want.put("S1|3.2", "0.5 2");           // 0.25 x 2
        want.put("S1|3.5b", "1 2");            // 0.5 x 2
        want.put("X1|3.1", "2.5 4");           // 0.5 x 4 / 0.8
        want.put("X1|3.2", "0 2");
        want.put("X1|3.5", "0 2");
        want.put("X1|3.5b", "0 2");
        want.put("X1|4.5a", "0 2");
        want.put("X2|3.1", "2.5 4");
        want.put("X2|3.2", "0 2");
        want.put("X2|3.5", "- 2");
        want.put("X2|3.5b", "0 2");
        want.put("X2|4.5a", "- 2");
        want.put("H|3.1", "- 4");
        want.put("P|3.1", "- 4");
        Map<String, String> got = new TreeMap<>(part(4, 6));
        got.keySet().retainAll(want.keySet());
        assertEquals(want, got);
        assertEquals("catalogue", scores.get("S1|3.1").split(" ")[6]);
    }

    /**
     * definitions.md: "each ratio and each criterion's points are computed from the integer counts at scale
     * 10, half-up". From the counts, 3.1 = (4/6) x 4 / 0.8 = 3.333..., 3.5 = (2/3) x 2 / 0.8 = 1.666...,
     * 4.5a = (2/3) x 2 = 1.333...; multiplying the ratio already rounded to 0.6666666667 would
     * give 3.3333333335, 1.6666666668 and 1.3333333334 (and, e.g., 1/3 of a 6-point ratio criterion would give
     * 1.9999999998 instead of 2, which can move a published total across a .xx5 boundary).
     */
    @Test
    void pointsFromTheCountsRoundedOnce() {
        Map<String, String> want = new TreeMap<>();
        want.put("S1|3.1", "3.3333333333 4");
        want.put("S1|3.5", "1.6666666667 2");
        want.put("S1|4.5a", "1.3333333333 2");
        Map<String, String> got = new TreeMap<>(part(4, 6));
        got.keySet().retainAll(want.keySet());
        assertEquals(want, got);
    }
}
