package vn.reformindex.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.reformindex.report.Report;

/** What a stage produces: named tables (written as Parquet) and reports (written as CSV files). */
public final class StageOutput {
    private final Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    private final Map<String, Report> reports = new LinkedHashMap<>();

    public StageOutput table(String name, Dataset<Row> data) {
        tables.put(name, data);
        return this;
    }

    public StageOutput report(Report report) {
        reports.put(report.fileName(), report);
        return this;
    }

    public Map<String, Dataset<Row>> tables() { return tables; }
    public Map<String, Report> reports() { return reports; }
}
