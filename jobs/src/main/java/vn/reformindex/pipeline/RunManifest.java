package vn.reformindex.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.reformindex.config.RunConfig;
import vn.reformindex.period.PeriodWindow;
import vn.reformindex.stage.StageResult;

/**
 * The run's record, written as {@code _RUN.json}: run id, arguments, data cut-off, as-of dates, input
 * files with size and checksum, counts per stage, code and Spark versions, timings. Run ids and timings
 * live only here, never in table rows, so reruns give identical tables.
 */
public final class RunManifest {
    private final Map<String, Object> root = new LinkedHashMap<>();
    private final Map<String, Object> stages = new LinkedHashMap<>();
    private final long startedNanos = System.nanoTime();

    public RunManifest(String runId, RunConfig config, String sparkVersion) {
        root.put("run_id", runId);
        root.put("status", "running");
        root.put("command", config.command());
        root.put("arguments", config.arguments());
        root.put("input", config.input());
        root.put("output", config.output());
        root.put("run_date", config.runDate().toString());
        root.put("requested_as_of", config.asOf() == null ? null : config.asOf().toString());
        root.put("started_at", Instant.now().toString());
        root.put("code_version", codeVersion());
        root.put("spark_version", sparkVersion);
        root.put("java_version", System.getProperty("java.version"));
        root.put("stages", stages);
    }

    static String codeVersion() {
        String v = RunManifest.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    public String runId() {
        return (String) root.get("run_id");
    }

    public void put(String key, Object value) {
        root.put(key, value);
    }

    public void dataCutOff(LocalDate cutOff, List<PeriodWindow> periods) {
        root.put("data_cut_off", cutOff == null ? null : cutOff.toString());
        List<Map<String, Object>> ps = new ArrayList<>();
        for (PeriodWindow w : periods) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("period", w.label());
            p.put("kind", w.period.kind().name().toLowerCase());
            p.put("start", w.start().toString());
            p.put("end", w.end().toString());
            p.put("as_of", w.asOf.toString());
            ps.add(p);
        }
        root.put("periods", ps);
    }

    /** Records a finished stage: seconds, rows per table written (per period too), the checks it ran, and its own notes. */
    public void stage(StageResult result) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("seconds", Math.round(result.seconds() * 1000) / 1000.0);
        s.put("rows", result.rowsWritten());
        if (!result.rowsPerPeriod().isEmpty()) {
            s.put("rows_per_period", result.rowsPerPeriod());
        }
        List<String> checks = new ArrayList<>();
        result.checks().forEach(c -> checks.add(c.name()));
        if (!checks.isEmpty()) {
            s.put("checks_passed", checks);
        }
        s.putAll(result.notes());
        stages.put(result.stage(), s);
    }

    public void finish(String status, String error) {
        root.put("status", status);
        if (error != null) {
            root.put("error", error);
        }
        root.put("finished_at", Instant.now().toString());
        root.put("seconds", Math.round((System.nanoTime() - startedNanos) / 1e6) / 1000.0);
    }

    public byte[] toJson() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, Object> asMap() {
        return root;
    }
}
