package vn.reformindex.report;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A CSV report under {@code <output>/reports/}: a small, already-aggregated table, the columns to write in
 * order, and how each is formatted. Written by {@link CsvReportWriter}.
 */
public final class Report {
    /** How a column's value is printed. */
    public enum Format { TEXT, INTEGER, PERCENT_2, RATIO_4, POINTS_2, DATE, BOOLEAN }

    /** One column: its English name in the data, its Vietnamese header, its format. */
    public static final class Column {
        public final String name;
        public final String vietnameseHeader;
        public final Format format;

        public Column(String name, String vietnameseHeader, Format format) {
            this.name = name;
            this.vietnameseHeader = vietnameseHeader;
            this.format = format;
        }
    }

    private final String fileName;
    private final Dataset<Row> data;
    private final List<Column> columns;
    private final boolean vietnameseCopy;

    /**
     * @param fileName       e.g. {@code processing-summary.csv}
     * @param vietnameseCopy also write {@code <name>.vi.csv} with Vietnamese headers and number formats
     */
    public Report(String fileName, Dataset<Row> data, List<Column> columns, boolean vietnameseCopy) {
        this.fileName = fileName;
        this.data = data;
        this.columns = List.copyOf(columns);
        this.vietnameseCopy = vietnameseCopy;
    }

    public String fileName() { return fileName; }
    public Dataset<Row> data() { return data; }
    public List<Column> columns() { return columns; }
    public boolean vietnameseCopy() { return vietnameseCopy; }
}
