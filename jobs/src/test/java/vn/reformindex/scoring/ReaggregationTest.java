package vn.reformindex.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.CriteriaSetLoader;
import vn.reformindex.period.Period;
import vn.reformindex.period.PeriodWindow;
import vn.reformindex.ranking.Comparisons;
import vn.reformindex.reference.Unit;
import vn.reformindex.reference.UnitRegistry;

/**
 * Re-aggregation across a reorganisation (definitions.md, Comparisons): in the comparison window, the counts of
 * units abolished by the requested as-of date count for their successors, and for the units above the successor.
 */
class ReaggregationTest {
    private static UnitRegistry mergedCommunes() {
        LocalDate since = LocalDate.of(2015, 1, 1);
        LocalDate merged = LocalDate.of(2025, 6, 30);
        return new UnitRegistry(List.of(
                new Unit("P", "Tỉnh", "TINH", null, "TINH", since, null, List.of()),
                new Unit("D1", "Huyện 1", "HUYEN", "P", "HUYEN", since, merged, List.of()),
                new Unit("D2", "Huyện 2", "HUYEN", "P", "HUYEN", since, null, List.of()),
                new Unit("OLD", "Xã cũ", "XA", "D1", "XA", since, merged, List.of("NEW")),
                new Unit("NEW", "Xã nhận sáp nhập", "XA", "D2", "XA", since, null, List.of()),
                new Unit("A", "Xã A", "XA", "D1", "XA", since, merged, List.of("AB")),
                new Unit("B", "Xã B", "XA", "D1", "XA", since, merged, List.of("AB")),
                new Unit("AB", "Xã mới", "XA", "D2", "XA", LocalDate.of(2025, 7, 1), null, List.of()),
                new Unit("SAME", "Xã giữ nguyên", "XA", "D2", "XA", since, null, List.of())));
    }

    @Test
    void aMergedUnitsBaseIsTheSumOfItsPredecessorsCounts() {
        UnitRegistry reg = mergedCommunes();
        List<Comparisons.Pair> pairs = Comparisons.of(List.of(new PeriodWindow(Period.parse("2025"), LocalDate.of(2025, 12, 31))));
        String key = pairs.get(0).key();
        List<Comparisons.Fold> folds = Comparisons.folds(reg, pairs);
        // Raw counts in 2024, on time / handled; AB did not exist in 2024.
        List<Row> rows = dossiers(reg, key, "OLD 2/3", "NEW 1/2", "A 1/1", "B 1/4", "SAME 1/1");
        Map<String, String> got = ownAndSubtree(SparkTestSupport.spark(), reg, key, folds, rows,
                "P", "D1", "D2", "OLD", "NEW", "A", "B", "SAME");
        // NEW: 1/2 + OLD's 2/3 = 3/5 (0.6, not the mean of the ratios, 0.583); AB: A's 1/1 + B's 1/4 = 2/5. D2, the
        // successors' district, counts NEW, OLD, AB and SAME: 6/11; D1 keeps nothing of its former communes.
        assertEquals(Map.of("NEW", "3/5 3/5", "AB", "2/5 2/5", "SAME", "1/1 1/1", "D1", "- -", "D2", "- 6/11",
                "P", "- 6/11"), got);
    }

