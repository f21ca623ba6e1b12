package vn.reformindex.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import vn.reformindex.stage.StageResult;

/** Spark's task metrics per pipeline stage, for the run record. */
final class RunMetrics {
    private final SparkSession spark;
    private final SparkMetrics listener = new SparkMetrics();

    private RunMetrics(SparkSession spark) {
        this.spark = spark;
    }

    static RunMetrics attach(SparkSession spark) {
        RunMetrics m = new RunMetrics(spark);
        spark.sparkContext().addSparkListener(m.listener);
        return m;
    }

    /** The metrics of each stage that ran, once the listener bus has delivered every event of the run. */
    Map<String, Object> perStage(List<StageResult> results) {
        // Listener events arrive asynchronously: wait until the bus has handed all of them to the listener.
        try {
            spark.sparkContext().listenerBus().waitUntilEmpty(10_000);
        } catch (java.util.concurrent.TimeoutException e) {
            // a bus still busy after 10 s: the metrics recorded so far are kept (they are informative only)
        }
        int cores = spark.sparkContext().defaultParallelism();
        Map<String, Object> all = new LinkedHashMap<>();
        results.forEach(r -> all.put(r.stage(), listener.of(r.stage(), r.seconds(), cores)));
        return all;
    }

    void detach() {
        spark.sparkContext().removeSparkListener(listener);
    }
}
