package vn.reformindex.stage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.reformindex.report.Report;
import vn.reformindex.table.TableDecl;

/** What a stage plans: tables (written as Parquet, conformed to their declaration) and reports. */
public final class StageOutput {
    private final Map<TableDecl, Dataset<Row>> tables = new LinkedHashMap<>();
    private final List<Report> reports = new ArrayList<>();
    private final Map<String, Object> notes = new LinkedHashMap<>();
    private final List<Runnable> cleanups = new ArrayList<>();

    public StageOutput table(TableDecl table, Dataset<Row> data) {
        tables.put(table, data);
        return this;
    }

    /** A report cut from one of the stage's tables once written. */
    public StageOutput report(Report report) {
        reports.add(report);
        return this;
    }

    /** A fact for the run record (_RUN.json), e.g. the input files with their checksums. */
    public StageOutput note(String key, Object value) {
        notes.put(key, value);
        return this;
    }

    /** Something to do once the outputs are written, e.g. unpersist a cached frame. */
    public StageOutput whenWritten(Runnable cleanup) {
        cleanups.add(cleanup);
        return this;
    }

    public Map<TableDecl, Dataset<Row>> tables() { return tables; }
    public List<Report> reports() { return reports; }
    public Map<String, Object> notes() { return notes; }
    public List<Runnable> cleanups() { return cleanups; }
}
