package vn.reformindex.spark;

import org.apache.spark.sql.SparkSession;

/** Registers the project's SQL functions (e.g. NFC normalisation) on a session. */
public final class Functions {
    private Functions() {
    }

    public static void register(SparkSession spark) {
        // Filled in by the layers that need functions (facts: working_days). Kept idempotent.
    }
}