    /**
     * A merged district (D1 into D2, both above communes): its own dossiers count for D2, and so do those of its
     * former commune X, dissolved without successor, which keeps its own history but whose ancestors in the
     * comparison window are D2's (Comparisons.reaggregate's path for folded units with children).
     */
    @Test
    void aMergedDistrictsFormerSubtreeCountsForItsSuccessor() {
        LocalDate since = LocalDate.of(2015, 1, 1);
        LocalDate merged = LocalDate.of(2025, 6, 30);
        UnitRegistry reg = new UnitRegistry(List.of(
                new Unit("P", "Tỉnh", "TINH", null, "TINH", since, null, List.of()),
                new Unit("D1", "Huyện 1", "HUYEN", "P", "HUYEN", since, merged, List.of("D2")),
                new Unit("D2", "Huyện 2", "HUYEN", "P", "HUYEN", since, null, List.of()),
                new Unit("OLD", "Xã cũ", "XA", "D1", "XA", since, merged, List.of("NEW")),
                new Unit("NEW", "Xã nhận sáp nhập", "XA", "D2", "XA", since, null, List.of()),
                new Unit("X", "Xã giải thể", "XA", "D1", "XA", since, merged, List.of()),
                new Unit("SAME", "Xã giữ nguyên", "XA", "D2", "XA", since, null, List.of())));
        List<Comparisons.Pair> pairs = Comparisons.of(List.of(new PeriodWindow(Period.parse("2025"), LocalDate.of(2025, 12, 31))));
        String key = pairs.get(0).key();
        List<Comparisons.Fold> folds = Comparisons.folds(reg, pairs);
        // Raw counts in 2024, on time / handled (D1 and D2: their own dossiers).
        List<Row> rows = dossiers(reg, key, "D1 1/1", "OLD 2/3", "X 1/2", "NEW 1/2", "D2 0/1", "SAME 1/1");
        Map<String, String> got = ownAndSubtree(SparkTestSupport.spark(), reg, key, folds, rows,
                "P", "D1", "D2", "OLD", "NEW", "X", "SAME");
        // D2's own: its 0/1 + D1's 1/1 = 1/2. D2's subtree: everything below P = 6/10 (X's 1/2 included through its
        // ancestors). NEW: 1/2 + OLD's 2/3 = 3/5. X keeps its own 1/2. D1 and OLD are not scored in 2024 any more.
        assertEquals(Map.of("D2", "1/2 6/10", "NEW", "3/5 3/5", "X", "1/2 1/2", "SAME", "1/1 1/1", "P", "- 6/10"), got);
    }

    /** Per scored unit of the comparison window: "own subtree" fractions of on-time over handled dossiers. */
    private static Map<String, String> ownAndSubtree(SparkSession spark, UnitRegistry reg, String key, List<Comparisons.Fold> folds,
                                                     List<Row> rows, String... validUnits) {
        CriteriaSet set = CriteriaSetLoader.parse("t.yaml", String.join("\n",
                "id: t", "version: \"1\"", "total: 2", "tiers: [{name: Tất cả, from: 0}]",
                "groups: [{code: A, name: Nhóm, max: 2}]",
                "criteria:",
                "  - {code: OWN, name: Riêng, group: A, source: dossiers, levels: [HUYEN, XA], numerator: count_if(handled AND on_time_766), denominator: count_if(handled), max: 1, scoring: {rule: ratio}}",
                "  - {code: ALL, name: Toàn địa bàn, group: A, source: dossiers, levels: [HUYEN, XA], subtree: true, numerator: count_if(handled AND on_time_766), denominator: count_if(handled), max: 1, scoring: {rule: ratio}}",
                "").getBytes(StandardCharsets.UTF_8));
        StructType factsType = new StructType().add("unit_code", DataTypes.StringType).add("period", DataTypes.StringType)
                .add("unit_ancestors", DataTypes.createArrayType(DataTypes.StringType))
                .add("handled", DataTypes.BooleanType).add("on_time_766", DataTypes.BooleanType);
        Dataset<Row> facts = Comparisons.reaggregate(spark.createDataFrame(rows, factsType), folds, reg);
        List<Row> valid = new ArrayList<>();
        for (String u : validUnits) {
            valid.add(RowFactory.create(u, key));
        }
        Dataset<Row> grid = Comparisons.regrid(spark.createDataFrame(valid, new StructType()
                .add("unit_code", DataTypes.StringType).add("period", DataTypes.StringType)), folds);
        List<Row> levels = new ArrayList<>();
        reg.all().forEach(u -> levels.add(RowFactory.create(u.code, u.level)));
        grid = grid.join(spark.createDataFrame(levels, new StructType().add("unit_code", DataTypes.StringType)
                .add("unit_level", DataTypes.StringType)), "unit_code");
        Map<String, String> got = new TreeMap<>();
        for (Row r : CriterionAggregates.wide(set, grid, facts, null, null).select("unit_code", "n_0", "d_0", "n_1", "d_1")
                .collectAsList()) {
            got.put(r.getString(0), fraction(r, 1) + " " + fraction(r, 3));
        }
        return got;
    }

