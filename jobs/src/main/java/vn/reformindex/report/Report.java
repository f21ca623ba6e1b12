package vn.reformindex.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.reformindex.table.ColumnDecl;
import vn.reformindex.table.Format;
import vn.reformindex.table.TableDecl;

/**
 * A CSV report under {@code <output>/reports/}, cut from one written table: which columns in which order,
 * how the rows are filtered and ordered. Headers and formats come from the table's declaration; written by
 * {@link CsvReportWriter}.
 */
public final class Report {
    /**
     * One column as printed: its name in the data (the English header), its Vietnamese header, its format,
     * and for a code column the Vietnamese label of each value.
     */
    public record Column(String name, String vietnameseHeader, Format format, Map<String, String> valueLabels) {
        /** The Vietnamese label of a code value, or the value itself. */
        public String vietnameseValue(String value) {
            return valueLabels.getOrDefault(value, value);
        }
    }

    private final String fileName;
    private final TableDecl table;
    private final List<String> columnNames;
    private final UnaryOperator<Dataset<Row>> shape;
    private final Map<String, String> familyLabels;
    private final boolean vietnameseCopy;
    private final Dataset<Row> data;
    private final List<ColumnDecl> derived;
    private final String splitBy;

    private Report(String fileName, TableDecl table, List<String> columnNames, UnaryOperator<Dataset<Row>> shape,
                   Map<String, String> familyLabels, boolean vietnameseCopy, Dataset<Row> data, List<ColumnDecl> derived) {
        this(fileName, table, columnNames, shape, familyLabels, vietnameseCopy, data, derived, null);
    }

    private Report(String fileName, TableDecl table, List<String> columnNames, UnaryOperator<Dataset<Row>> shape,
                   Map<String, String> familyLabels, boolean vietnameseCopy, Dataset<Row> data, List<ColumnDecl> derived,
                   String splitBy) {
        this.fileName = fileName;
        this.table = table;
        this.columnNames = List.copyOf(columnNames);
        this.shape = shape;
        this.familyLabels = Map.copyOf(familyLabels);
        this.vietnameseCopy = vietnameseCopy;
        this.data = data;
        this.derived = List.copyOf(derived);
        this.splitBy = splitBy;
        columns(); // every column must be declared
    }

    /**
     * A report of some of a table's columns.
     *
     * @param fileName       e.g. {@code processing-summary.csv}
     * @param shape          filters and orders the written table
     * @param vietnameseCopy also write {@code <name>.vi.csv} with Vietnamese headers and number formats
     */
    public static Report of(String fileName, TableDecl table, List<String> columns, UnaryOperator<Dataset<Row>> shape,
                            boolean vietnameseCopy) {
        return new Report(fileName, table, columns, shape, Map.of(), vietnameseCopy, null, List.of());
    }

    /**
     * A report with columns its shape computes from the table (e.g. what to fix, from a reason code),
     * declared here with their labels and formats since the table does not hold them.
     */
    public static Report of(String fileName, TableDecl table, List<String> columns, UnaryOperator<Dataset<Row>> shape,
                            boolean vietnameseCopy, ColumnDecl... derived) {
        return new Report(fileName, table, columns, shape, Map.of(), vietnameseCopy, null, List.of(derived));
    }

    /**
     * The same report with the display of each code of a column family (e.g. group {@code 1} shown as
     * {@code 1: Công tác chỉ đạo}), put in place of {@code <code>} in the family's Vietnamese label.
     */
    public Report withFamilyLabels(Map<String, String> labels) {
        Map<String, String> all = new LinkedHashMap<>(familyLabels);
        all.putAll(labels);
        return new Report(fileName, table, columnNames, shape, all, vietnameseCopy, data, derived, splitBy);
    }

    /**
     * The same report, also written as one file per value of {@code column} (e.g. one per unit, the list a
     * unit receives) in a folder named after the report: {@code rejected-records/<unit_code>.csv}.
     */
    public Report alsoPerValueOf(String column) {
        return new Report(fileName, table, columnNames, shape, familyLabels, vietnameseCopy, data, derived, column);
    }

    /** The column whose values each get a file of their own, or null. */
    public String splitBy() { return splitBy; }

    /** The same report with its rows taken from the written table. */
    public Report resolve(Dataset<Row> written) {
        return new Report(fileName, table, columnNames, shape, familyLabels, vietnameseCopy, shape.apply(written), derived,
                splitBy);
    }

    /** The columns with their headers and formats, from the table's declaration. */
    public List<Column> columns() {
        List<Column> out = new ArrayList<>();
        for (String name : columnNames) {
            ColumnDecl c = derived.stream().filter(d -> d.name().equals(name)).findFirst().orElseGet(() -> table.column(name));
            String vi = c.isFamily() ? c.vietnamese().replace("<code>", familyLabels.getOrDefault(c.codeOf(name), c.codeOf(name)))
                    : c.vietnamese();
            out.add(new Column(name, vi, c.format(), c.valueLabels()));
        }
        return out;
    }

    public String fileName() { return fileName; }
    public TableDecl table() { return table; }
    public boolean vietnameseCopy() { return vietnameseCopy; }

    /** The rows, once {@link #resolve resolved}. */
    public Dataset<Row> data() {
        if (data == null) {
            throw new IllegalStateException(fileName + ": the report is not resolved against its written table");
        }
        return data;
    }
}
