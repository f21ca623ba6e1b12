package vn.reformindex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.reformindex.io.Storage;
import vn.reformindex.pipeline.OutputStore;

/** Compares the published tables of two output folders, row for row, with Spark. */
public final class TableAssertions {
    private TableAssertions() {
    }

    public static void assertSameTables(Path expected, Path actual) {
        SparkSession spark = SparkTestSupport.spark();
        Map<String, String> a = new OutputStore(Storage.local(), expected.toString()).published();
        Map<String, String> b = new OutputStore(Storage.local(), actual.toString()).published();
        assertEquals(a.keySet(), b.keySet());
        for (String table : a.keySet()) {
            Dataset<Row> x = spark.read().parquet(expected.resolve(a.get(table)).toString());
            Dataset<Row> y = spark.read().parquet(actual.resolve(b.get(table)).toString());
            assertEquals(x.schema(), y.schema(), table);
            assertEquals(x.count(), y.count(), table);
            assertEquals(0, x.exceptAll(y).count(), table + ": rows only in " + expected);
            assertEquals(0, y.exceptAll(x).count(), table + ": rows only in " + actual);
        }
    }
}
