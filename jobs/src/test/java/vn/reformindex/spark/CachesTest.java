package vn.reformindex.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.columnar.InMemoryRelation;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;
import vn.reformindex.SparkTestSupport;

/**
 * A per-unit aggregate is cached uncompressed whatever the session says, and the session's own setting is
 * left as it was: the cache's size in memory shows which way it was built (one long text repeated on every
 * row is a few bytes per row compressed, its whole length uncompressed).
 */
class CachesTest {
    private static final String COMPRESSED = "spark.sql.inMemoryColumnarStorage.compressed";

    private static Dataset<Row> repeated(SparkSession spark, String tag) {
        return spark.range(20_000).withColumn("text", concat(lit(tag), lit("x".repeat(200)))).withColumn("n", col("id").mod(7));
    }

    private static long cachedBytes(Dataset<Row> cached) {
        assertEquals(20_000, cached.count());
        InMemoryRelation relation = (InMemoryRelation) cached.sparkSession().sharedState().cacheManager()
                .lookupCachedData((org.apache.spark.sql.classic.Dataset<?>) cached).get().cachedRepresentation();
        // The bytes the block manager holds for the cache's batches (the relation's own statistics estimate the
        // uncompressed size either way).
        int rdd = relation.cacheBuilder().cachedColumnBuffers().id();
        for (org.apache.spark.storage.RDDInfo info : cached.sparkSession().sparkContext().getRDDStorageInfo()) {
            if (info.id() == rdd) {
                return info.memSize() + info.diskSize();
            }
        }
        throw new AssertionError("no storage for the cache's RDD " + rdd);
    }

    @Test
    void perUnitAggregatesAreCachedUncompressedAndTheSessionKeepsItsSetting() {
        SparkSession spark = SparkTestSupport.spark();
        String before = spark.conf().get(COMPRESSED);
        Dataset<Row> perUnit = Caches.perUnit(repeated(spark, "per-unit"));
        Dataset<Row> plain = repeated(spark, "default").persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long uncompressed = cachedBytes(perUnit);
            long compressed = cachedBytes(plain);
            assertEquals(before, spark.conf().get(COMPRESSED));
            assertTrue(uncompressed > 20_000L * 200, "uncompressed cache of 20,000 rows of 200+ characters: " + uncompressed + " bytes");
            assertTrue(compressed * 10 < uncompressed, "compressed " + compressed + " bytes against uncompressed " + uncompressed);
        } finally {
            perUnit.unpersist();
            plain.unpersist();
        }
    }
}
