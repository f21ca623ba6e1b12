package vn.reformindex.cluster;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * A listener registered in the submitted driver ({@code spark.extraListeners}). It records executor
 * losses, failed tasks and the driver's peak heap to {@code spark.reformindex.probe.file}, and, when
 * {@code spark.reformindex.probe.killJob} names a job description, kills the executor JVM (found by its
 * process, {@code destroyForcibly}) as soon as the first task of that job starts.
 */
public final class DriverProbe extends SparkListener {
    private final Path file;
    private final String killJob;
    private final Set<Integer> targetStages = new HashSet<>();
    private boolean killed;
    private long peakHeap;

    public DriverProbe(SparkConf conf) {
        this.file = Path.of(conf.get("spark.reformindex.probe.file"));
        this.killJob = conf.get("spark.reformindex.probe.killJob", "");
    }

    private synchronized void record(String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sampleHeap() {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        peakHeap = Math.max(peakHeap, used);
    }

    @Override
    public synchronized void onJobStart(SparkListenerJobStart jobStart) {
        String description = jobStart.properties() == null ? null : jobStart.properties().getProperty("spark.job.description");
        if (!killed && !killJob.isEmpty() && killJob.equals(description)) {
            jobStart.stageIds().foreach(id -> targetStages.add((Integer) id));
        }
        sampleHeap();
    }

    @Override
    public synchronized void onTaskStart(SparkListenerTaskStart taskStart) {
        if (!killed && targetStages.contains(taskStart.stageId())) {
            killed = true;
            int n = 0;
            for (ProcessHandle executor : StandaloneCluster.executors()) {
                if (executor.destroyForcibly()) {
                    n++;
                }
            }
            record("killed_executors " + n + " stage " + taskStart.stageId());
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        if (!"Success".equals(taskEnd.reason().toString())) {
            record("task_failed " + taskEnd.reason().getClass().getSimpleName());
        }
        synchronized (this) {
            sampleHeap();
        }
    }

    @Override
    public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
        record("executor_removed " + removed.executorId());
    }

    @Override
    public synchronized void onApplicationEnd(SparkListenerApplicationEnd end) {
        sampleHeap();
        record("driver_peak_heap_bytes " + peakHeap);
        record("driver_max_heap_bytes " + Runtime.getRuntime().maxMemory());
    }
}
