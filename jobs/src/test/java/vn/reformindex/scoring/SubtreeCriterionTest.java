package vn.reformindex.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
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

/** A criterion with {@code subtree: true} scores a parent on its own and its descendants' dossiers. */
class SubtreeCriterionTest {
    @Test
    void parentsCountTheirSubtreeLeavesTheirOwn() {
        String yaml = String.join("\n",
                "id: t", "version: \"1\"", "total: 2",
                "tiers: [{name: Tất cả, from: 0}]",
                "groups: [{code: A, name: Nhóm, max: 2}]",
                "criteria:",
                "  - {code: OWN, name: Riêng, group: A, source: dossiers, levels: [HUYEN, XA], numerator: count_if(handled AND on_time_766), denominator: count_if(handled), max: 1, scoring: {rule: ratio}}",
                "  - {code: ALL, name: Toàn địa bàn, group: A, source: dossiers, levels: [HUYEN, XA], subtree: true, numerator: count_if(handled AND on_time_766), denominator: count_if(handled), max: 1, scoring: {rule: ratio}}",
                "");
        CriteriaSet set = CriteriaSetLoader.parse("t.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        SparkSession spark = SparkTestSupport.spark();
        StructType facts = new StructType().add("unit_code", DataTypes.StringType).add("period", DataTypes.StringType)
                .add("unit_ancestors", DataTypes.createArrayType(DataTypes.StringType))
                .add("handled", DataTypes.BooleanType).add("on_time_766", DataTypes.BooleanType);
        String[] toProvince = {"P"};
        String[] toDistrict = {"D", "P"};
        Dataset<Row> periodFacts = spark.createDataFrame(List.of(
                RowFactory.create("D", "2025", toProvince, true, true),
                RowFactory.create("C1", "2025", toDistrict, true, false),
                RowFactory.create("C1", "2025", toDistrict, true, true),
                RowFactory.create("C2", "2025", toDistrict, true, true)), facts);
        StructType gridType = new StructType().add("unit_code", DataTypes.StringType).add("unit_level", DataTypes.StringType)
                .add("period", DataTypes.StringType);
        Dataset<Row> grid = spark.createDataFrame(List.of(RowFactory.create("D", "HUYEN", "2025"),
                RowFactory.create("C1", "XA", "2025"), RowFactory.create("C2", "XA", "2025")), gridType);
        Dataset<Row> wide = CriterionAggregates.wide(set, grid, periodFacts, null, null);
        Map<String, String> got = new TreeMap<>();
        for (Row r : wide.select("unit_code", "n_0", "d_0", "n_1", "d_1").collectAsList()) {
            got.put(r.getString(0), r.getDecimal(1).intValue() + "/" + r.getDecimal(2).intValue() + " "
                    + r.getDecimal(3).intValue() + "/" + r.getDecimal(4).intValue());
        }
        assertEquals(Map.of("D", "1/1 3/4", "C1", "1/2 1/2", "C2", "1/1 1/1"), got);
    }

    /**
     * Every allowed aggregate rolls up from the units' partial values to the subtree's (the facts are aggregated
     * once): sums and counts add up, extremes stay extremes, a constant multiple and a difference apply after the
     * merge. A unit with no dossier of its own has no own value even where the expression would turn "no rows"
     * into a number (coalesce), as when its own dossiers were aggregated alone.
     */
    @Test
    void everyAggregateRollsUpFromPartialValues() {
        String yaml = String.join("\n",
                "id: t", "version: \"1\"", "total: 3",
                "tiers: [{name: Tất cả, from: 0}]",
                "groups: [{code: A, name: Nhóm, max: 3}]",
                "criteria:",
                "  - {code: MIX, name: Trộn, group: A, source: dossiers, levels: [TINH, HUYEN, XA], subtree: true, numerator: count_if(handled) * 1000 - sum(supplement_count), denominator: count(supplement_count) + max(supplement_count) - min(supplement_count), max: 1, scoring: {rule: ratio}}",
                "  - {code: ANY, name: Có, group: A, source: dossiers, levels: [TINH, HUYEN, XA], subtree: true, numerator: \"if(bool_or(handled), 1, 0) + if(bool_and(handled), 10, 0)\", denominator: count_if(handled) * 0 + 100, max: 1, scoring: {rule: ratio}}",
                "  - {code: OWN, name: Riêng, group: A, source: dossiers, levels: [TINH, HUYEN, XA], numerator: \"coalesce(sum(supplement_count), 0) + 1\", denominator: count_if(handled) * 1000 - sum(supplement_count), max: 1, scoring: {rule: ratio}}",
                "");
        CriteriaSet set = CriteriaSetLoader.parse("t.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        SparkSession spark = SparkTestSupport.spark();
        StructType facts = new StructType().add("unit_code", DataTypes.StringType).add("period", DataTypes.StringType)
                .add("unit_ancestors", DataTypes.createArrayType(DataTypes.StringType))
                .add("handled", DataTypes.BooleanType).add("supplement_count", DataTypes.IntegerType);
        String[] toProvince = {"P"};
        String[] toDistrict = {"D", "P"};
        Dataset<Row> periodFacts = spark.createDataFrame(List.of(
                RowFactory.create("D", "2025", toProvince, true, 2),
                RowFactory.create("C1", "2025", toDistrict, true, 0),
                RowFactory.create("C1", "2025", toDistrict, false, 5),
                RowFactory.create("C1", "2025", toDistrict, true, null),
                RowFactory.create("C2", "2025", toDistrict, true, 1),
                RowFactory.create("C2", "2024", toDistrict, false, 7)), facts);
        StructType gridType = new StructType().add("unit_code", DataTypes.StringType).add("unit_level", DataTypes.StringType)
                .add("period", DataTypes.StringType);
        Dataset<Row> grid = spark.createDataFrame(List.of(RowFactory.create("P", "TINH", "2025"), RowFactory.create("D", "HUYEN", "2025"),
                RowFactory.create("C1", "XA", "2025"), RowFactory.create("C2", "XA", "2025"), RowFactory.create("C2", "XA", "2024")),
                gridType);
        Map<String, String> got = new TreeMap<>();
        for (Row r : CriterionAggregates.wide(set, grid, periodFacts, null, null).collectAsList()) {
            StringBuilder b = new StringBuilder();
            for (String c : new String[]{"n_0", "d_0", "n_1", "d_1", "n_2", "d_2"}) {
                Object v = r.getAs(c);
                b.append(v == null ? "null" : ((java.math.BigDecimal) v).stripTrailingZeros().toPlainString()).append(' ');
            }
            got.put(r.getAs("unit_code") + "@" + r.getAs("period"), b.toString().trim());
        }
        // By hand. 2025: C1 handled 2 of 3, supplements 0, 5, null; C2 handled 1, supplement 1; D handled 1, 2.
        // C1: 2000-5=1995 / count 2 + max 5 - min 0 = 7; bool_or 1, bool_and false: 1 / 100; own 6 / 1995.
        // C2: 1000-1=999 / 1+1-1 = 1; 1+10 = 11 / 100; own 2 / 999.
        // D (own + C1 + C2): handled 4, sum 8: 3992 / count 4 + max 5 - min 0 = 9; 1 / 100; own 3 / 998.
        // P (subtree = D's; no own dossier): 3992 / 9; 1 / 100; own null / null.
        // C2 2024: 0-7 = -7 / 1+7-7 = 1; bool_or false, bool_and false: 0 / 100; own 8 / -7.
        assertEquals(Map.of(
                "C1@2025", "1995 7 1 100 6 1995",
                "C2@2025", "999 1 11 100 2 999",
                "D@2025", "3992 9 1 100 3 998",
                "P@2025", "3992 9 1 100 null null",
                "C2@2024", "-7 1 0 100 8 -7"), got);
    }
}
