package vn.reformindex.spark;

import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * How the run keeps intermediate results in memory. Spark's columnar cache is compressed by default: a
 * dictionary and statistics per column, built as the cache fills. For dossier-sized data ingest decides
 * ({@code Ingest.compressCache}); the per-unit aggregates of the later stages (their size follows units,
 * periods, procedures and criteria, not dossiers) are kept uncompressed: building the compressed cache was
 * about a third of the rank stage's scorecards at national size (BENCHMARKS.md, round 8).
 */
public final class Caches {
    private static final String COLUMNAR_COMPRESSED = "spark.sql.inMemoryColumnarStorage.compressed";

    private Caches() {
    }

    /** A per-unit aggregate kept in memory (spilled to disk when memory is short), uncompressed. */
    public static Dataset<Row> perUnit(Dataset<Row> aggregate) {
        return withCompression(aggregate.sparkSession(), false, () -> aggregate.persist(StorageLevel.MEMORY_AND_DISK()));
    }

    /**
     * Runs {@code persist} (a Dataset's {@code persist}) with the columnar cache compressed or not; the
     * session's setting is restored after. This relies on Spark's cache manager planning the cached query in
     * a copy of the session taken at {@code persist} (it does while bucketed-scan or adaptive settings must be
     * switched off for cached plans, Spark 4.1's defaults); the cache is built later with that copy's
     * settings. {@code CachesTest} checks that it takes effect; {@code IngestReadOnceTest} compares the tables
     * made under both.
     */
    public static <T> T withCompression(SparkSession spark, boolean compressed, Supplier<T> persist) {
        String before = spark.conf().contains(COLUMNAR_COMPRESSED) ? spark.conf().get(COLUMNAR_COMPRESSED) : null;
        spark.conf().set(COLUMNAR_COMPRESSED, Boolean.toString(compressed));
        try {
            return persist.get();
        } finally {
            if (before == null) {
                spark.conf().unset(COLUMNAR_COMPRESSED);
            } else {
                spark.conf().set(COLUMNAR_COMPRESSED, before);
            }
        }
    }
}
