package vn.reformindex.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import vn.reformindex.SparkTestSupport;

/**
 * Reports written in turn with the next one's rows fetched meanwhile: each is written from its own rows, in
 * order; the next one's Spark job really runs while the one before is written; a failure is the one the
 * fetch or the write met, and nothing after it is written.
 */
class AheadRowsTest {
    /** Counted down by the second report's rows as Spark computes them. */
    private static final CountDownLatch SECOND_FETCHED = new CountDownLatch(1);

    private static Dataset<Row> rows(String... values) {
        return SparkTestSupport.spark().createDataset(List.of(values), org.apache.spark.sql.Encoders.STRING()).toDF("v")
                .orderBy(col("v"));
    }

    private static List<String> values(Iterator<Row> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(r -> out.add(r.getString(0)));
        return out;
    }

    @Test
    void eachReportIsWrittenFromItsOwnRowsInOrder() throws IOException {
        Map<String, Dataset<Row>> reports = new LinkedHashMap<>();
        reports.put("a", rows("a2", "a1"));
        reports.put("b", rows("b1"));
        reports.put("c", rows());
        reports.put("d", rows("d3", "d1", "d2"));
        List<String> written = new ArrayList<>();
        AheadRows.inOrder(List.copyOf(reports.keySet()), reports::get, (name, it) -> written.add(name + "=" + values(it)));
        assertEquals(List.of("a=[a1, a2]", "b=[b1]", "c=[]", "d=[d1, d2, d3]"), written);
    }

    @Test
    void theNextReportsRowsAreFetchedWhileOneIsWritten() throws IOException {
        Dataset<Row> second = rows("x", "y").withColumn("v", udf((UDF1<String, String>) v -> {
            SECOND_FETCHED.countDown();
            return v;
        }, DataTypes.StringType).apply(col("v")));
        Map<String, Dataset<Row>> reports = Map.of("first", rows("f"), "second", second);
        List<String> written = new ArrayList<>();
        AheadRows.inOrder(List.of("first", "second"), reports::get, (name, it) -> {
            if (name.equals("first")) {
                try {
                    // Written in turn without fetching ahead, the second report's job would start only after this returns.
                    assertTrue(SECOND_FETCHED.await(60, TimeUnit.SECONDS), "the second report's rows were not fetched meanwhile");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            written.add(name + "=" + values(it));
        });
        assertEquals(List.of("first=[f]", "second=[x, y]"), written);
    }

    @Test
    void aFailedFetchFailsAsItWouldUnfetchedAndStopsTheWrites() {
        Dataset<Row> broken = rows("ok", "bad").withColumn("v", when(col("v").equalTo("bad"), raise_error(lit("a broken row")))
                .otherwise(col("v")));
        Throwable direct = assertThrows(Throwable.class, () -> broken.coalesce(1).toLocalIterator().hasNext());
        Map<String, Dataset<Row>> reports = Map.of("a", rows("a1"), "broken", broken, "c", rows("c1"));
        List<String> written = new ArrayList<>();
        Throwable e = assertThrows(Throwable.class, () -> AheadRows.inOrder(List.of("a", "broken", "c"), reports::get,
                (name, it) -> written.add(name + "=" + values(it))));
        assertSame(direct.getClass(), e.getClass());
        assertTrue(e.getMessage().contains("a broken row"), e.getMessage());
        assertEquals(List.of("a=[a1]"), written);
    }

    @Test
    void aFailedWriteIsThrownAsItIs() {
        IOException failure = new IOException("disk full");
        Map<String, Dataset<Row>> reports = Map.of("a", rows("a1"), "b", rows("b1"));
        List<String> written = new ArrayList<>();
        IOException e = assertThrows(IOException.class, () -> AheadRows.inOrder(List.of("a", "b"), reports::get, (name, it) -> {
            written.add(name);
            throw failure;
        }));
        assertSame(failure, e);
        assertEquals(List.of("a"), written);
    }
}
