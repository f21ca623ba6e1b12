package vn.reformindex.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.CriteriaSetLoader;
import vn.reformindex.scoring.Totals;
import vn.reformindex.table.Tables;

/**
 * The data-quality gate on hand-written reconciliation rows and dossier facts: the shares by hand, the
 * flags, and with {@code exclude: true} the units beyond the thresholds unranked with the reason while the
 * others are ranked among themselves.
 */
class DataQualityTest {
    static CriteriaSet set(boolean exclude) {
        return CriteriaSetLoader.parse("gate.yaml", String.join("\n",
                "id: gate",
                "version: \"1\"",
                "total: 10",
                "quality_gate: {max_rejected_share: 0.05, min_synced_share: 0.9, exclude: " + exclude + "}",
                "tiers: [{name: Tốt, from: 0}]",
                "groups: [{code: A, name: Nhóm A, max: 10}]",
                "criteria:",
                "  - {code: R, name: Tỷ lệ, group: A, source: dossiers, levels: [XA], numerator: count_if(handled), "
                        + "denominator: count_if(handled), max: 10, scoring: {rule: ratio}}",
                "").getBytes(StandardCharsets.UTF_8));
    }

    /** Totals G1 9 > G2 8 > G3 7 > G4 6 > G5 5. */
    static Dataset<Row> index(CriteriaSet set) {
        List<Row> rows = new ArrayList<>();
        List<Row> grid = new ArrayList<>();
        int n = 9;
        for (String u : new String[]{"G1", "G2", "G3", "G4", "G5"}) {
            BigDecimal num = BigDecimal.valueOf(n--).setScale(10);
            BigDecimal den = BigDecimal.TEN.setScale(10);
            rows.add(RowFactory.create(set.id, set.version, set.contentHash, u, "XA", "XA", "2025", LocalDate.of(2025, 1, 1),
                    LocalDate.of(2025, 12, 31), LocalDate.of(2025, 12, 31), "A", "R", null, "Tỷ lệ", "dossiers", num, den,
                    num.divide(den), set.criterion("R").scoring.points(num, den, BigDecimal.TEN), BigDecimal.TEN.setScale(10),
                    "scored", false, null));
            grid.add(RowFactory.create(u, "2025", "Xã " + u, false));
        }
        var spark = SparkTestSupport.spark();
        return Totals.index(set, spark.createDataFrame(rows, Tables.SCORES.schema()), spark.createDataFrame(grid,
                new StructType().add("unit_code", "string").add("period", "string").add("unit_name", "string")
                        .add("no_data", DataTypes.BooleanType)));
    }

    static Dataset<Row> reconciliation() {
        List<Row> rows = new ArrayList<>();
        // file, unit, read, accepted, quarantined, superseded: G1 10 of 100 rejected over two files (superseded
        // versions are not rejections); G2 1 of 100; G3 0 of 50; G4 20 of 100; G5 has no record.
        rows.add(RowFactory.create("a.csv", "G1", 54L, 50L, 4L, 0L, true));
        rows.add(RowFactory.create("b.csv", "G1", 53L, 40L, 6L, 7L, true));
        rows.add(RowFactory.create("a.csv", "G2", 100L, 99L, 1L, 0L, true));
        rows.add(RowFactory.create("a.csv", "G3", 50L, 50L, 0L, 0L, true));
        rows.add(RowFactory.create("a.csv", "G4", 100L, 80L, 20L, 0L, true));
        return SparkTestSupport.spark().createDataFrame(rows, Tables.RECONCILIATION.schema());
    }