    private static String fraction(Row r, int at) {
        return r.isNullAt(at + 1) ? "-" : r.getDecimal(at).intValue() + "/" + r.getDecimal(at + 1).intValue();
    }

    /** Dossiers of the comparison window {@code key}, given per unit as "UNIT onTime/handled". */
    private static List<Row> dossiers(UnitRegistry reg, String key, String... counts) {
        List<Row> rows = new ArrayList<>();
        for (String c : counts) {
            String[] unitAndFraction = c.split(" ");
            String[] fraction = unitAndFraction[1].split("/");
            int onTime = Integer.parseInt(fraction[0]);
            String[] ancestors = reg.ancestors(unitAndFraction[0]).toArray(String[]::new);
            for (int i = 0; i < Integer.parseInt(fraction[1]); i++) {
                rows.add(RowFactory.create(unitAndFraction[0], key, ancestors, true, i < onTime));
            }
        }
        return rows;
    }

    @Test
    void unitsGoneByTheAsOfDateAreFoldedOntoTheirSuccessors() {
        UnitRegistry reg = mergedCommunes();
        List<Comparisons.Pair> year = Comparisons.of(List.of(new PeriodWindow(Period.parse("2025"), LocalDate.of(2025, 12, 31))));
        Map<String, String> got = new TreeMap<>();
        for (Comparisons.Fold f : Comparisons.folds(reg, year)) {
            got.merge(f.predecessor(), f.successor() + " " + f.key(), (a, b) -> a + "; " + b);
        }
        // A year's previous year and preceding period are the same window: one fold each. The district, abolished
        // without successor, keeps its own history.
        assertEquals(Map.of("OLD", "NEW 2024@2024-12-31>2025", "A", "AB 2024@2024-12-31>2025", "B", "AB 2024@2024-12-31>2025"), got);
        // Before the merge every unit still exists at the as-of date: nothing is folded.
        assertEquals(List.of(), Comparisons.folds(reg, Comparisons.of(List.of(
                new PeriodWindow(Period.parse("2025-Q2"), LocalDate.of(2025, 6, 30))))));
    }

    /**
     * After the reorganisation (2025-Q3), the abolished district and the merged communes are not scored at all,
     * the new commune is; its comparison base in 2024-Q3 is its predecessors' counts.
     */
    @Test
    void anAbolishedUnitIsNotScoredAfterItEnds() {
        UnitRegistry reg = mergedCommunes();
        SparkSession spark = SparkTestSupport.spark();
        Dataset<Row> unitFrame = vn.reformindex.reference.ReferenceTables.units(spark, reg);
        List<Comparisons.Pair> pairs = Comparisons.of(List.of(new PeriodWindow(Period.parse("2025-Q3"), LocalDate.of(2025, 9, 30))));
        java.util.Map<String, PeriodWindow> windows = new java.util.LinkedHashMap<>();
        windows.put("2025-Q3", pairs.get(0).requested());
        windows.putAll(Comparisons.windows(pairs));
        Dataset<Row> grid = Comparisons.regrid(vn.reformindex.reference.ReferenceTables.validUnits(unitFrame,
                vn.reformindex.period.PeriodTable.keyed(spark, windows)), Comparisons.folds(reg, pairs));
        Map<String, java.util.TreeSet<String>> got = new TreeMap<>();
        for (Row r : grid.collectAsList()) {
            got.computeIfAbsent(r.getString(r.fieldIndex("period")).replaceAll(">.*", ""), k -> new java.util.TreeSet<>())
                    .add(r.getString(r.fieldIndex("unit_code")));
        }
        assertEquals(Map.of(
                "2025-Q3", new java.util.TreeSet<>(List.of("P", "D2", "NEW", "AB", "SAME")),
                // 2024-Q3 (previous year) and 2025-Q2 (preceding): the successors stand for their predecessors; D1,
                // abolished without successor, keeps its own history there but has nothing to compare with in 2025-Q3.
                "2024-Q3@2024-09-30", new java.util.TreeSet<>(List.of("P", "D1", "D2", "NEW", "AB", "SAME")),
                "2025-Q2@2025-06-30", new java.util.TreeSet<>(List.of("P", "D1", "D2", "NEW", "AB", "SAME"))), got);
    }
}
