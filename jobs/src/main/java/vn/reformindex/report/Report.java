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
    /** When set, the report is cut from this output table as written (no recomputation). */
    private final String sourceTable;
    private final java.util.function.UnaryOperator<Dataset<Row>> shape;
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
        this.sourceTable = null;
        this.shape = null;
    }

    private Report(String fileName, String sourceTable, java.util.function.UnaryOperator<Dataset<Row>> shape,
                   List<Column> columns, boolean vietnameseCopy) {
        this.fileName = fileName;
        this.data = null;
        this.columns = List.copyOf(columns);
        this.vietnameseCopy = vietnameseCopy;
        this.sourceTable = sourceTable;
        this.shape = shape;
    }

    /**
     * A report cut from one of the stage's output tables once it is written, so that writing the report
     * reads the table's Parquet instead of recomputing it; {@code shape} orders or filters it.
     */
    public static Report ofTable(String fileName, String table, java.util.function.UnaryOperator<Dataset<Row>> shape,
                                 List<Column> columns, boolean vietnameseCopy) {
        return new Report(fileName, table, shape, columns, vietnameseCopy);
    }

    /** The same report with its data taken from the written table. */
    public Report resolve(java.util.Map<String, Dataset<Row>> written) {
        if (sourceTable == null) {
            return this;
        }
        Dataset<Row> t = written.get(sourceTable);
        if (t == null) {
            throw new IllegalStateException(fileName + ": table " + sourceTable + " was not written by this stage");
        }
        return new Report(fileName, shape.apply(t), columns, vietnameseCopy);
    }

    public String fileName() { return fileName; }
    public Dataset<Row> data() { return data; }
    public List<Column> columns() { return columns; }
    public boolean vietnameseCopy() { return vietnameseCopy; }
}