    static Dataset<Row> facts() {
        List<Row> rows = new ArrayList<>();
        // G1: 10 received in 2025, all synced. G2: 9 of 10 synced in 2025 (the threshold itself passes), and 5
        // not synced received in 2024 and 3 not received (outside the share). G3: 5 synced, 3 not, 2 unknown:
        // 5/10. G4: 10 not synced. G5: flag unknown on all: no share.
        add(rows, "G1", 10, "2025-03-01", true, true);
        add(rows, "G2", 9, "2025-03-01", true, true);
        add(rows, "G2", 1, "2025-12-31", true, false);
        add(rows, "G2", 5, "2024-12-31", true, false);
        add(rows, "G2", 3, null, false, false);
        add(rows, "G3", 5, "2025-05-01", true, true);
        add(rows, "G3", 3, "2025-05-01", true, false);
        add(rows, "G3", 2, "2025-05-01", true, null);
        add(rows, "G4", 10, "2025-01-01", true, false);
        add(rows, "G5", 4, "2025-06-01", true, null);
        return SparkTestSupport.spark().createDataFrame(rows, new StructType().add("unit_code", "string")
                .add("is_received", DataTypes.BooleanType).add("received_date", DataTypes.DateType)
                .add("synced_to_portal", DataTypes.BooleanType));
    }

    private static void add(List<Row> rows, String unit, int n, String received, boolean isReceived, Boolean synced) {
        for (int i = 0; i < n; i++) {
            rows.add(RowFactory.create(unit, isReceived, received == null ? null : LocalDate.parse(received), synced));
        }
    }

    static Map<String, Row> ranked(CriteriaSet set) {
        Dataset<Row> index = index(set);
        Dataset<Row> gated = DataQuality.flag(set.qualityGate, index, DataQuality.rejectedShares(reconciliation()),
                DataQuality.syncedShares(facts(), index));
        Map<String, Row> m = new TreeMap<>();
        Rankings.rank(set, gated).collectAsList().forEach(r -> m.put(r.getAs("unit_code"), r));
        return m;
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s).setScale(10);
    }

    @Test
    void theGateExcludesAndExplains() {
        Map<String, Row> r = ranked(set(true));
        assertEquals(dec("0.1"), r.get("G1").getAs("rejected_share"));
        assertEquals(dec("0.01"), r.get("G2").getAs("rejected_share"));
        assertEquals(dec("0"), r.get("G3").getAs("rejected_share"));
        assertEquals(dec("0.2"), r.get("G4").getAs("rejected_share"));
        assertNull(r.get("G5").getAs("rejected_share"));
        assertEquals(dec("1"), r.get("G1").getAs("synced_share"));
        assertEquals(dec("0.9"), r.get("G2").getAs("synced_share"));
        assertEquals(dec("0.5"), r.get("G3").getAs("synced_share"));
        assertEquals(dec("0"), r.get("G4").getAs("synced_share"));
        assertNull(r.get("G5").getAs("synced_share"));

        assertEquals(DataQuality.REJECTED_HIGH, r.get("G1").getAs("quality_flag"));
        assertNull(r.get("G2").getAs("quality_flag"));
        assertEquals(DataQuality.SYNCED_LOW, r.get("G3").getAs("quality_flag"));
        assertEquals(DataQuality.BOTH, r.get("G4").getAs("quality_flag"));
        assertNull(r.get("G5").getAs("quality_flag"));
        for (String u : new String[]{"G1", "G3", "G4"}) {
            assertEquals(false, r.get(u).getAs("ranked"), u);
            assertNull(r.get(u).getAs("rank"), u);
            assertEquals("quality_gate", r.get(u).getAs("unranked_reason"), u);
        }
        // The best total (G1) is out: G2 is first of the two ranked.
        assertEquals(1, (Integer) r.get("G2").getAs("rank"));
        assertEquals(2, (Integer) r.get("G5").getAs("rank"));
        assertEquals(2L, (Long) r.get("G2").getAs("ranked_units"));
        assertNull(r.get("G2").getAs("unranked_reason"));
    }

    @Test
    void withoutExcludeTheFlaggedUnitsAreRanked() {
        Map<String, Row> r = ranked(set(false));
        assertEquals(DataQuality.REJECTED_HIGH, r.get("G1").getAs("quality_flag"));
        assertEquals(DataQuality.BOTH, r.get("G4").getAs("quality_flag"));
        String[] order = {"G1", "G2", "G3", "G4", "G5"};
        for (int i = 0; i < order.length; i++) {
            assertEquals(i + 1, (Integer) r.get(order[i]).getAs("rank"), order[i]);
            assertEquals(5L, (Long) r.get(order[i]).getAs("ranked_units"));
        }
    }
}
