package vn.reformindex.spark;

import org.apache.spark.sql.SparkSession;

/** Registers the project's SQL functions on a session; the pipeline calls it once reference data is loaded. */
public final class Functions {
    private Functions() {
    }

    public static void register(SparkSession spark) {
        // Filled in by the layers that need functions (facts: working_days). Kept idempotent.
    }
}
