package vn.reformindex.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.period.Period;
import vn.reformindex.period.PeriodWindow;
import vn.reformindex.reference.Unit;
import vn.reformindex.reference.UnitRegistry;

/** Comparison windows (definitions.md, Comparisons) and the changes of total and rank. */
class ComparisonsTest {
    @Test
    void windowsShiftTheAsOfDate() {
        Map<String, String> got = new TreeMap<>();
        for (Comparisons.Pair p : Comparisons.of(List.of(
                new PeriodWindow(Period.parse("2020-01-01..2020-10-29"), LocalDate.of(2020, 10, 29)),
                new PeriodWindow(Period.parse("2020"), LocalDate.of(2020, 10, 29)),
                new PeriodWindow(Period.parse("2025-Q2"), LocalDate.of(2025, 6, 30)),
                new PeriodWindow(Period.parse("2025-03"), LocalDate.of(2025, 3, 31))))) {
            got.put(p.requested().label() + " " + p.basis(), p.key());
        }
        Map<String, String> want = new TreeMap<>();
        // The range of equal length (303 days) just before.
        want.put("2020-01-01..2020-10-29 previous_year", "2019-01-01..2019-10-29@2019-10-29");
        want.put("2020-01-01..2020-10-29 preceding_period", "2019-03-04..2019-12-31@2019-12-31");
        // A year to 29 October is compared with the previous year to 29 October.
        want.put("2020 previous_year", "2019@2019-10-29");
        want.put("2020 preceding_period", "2019@2019-10-29");
        want.put("2025-Q2 previous_year", "2024-Q2@2024-06-30");
        want.put("2025-Q2 preceding_period", "2025-Q1@2025-03-31");
        // March has 31 days, February 28: the preceding month is taken whole.
        want.put("2025-03 previous_year", "2024-03@2024-03-31");
        want.put("2025-03 preceding_period", "2025-02@2025-02-28");
        assertEquals(want, got);
    }

    @Test
    void changesAreEmptyWithAReasonWhenTheyCannotBeCompared() {
        StructType ranked = new StructType().add("unit_code", DataTypes.StringType).add("period", DataTypes.StringType)
                .add("published_total", DataTypes.createDecimalType(38, 2)).add("rank", DataTypes.IntegerType);
        StructType cmp = new StructType().add("period", DataTypes.StringType).add("basis", DataTypes.StringType)
                .add("unit_code", DataTypes.StringType).add("compared_period", DataTypes.StringType)
                .add("compared_as_of", DataTypes.DateType).add("published_total", DataTypes.createDecimalType(38, 2))
                .add("rank", DataTypes.IntegerType).add("status", DataTypes.StringType).add("reorganised", DataTypes.BooleanType);
        Dataset<Row> r = SparkTestSupport.spark().createDataFrame(List.of(
                RowFactory.create("A", "2025", new BigDecimal("80.50"), 1),
                RowFactory.create("B", "2025", new BigDecimal("75.00"), 2),
                RowFactory.create("C", "2025", new BigDecimal("70.00"), 3),
                RowFactory.create("D", "2025", new BigDecimal("60.00"), null)), ranked);
        LocalDate d = LocalDate.of(2024, 12, 31);
        List<Row> c = new ArrayList<>();
        for (String basis : new String[]{Rankings.PREVIOUS_YEAR, Rankings.PRECEDING}) {
            c.add(RowFactory.create("2025", basis, "A", "2024", d, new BigDecimal("78.00"), 2, "scored", false));
            c.add(RowFactory.create("2025", basis, "B", "2024", d, new BigDecimal("79.00"), 1, "scored", false));
            c.add(RowFactory.create("2025", basis, "C", "2024", d, new BigDecimal("50.00"), 3, "scored", true));
            c.add(RowFactory.create("2025", basis, "D", "2024", d, new BigDecimal("55.00"), 4, "scored", false));
        }
        Dataset<Row> out = Rankings.withChanges(r, SparkTestSupport.spark().createDataFrame(c, cmp));
        Map<String, String> got = new TreeMap<>();
        for (Row x : out.select("unit_code", "change_total_vs_previous_year", "change_rank_vs_previous_year",
                "change_vs_previous_year_reason", "change_rank_vs_preceding").collectAsList()) {
            got.put(x.getString(0), (x.isNullAt(1) ? "-" : x.getDecimal(1).toPlainString()) + " " + x.get(2) + " " + x.get(3) + " " + x.get(4));
        }
        assertEquals(Map.of(
                "A", "2.50 1 null 1",          // moved up from 2 to 1
                "B", "-4.00 -1 null -1",
                "C", "- null reorganised null", // reorganised: no change shown
                "D", "5.00 null not_ranked null"), got);
    }

    @Test
    void reorganisedUnitsAreTheMergedAndTheirSuccessors() {
        UnitRegistry reg = new UnitRegistry(List.of(
                new Unit("OLD", "Xã cũ", "XA", null, "XA", LocalDate.of(2015, 1, 1), LocalDate.of(2025, 6, 30), List.of("NEW")),
                new Unit("NEW", "Xã mới", "XA", null, "XA", LocalDate.of(2015, 1, 1), null, List.of()),
                new Unit("SAME", "Xã giữ nguyên", "XA", null, "XA", LocalDate.of(2015, 1, 1), null, List.of())));
        List<Comparisons.Pair> pairs = Comparisons.of(List.of(new PeriodWindow(Period.parse("2025"), LocalDate.of(2025, 12, 31))));
        Map<String, Long> flagged = new TreeMap<>();
        for (Row x : Comparisons.reorganised(SparkTestSupport.spark(), reg, pairs).collectAsList()) {
            flagged.merge(x.getString(0), 1L, Long::sum);
        }
        assertEquals(Map.of("OLD", 2L, "NEW", 2L), flagged);
    }
}
