package vn.reformindex.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import vn.reformindex.stage.StageResult;

/** Spark's task metrics per pipeline stage, and the driver's peak heap, for the run record. */
final class RunMetrics {
    private final SparkSession spark;
    private final SparkMetrics listener = new SparkMetrics();
    private final java.util.concurrent.atomic.AtomicLong peakHeap = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong peakLive = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean sampling = true;

    private RunMetrics(SparkSession spark) {
        this.spark = spark;
    }

    static RunMetrics attach(SparkSession spark) {
        RunMetrics m = new RunMetrics(spark);
        spark.sparkContext().addSparkListener(m.listener);
        // The heap in use, sampled every 100 ms: what "runs in a fixed heap" means, next to the process's RSS.
        Thread t = new Thread(() -> {
            java.lang.management.MemoryMXBean mem = java.lang.management.ManagementFactory.getMemoryMXBean();
            while (m.sampling) {
                m.peakHeap.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                // What the last collection left in use: live data, not garbage waiting for the collector.
                long live = 0;
                for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                        live += pool.getCollectionUsage().getUsed();
                    }
                }
                m.peakLive.accumulateAndGet(live, Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "reform-index heap sampler");
        t.setDaemon(true);
        t.start();
        return m;
    }

    /** The JVM's heap (of the driver; in local mode also the executors'): its maximum and the peak used so far. */
    Map<String, Object> heap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_bytes", Runtime.getRuntime().maxMemory());
        m.put("peak_used_bytes", peakHeap.get());
        m.put("peak_after_gc_bytes", peakLive.get());
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
        sampling = false;
        spark.sparkContext().removeSparkListener(listener);
    }
}
