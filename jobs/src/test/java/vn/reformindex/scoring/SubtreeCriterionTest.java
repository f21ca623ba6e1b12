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
}
