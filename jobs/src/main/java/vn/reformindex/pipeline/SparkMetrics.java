package vn.reformindex.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Spark's own task metrics summed per pipeline stage (by job description "reform-index STAGE"), for
 * _RUN.json and the benchmark: tasks, task run time, input and shuffle bytes, spill, peak memory.
 */
public final class SparkMetrics extends SparkListener {
    /** Totals of one pipeline stage. */
    static final class Totals {
        long jobs;
        long stages;
        long tasks;
        long failedTasks;
        long runTimeMs;
        long cpuTimeNs;
        long inputBytes;
        long shuffleReadBytes;
        long shuffleWriteBytes;
        long spilledBytes;
        long peakExecutionMemory;

        Map<String, Object> asMap(double wallSeconds, int cores) {
            Map<String, Object> m = new LinkedHashMap<>();
            // Spark jobs and stages run (stages skipped because their shuffle output existed are not counted):
            // each has a fixed cost, which dominates small runs.
            m.put("jobs", jobs);
            m.put("stages", stages);
            m.put("tasks", tasks);
            m.put("failed_tasks", failedTasks);
            m.put("task_run_time_ms", runTimeMs);
            m.put("task_cpu_time_ms", cpuTimeNs / 1_000_000);
            m.put("input_bytes", inputBytes);
            m.put("shuffle_read_bytes", shuffleReadBytes);
            m.put("shuffle_write_bytes", shuffleWriteBytes);
            m.put("spilled_bytes", spilledBytes);
            m.put("peak_execution_memory_bytes", peakExecutionMemory);
            // Task time over the time all cores were available: 1.0 means every core worked all along.
            m.put("parallel_share", wallSeconds <= 0 || cores <= 0 ? null
                    : Math.round(runTimeMs / (wallSeconds * 1000.0 * cores) * 1000) / 1000.0);
            return m;
        }
    }

    private final Map<Integer, String> stageOwner = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Totals> totals = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        String d = jobStart.properties() == null ? null : jobStart.properties().getProperty("spark.job.description");
        if (d != null && d.startsWith("reform-index ")) {
            String owner = d.substring("reform-index ".length());
            jobStart.stageIds().foreach(id -> stageOwner.put((Integer) id, owner));
            Totals t = totals.computeIfAbsent(owner, k -> new Totals());
            synchronized (t) {
                t.jobs++;
            }
        }
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
        String owner = stageOwner.get(submitted.stageInfo().stageId());
        if (owner == null) {
            return;
        }
        Totals t = totals.computeIfAbsent(owner, k -> new Totals());
        synchronized (t) {
            t.stages++;
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        String owner = stageOwner.get(end.stageId());
        if (owner == null) {
            return;
        }
        Totals t = totals.computeIfAbsent(owner, k -> new Totals());
        synchronized (t) {
            t.tasks++;
            if (!"Success".equals(end.reason().toString())) {
                t.failedTasks++;
            }
            TaskMetrics m = end.taskMetrics();
            if (m != null) {
                t.runTimeMs += m.executorRunTime();
                t.cpuTimeNs += m.executorCpuTime();
                t.inputBytes += m.inputMetrics().bytesRead();
                t.shuffleReadBytes += m.shuffleReadMetrics().totalBytesRead();
                t.shuffleWriteBytes += m.shuffleWriteMetrics().bytesWritten();
                t.spilledBytes += m.diskBytesSpilled();
                t.peakExecutionMemory = Math.max(t.peakExecutionMemory, m.peakExecutionMemory());
            }
        }
    }

    /** The totals of a pipeline stage so far (listener events are asynchronous: call after a short drain). */
    Map<String, Object> of(String stage, double wallSeconds, int cores) {
        Totals t = totals.get(stage);
        return t == null ? Map.of() : t.asMap(wallSeconds, cores);
    }
}
