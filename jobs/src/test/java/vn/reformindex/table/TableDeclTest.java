package vn.reformindex.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import vn.reformindex.SparkTestSupport;

/** A declaration decides what a written table holds: its columns, in its order, with its types. */
class TableDeclTest {
    private static final TableDecl T = TableDecl.builder("t", "test").key("unit_code", "period").periodKeyed()
            .required("unit_code", Types.STRING, Format.TEXT, "Mã đơn vị", "the unit")
            .required("period", Types.STRING, Format.TEXT, "Kỳ", "the period")
            .col("points", Types.EXACT, Format.POINTS_2, "Điểm", "points")
            .col("group_<code>_points", Types.EXACT, Format.POINTS_2, "Điểm nhóm <code>", "each group's points")
            .build();

    private static Dataset<Row> frame(String sql) {
        SparkSession spark = SparkTestSupport.spark();
        return spark.sql(sql);
    }

    @Test
    void conformPutsColumnsInDeclaredOrderWithFamilyMembersInPlace() {
        Dataset<Row> d = frame("SELECT CAST(1 AS DECIMAL(38,10)) AS group_B_points, 'X' AS period, "
                + "CAST(2 AS DECIMAL(38,10)) AS points, 'U' AS unit_code, CAST(3 AS DECIMAL(38,10)) AS group_A_points");
        assertEquals(List.of("unit_code", "period", "points", "group_B_points", "group_A_points"),
                List.of(T.conform(d).columns()));
    }

    @Test
    void conformRefusesMissingUndeclaredAndMistypedColumns() {
        String missing = assertThrows(IllegalStateException.class,
                () -> T.conform(frame("SELECT 'U' AS unit_code, CAST(2 AS DECIMAL(38,10)) AS points"))).getMessage();
        assertTrue(missing.contains("period"), missing);
        String extra = assertThrows(IllegalStateException.class, () -> T.conform(frame(
                "SELECT 'U' AS unit_code, 'X' AS period, CAST(2 AS DECIMAL(38,10)) AS points, 1 AS leftover"))).getMessage();
        assertTrue(extra.contains("leftover"), extra);
        String typed = assertThrows(IllegalStateException.class, () -> T.conform(frame(
                "SELECT 'U' AS unit_code, 'X' AS period, CAST(2 AS DECIMAL(38,2)) AS points"))).getMessage();
        assertTrue(typed.contains("t.points") && typed.contains("decimal(38,2)"), typed);
    }

    @Test
    void familyColumnsResolveToTheirDeclarationAndCode() {
        ColumnDecl f = T.column("group_4_points");
        assertEquals("group_<code>_points", f.name());
        assertEquals("4", f.codeOf("group_4_points"));
        assertEquals("group_4_points", f.nameFor("4"));
        assertThrows(IllegalArgumentException.class, () -> T.column("group__points"));
    }

    @Test
    void aPeriodKeyedTableMustHaveThePeriodInItsKey() {
        assertThrows(IllegalArgumentException.class, () -> TableDecl.builder("bad", "test").key("unit_code").periodKeyed()
                .required("unit_code", Types.STRING, Format.TEXT, "Mã", "u")
                .required("period", Types.STRING, Format.TEXT, "Kỳ", "p").build());
    }

    /** Publication relies on this flag: a wrong one would replace or keep the wrong folders. */
    @Test
    void everyTableAfterTheFactsLayerIsPeriodKeyed() {
        for (TableDecl t : Tables.ALL) {
            boolean perPeriod = t.owner().equals(Tables.SUMMARY) || t.owner().equals(Tables.SCORE) || t.owner().equals(Tables.RANK);
            assertEquals(perPeriod, t.periodKeyed(), t.name());
        }
    }
}
