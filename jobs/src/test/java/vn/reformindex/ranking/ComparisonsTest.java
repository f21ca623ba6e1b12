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
            got.put(p.requested().label() + " " + p.basis(), p.key().substring(0, p.key().indexOf('>')));
            assertEquals(p.requested().label(), p.key().substring(p.key().indexOf('>') + 1), "the key names the requested window");
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
                .add("published_total", DataTypes.createDecimalType(38, 2)).add("rank", DataTypes.IntegerType)
                .add("group_1_points", DataTypes.createDecimalType(38, 10));
        StructType cmp = new StructType().add("period", DataTypes.StringType).add("basis", DataTypes.StringType)
                .add("unit_code", DataTypes.StringType).add("compared_period", DataTypes.StringType)
                .add("compared_as_of", DataTypes.DateType).add("published_total", DataTypes.createDecimalType(38, 2))
                .add("rank", DataTypes.IntegerType).add("status", DataTypes.StringType)
                .add("reaggregated_from", DataTypes.createArrayType(DataTypes.StringType)).add("merged_into", DataTypes.StringType)
                .add("group_1_points", DataTypes.createDecimalType(38, 10));
        Dataset<Row> r = SparkTestSupport.spark().createDataFrame(List.of(
                RowFactory.create("A", "2025", new BigDecimal("80.50"), 1, new BigDecimal("30")),
                RowFactory.create("B", "2025", new BigDecimal("75.00"), 2, new BigDecimal("20")),
                RowFactory.create("C", "2025", new BigDecimal("70.00"), 3, new BigDecimal("25")),
                RowFactory.create("D", "2025", new BigDecimal("60.00"), null, new BigDecimal("10")),
                RowFactory.create("E", "2025", new BigDecimal("65.00"), 4, new BigDecimal("12"))), ranked);
        LocalDate d = LocalDate.of(2024, 12, 31);
        List<Row> c = new ArrayList<>();
        for (String basis : new String[]{Rankings.PREVIOUS_YEAR, Rankings.PRECEDING}) {
            c.add(RowFactory.create("2025", basis, "A", "2024", d, new BigDecimal("78.00"), 2, "scored", null, null, new BigDecimal("28.5")));
            c.add(RowFactory.create("2025", basis, "B", "2024", d, new BigDecimal("79.00"), 1, "scored", null, null, new BigDecimal("21")));
            // C's base holds the counts of X, merged into it: compared like any other.
            c.add(RowFactory.create("2025", basis, "C", "2024", d, new BigDecimal("50.00"), 3, "scored", List.of("X"), null, null));
            c.add(RowFactory.create("2025", basis, "D", "2024", d, new BigDecimal("55.00"), 4, "scored", null, null, new BigDecimal("9")));
            // E was merged into C by the period's end: its comparison counts are C's.
            c.add(RowFactory.create("2025", basis, "E", "2024", d, null, null, null, null, "C", null));
        }
        Dataset<Row> out = Rankings.withChanges(r, SparkTestSupport.spark().createDataFrame(c, cmp), List.of("1"));
        Map<String, String> got = new TreeMap<>();
        for (Row x : out.select("unit_code", "change_total_vs_previous_year", "change_rank_vs_previous_year",
                "change_vs_previous_year_reason", "change_rank_vs_preceding", "change_group_1_vs_previous_year",
                "previous_year_reaggregated_from").collectAsList()) {
            got.put(x.getString(0), (x.isNullAt(1) ? "-" : x.getDecimal(1).toPlainString()) + " " + x.get(2) + " " + x.get(3)
                    + " " + x.get(4) + " " + (x.isNullAt(5) ? "-" : x.getDecimal(5).stripTrailingZeros().toPlainString())
                    + " " + (x.isNullAt(6) ? "-" : x.getList(6)));
        }
        assertEquals(Map.of(
                "A", "2.50 1 null 1 1.5 -",          // moved up from 2 to 1
                "B", "-4.00 -1 null -1 -1 -",
                "C", "20.00 0 null 0 - [X]",          // re-aggregated base; the group had no points then
                "D", "5.00 null not_ranked null 1 -", // unranked now: the change of total is shown, not of rank
                "E", "- null merged_into_successor null - -"), got);
    }

    @Test
    void theMethodSplitAddsUpToTheChangeAgainstWhatWasPublished() {
        StructType rankings = new StructType().add("unit_code", DataTypes.StringType).add("period", DataTypes.StringType)
                .add("published_total", DataTypes.createDecimalType(38, 2));
        for (String p : new String[]{"previous_year", "preceding"}) {
            rankings = rankings.add(p + "_period", DataTypes.StringType).add(p + "_as_of", DataTypes.DateType)
                    .add(p + "_total", DataTypes.createDecimalType(38, 2))
                    .add(p + "_reaggregated_from", DataTypes.createArrayType(DataTypes.StringType));
        }
        LocalDate d = LocalDate.of(2024, 12, 31);
        LocalDate q = LocalDate.of(2024, 10, 29);
        Dataset<Row> r = SparkTestSupport.spark().createDataFrame(List.of(
                // re-scored 2024 with the current set: 75; published in 2024 with set v1: 70
                RowFactory.create("A", "2025", new BigDecimal("78.00"), "2024", d, new BigDecimal("75.00"), null,
                        "2024", d, new BigDecimal("75.00"), null),
                // 2024 was published with the current set: no split
                RowFactory.create("B", "2025", new BigDecimal("60.00"), "2024", d, new BigDecimal("62.00"), null,
                        "2024", d, new BigDecimal("62.00"), null),
                // published with v1 but to another as-of date: not comparable
                RowFactory.create("C", "2025", new BigDecimal("50.00"), "2024", q, new BigDecimal("40.00"), null,
                        "2024", q, new BigDecimal("40.00"), null),
                // a re-aggregated base has no published counterpart
                RowFactory.create("D", "2025", new BigDecimal("50.00"), "2024", d, new BigDecimal("45.00"), List.of("X"),
                        "2024", d, new BigDecimal("45.00"), List.of("X"))), rankings);
        StructType index = new StructType().add("unit_code", DataTypes.StringType).add("period", DataTypes.StringType)
                .add("as_of", DataTypes.DateType).add("published_total", DataTypes.createDecimalType(38, 2))
                .add("criteria_set_id", DataTypes.StringType).add("criteria_set_version", DataTypes.StringType)
                .add("criteria_set_hash", DataTypes.StringType);
        Dataset<Row> published = SparkTestSupport.spark().createDataFrame(List.of(
                RowFactory.create("A", "2024", d, new BigDecimal("70.00"), "766", "v1", "h1"),
                RowFactory.create("B", "2024", d, new BigDecimal("61.00"), "766", "v2", "h2"),
                RowFactory.create("C", "2024", d, new BigDecimal("30.00"), "766", "v1", "h1"),
                RowFactory.create("D", "2024", d, new BigDecimal("44.00"), "766", "v1", "h1")), index);
        Map<String, String> got = new TreeMap<>();
        for (Row x : Rankings.withMethodSplit(r, published, "h2").select("unit_code", "previous_year_total_as_published",
                "previous_year_criteria_set_as_published", "change_total_vs_previous_year_as_published",
                "change_total_vs_previous_year_method").collectAsList()) {
            got.put(x.getString(0), x.get(1) + " " + x.get(2) + " " + x.get(3) + " " + x.get(4));
        }
        // A: 8.00 against what was published = 3.00 by the unit (78 - 75) + 5.00 by the method (75 - 70).
        assertEquals(Map.of("A", "70.00 766 v1 8.00 5.00", "B", "null null null null", "C", "null null null null",
                "D", "null null null null"), got);
    }
}
