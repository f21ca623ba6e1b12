package vn.reformindex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.reformindex.io.Storage;
import vn.reformindex.pipeline.OutputStore;
import vn.reformindex.table.TableDecl;
import vn.reformindex.table.Tables;

/**
 * Compares the published tables of two output folders, row for row, with Spark: every table as readers
 * see it (a period-keyed table is the union of all its published periods, each from its own folder).
 */
public final class TableAssertions {
    private TableAssertions() {
    }

    public static void assertSameTables(Path expected, Path actual) {
        SparkSession spark = SparkTestSupport.spark();
        OutputStore a = new OutputStore(Storage.local(), expected.toString());
        OutputStore b = new OutputStore(Storage.local(), actual.toString());
        Set<String> names = a.published().keySet();
        assertEquals(names, b.published().keySet());
        for (String name : names) {
            TableDecl table = Tables.named(name);
            if (table.periodKeyed()) {
                assertEquals(a.publishedPeriods(name).keySet(), b.publishedPeriods(name).keySet(), name + ": periods");
            }
            Dataset<Row> x = a.read(spark, table);
            Dataset<Row> y = b.read(spark, table);
            assertEquals(x.schema(), y.schema(), name);
            assertEquals(x.count(), y.count(), name);
            assertEquals(0, x.exceptAll(y).count(), name + ": rows only in " + expected);
            assertEquals(0, y.exceptAll(x).count(), name + ": rows only in " + actual);
        }
    }
}
