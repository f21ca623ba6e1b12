package vn.reformindex.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.reformindex.report.Report;

/** What a stage produces: named tables (written as Parquet) and reports (written as CSV files). */
public final class StageOutput {
    private final Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    private final Map<String, Report> reports = new LinkedHashMap<>();
    private final Map<String, Object> notes = new LinkedHashMap<>();
    private final List<Runnable> cleanups = new ArrayList<>();

    public StageOutput table(String name, Dataset<Row> data) {
        tables.put(name, data);
        return this;
    }

    public StageOutput report(Report report) {
        reports.put(report.fileName(), report);
        return this;
    }

    /** A fact for the run manifest (_RUN.json), e.g. the input files with their checksums. */
    public StageOutput note(String key, Object value) {
        notes.put(key, value);
        return this;
    }

    /** Something to do once the outputs are written, e.g. unpersist a cached frame. */
    public StageOutput whenWritten(Runnable cleanup) {
        cleanups.add(cleanup);
        return this;
    }

    public Map<String, Dataset<Row>> tables() { return tables; }
    public Map<String, Report> reports() { return reports; }
    public Map<String, Object> notes() { return notes; }
    public List<Runnable> cleanups() { return cleanups; }
}
