package vn.reformindex.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.reformindex.io.Storage;
import vn.reformindex.spark.Sessions;
import vn.reformindex.table.ColumnDecl;
import vn.reformindex.table.Format;

/**
 * Writes resolved {@link Report}s as one Excel workbook (.xlsx), one worksheet per {@link Sheet}: row 1 the
 * Vietnamese headers (bold, frozen), then one row per data row, an autofilter over the whole range. Cells are
 * typed by the column's declared {@link Format}: counts, percentages, points and ratios are numbers with a
 * display format ({@code #,##0}, {@code 0.00}, {@code 0.0000}) and their exact value; dates are date cells
 * ({@code dd/mm/yyyy}, times {@code dd/mm/yyyy hh:mm:ss}); booleans read {@code có}/{@code không}; codes show
 * their Vietnamese label; text and lists (unit, procedure and dossier codes, periods) are always text cells in
 * the text format {@code @}, so {@code 1.003005}, {@code 001} or {@code 2025-06} never turn into numbers or
 * dates, not even when typed over; nulls are empty cells (with the column's display format).
 * Separators follow the reader's locale (Vietnamese: {@code 47.540}, {@code 36,08}).
 *
 * <p>Rows are streamed as {@link CsvReportWriter} streams them (one ordered partition through
 * {@code toLocalIterator}) and flushed to the file every {@value #FLUSH_EVERY} rows: a sheet is never held in
 * memory whole. Column widths come from the header and the first {@value #FLUSH_EVERY} rows. Free text is
 * written inline (no shared-string table growing with the rows); only headers, code labels and
 * {@code có}/{@code không} are shared. A sheet that would pass Excel's row limit continues on a sheet of the
 * same name with {@code (2)}, {@code (3)}..., each with its header row. Text longer than Excel's 32,767
 * characters per cell is cut there.
 */
public final class WorkbookWriter {
    /** Excel's rows per worksheet, the header row included. */
    public static final int EXCEL_MAX_ROWS = 1_048_576;
    /** Excel's characters per cell: longer text is cut there (and ends with an ellipsis). */
    public static final int EXCEL_MAX_CELL_TEXT = 32_767;
    /** Excel's characters per sheet name. */
    public static final int EXCEL_MAX_SHEET_NAME = 31;
    /** Rows written to the file at a time. */
    static final int FLUSH_EVERY = 1000;

    static final String FORMAT_INTEGER = "#,##0";
    static final String FORMAT_2 = "0.00";
    static final String FORMAT_4 = "0.0000";
    static final String FORMAT_DATE = "dd/mm/yyyy";
    static final String FORMAT_TIME = "dd/mm/yyyy hh:mm:ss";
    static final String FORMAT_TEXT = "@";
    static final String YES = "có";
    static final String NO = "không";

    private static final int MIN_WIDTH = 8;
    private static final int MAX_WIDTH = 60;
    /** A long header wraps instead of widening its column past this. */
    private static final int HEADER_WIDTH = 16;
    /** Points per line of text in the default font (Calibri 11). */
    private static final double LINE_HEIGHT = 15;

    private WorkbookWriter() {
    }

    /**
     * One worksheet: a resolved report's rows (optionally only those matching {@code filter}), under the given
     * name (made valid and unique when written).
     */
    public record Sheet(String name, Report report, Column filter) {
        public Sheet {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(report, "report");
        }

        public static Sheet of(String name, Report report) {
            return new Sheet(name, report, null);
        }

        /** The same sheet with only the rows that also match {@code condition}. */
        public Sheet where(Column condition) {
            return new Sheet(name, report, filter == null ? condition : filter.and(condition));
        }

        /** The report's rows (filtered), its columns in order. */
        Dataset<Row> rows() {
            Dataset<Row> data = filter == null ? report.data() : report.data().filter(filter);
            List<Report.Column> columns = report.columns();
            if (columns.isEmpty()) {
                throw new IllegalArgumentException(name() + ": a report without columns");
            }
            String[] rest = columns.subList(1, columns.size()).stream().map(Report.Column::name).toArray(String[]::new);
            return data.select(columns.get(0).name(), rest);
        }
    }

    /**
     * Writes the sheets, in order, into a new workbook at {@code uri} (replaced if it exists). Returns the data
     * rows written (headers not counted). On failure the partial file is deleted: a workbook that exists is
     * complete.
     */
    public static long write(List<Sheet> sheets, Storage storage, String uri) throws IOException {
        return write(sheets, Map.of(), storage, uri, EXCEL_MAX_ROWS - 1);
    }

    /** The name of the first sheet, which says which run made the workbook (when it is given). */
    public static final String ABOUT_SHEET = "Thông tin";

    /**
     * {@link #write(List, Storage, String)} with a first sheet, {@value #ABOUT_SHEET}, of label / value rows
     * (as text) saying which run made the workbook, on which data, and when.
     */
    public static long write(List<Sheet> sheets, Map<String, String> about, Storage storage, String uri) throws IOException {
        return write(sheets, about, storage, uri, EXCEL_MAX_ROWS - 1);
    }

    /** {@link #write(List, Storage, String)} with at most {@code maxDataRows} data rows per worksheet. */
    static long write(List<Sheet> sheets, Storage storage, String uri, int maxDataRows) throws IOException {
        return write(sheets, Map.of(), storage, uri, maxDataRows);
    }

    private static long write(List<Sheet> sheets, Map<String, String> about, Storage storage, String uri, int maxDataRows)
            throws IOException {
        if (sheets.isEmpty()) {
            throw new IllegalArgumentException(uri + ": a workbook needs at least one sheet");
        }
        if (maxDataRows < 1 || maxDataRows > EXCEL_MAX_ROWS - 1) {
            throw new IllegalArgumentException("rows per sheet: 1.." + (EXCEL_MAX_ROWS - 1));
        }
        SheetNames names = new SheetNames();
        OutputStream out = new BufferedOutputStream(storage.create(uri), 1 << 16);
        boolean done = false;
        try {
            Workbook wb = new Workbook(out, "reform-index", null);
            if (!about.isEmpty()) {
                writeAbout(wb.newWorksheet(names.take(ABOUT_SHEET)), about);
            }
            long[] n = {0};
            AheadRows.inOrder(sheets, Sheet::rows, (s, rows) -> n[0] += writeSheet(wb, s, rows, names, maxDataRows));
            wb.finish();
            out.close();
            done = true;
            return n[0];
        } finally {
            if (!done) {
                try {
                    out.close();
                } catch (IOException | RuntimeException ignored) {
                    // the write already failed: that is the error to report
                }
                storage.fs(uri).delete(new Path(uri), false);
            }
        }
    }

    private static void writeAbout(Worksheet ws, Map<String, String> about) throws IOException {
        int r = 0;
        int labelWidth = 10;
        int valueWidth = 10;
        for (Map.Entry<String, String> e : about.entrySet()) {
            ws.value(r, 0, e.getKey());
            ws.value(r, 1, e.getValue());
            labelWidth = Math.max(labelWidth, e.getKey().length());
            valueWidth = Math.max(valueWidth, e.getValue().length());
            r++;
        }
        ws.range(0, 0, r - 1, 0).style().bold().set();
        ws.range(0, 1, r - 1, 1).style().format("@").set();
        ws.width(0, labelWidth + 2);
        ws.width(1, Math.min(valueWidth + 2, 120));
        ws.finish();
    }

    /** One sheet's rows, over as many worksheets as Excel's row limit needs. */
    private static long writeSheet(Workbook wb, Sheet sheet, Iterator<Row> it, SheetNames names, int maxDataRows)
            throws IOException {
        List<Report.Column> columns = sheet.report().columns();
        Cells cells = new Cells(sheet.report(), columns, sheet.rows().schema());
        long total = 0;
        do {
            Page page = new Page(wb.newWorksheet(names.take(sheet.name())), columns, cells);
            while (page.rows < maxDataRows && it.hasNext()) {
                page.add(it.next());
            }
            page.finish();
            total += page.rows;
        } while (it.hasNext());
        return total;
    }

    /**
     * One worksheet being written: header, rows, widths from the header and the first rows, filter. Display
     * formats are set per column over each batch of rows before it is flushed (one style look-up per column
     * and batch, not per cell).
     */
    private static final class Page {
        final Worksheet ws;
        final Cells cells;
        final String[] headers;
        final int[] widths;
        int rows;
        int batchStart = 1;
        boolean flushed;

        Page(Worksheet ws, List<Report.Column> columns, Cells cells) {
            this.ws = ws;
            this.cells = cells;
            this.widths = new int[columns.size()];
            this.headers = new String[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                String header = columns.get(c).vietnameseHeader();
                headers[c] = header;
                ws.value(0, c, header);
                widths[c] = Math.min(header.length(), HEADER_WIDTH);
            }
            ws.range(0, 0, 0, columns.size() - 1).style().bold().wrapText(true).verticalAlignment("top").set();
            ws.freezePane(0, 1);
        }

        void add(Row row) throws IOException {
            int r = ++rows;
            for (int c = 0; c < widths.length; c++) {
                int w = cells.write(ws, r, c, row);
                if (!flushed && w > widths[c]) {
                    widths[c] = w;
                }
            }
            if (rows % FLUSH_EVERY == 0) {
                flush();
            }
        }

        private void flush() throws IOException {
            if (rows >= batchStart) {
                for (int c = 0; c < widths.length; c++) {
                    String format = cells.formats[c];
                    if (format != null) {
                        ws.range(batchStart, c, rows, c).style().format(format).set();
                    }
                }
                batchStart = rows + 1;
            }
            if (!flushed) {
                // Column widths precede the rows in the file: fixed from the header and the first rows. The header
                // row gets the height of its longest wrapped header (LibreOffice does not grow it when opening).
                int lines = 1;
                for (int c = 0; c < widths.length; c++) {
                    int width = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, widths[c] + 2));
                    ws.width(c, width);
                    lines = Math.max(lines, lines(headers[c], width - 1));
                }
                ws.rowHeight(0, Math.min(409, LINE_HEIGHT * lines));
                flushed = true;
            }
            ws.flush();
        }

        /** Lines a header takes when its words wrap at {@code width} characters. */
        static int lines(String header, int width) {
            int lines = 1;
            int used = 0;
            for (String word : header.split(" ")) {
                int need = used == 0 ? word.length() : used + 1 + word.length();
                if (used > 0 && need > width) {
                    lines++;
                    used = word.length();
                } else {
                    used = need;
                }
                while (used > width) { // a word longer than the column breaks inside
                    lines++;
                    used -= width;
                }
            }
            return lines;
        }

        void finish() throws IOException {
            flush();
            ws.setAutoFilter(0, 0, Math.max(rows, 1), widths.length - 1);
            ws.finish();
        }
    }

    /** Writes cells by the columns' declared formats; each returns the width its value needs. */
    private static final class Cells {
        private static final ZoneId VIETNAM = ZoneId.of(Sessions.TIME_ZONE);
        private final Format[] kinds;
        private final Report.Column[] decls;
        private final boolean[] lists;
        /** The display format of each column's cells (null: General). */
        final String[] formats;

        Cells(Report report, List<Report.Column> columns, StructType schema) {
            int n = columns.size();
            kinds = new Format[n];
            decls = new Report.Column[n];
            lists = new boolean[n];
            formats = new String[n];
            for (int i = 0; i < n; i++) {
                kinds[i] = columns.get(i).format();
                decls[i] = columns.get(i);
                DataType type = schema.fields()[i].dataType();
                lists[i] = type instanceof ArrayType;
                formats[i] = displayFormat(kinds[i], type);
            }
        }

        static String displayFormat(Format format, DataType type) {
            switch (format) {
                case INTEGER:
                    return FORMAT_INTEGER;
                case PERCENT_2:
                case POINTS_2:
                    return FORMAT_2;
                case RATIO_4:
                    return FORMAT_4;
                case DATE:
                    return type instanceof DateType ? FORMAT_DATE
                            : type instanceof TimestampNTZType || type instanceof TimestampType ? FORMAT_TIME : null;
                case TEXT:
                case LIST:
                    return FORMAT_TEXT; // a code typed over stays text too
                default:
                    return null;
            }
        }

        int write(Worksheet ws, int r, int c, Row row) {
            if (row.isNullAt(c)) {
                return 0;
            }
            Object v = lists[c] ? row.getList(c) : row.get(c);
            switch (kinds[c]) {
                case INTEGER:
                case PERCENT_2:
                case POINTS_2:
                case RATIO_4:
                case DECIMAL:
                    return number(ws, r, c, v, kinds[c]);
                case DATE:
                    return date(ws, r, c, v);
                case BOOLEAN:
                    if (v instanceof Boolean b) {
                        ws.value(r, c, b ? YES : NO); // shared: two strings for the whole workbook
                        return 5;
                    }
                    return text(ws, r, c, v.toString());
                case CODE:
                    String label = decls[c].vietnameseValue(v.toString());
                    ws.value(r, c, label); // shared: a closed list of labels
                    return label.length();
                case LIST:
                    if (v instanceof List<?> list) {
                        StringBuilder sb = new StringBuilder();
                        for (Object o : list) {
                            sb.append(sb.length() == 0 ? "" : ", ").append(o == null ? "" : o.toString());
                        }
                        return text(ws, r, c, sb.toString());
                    }
                    return text(ws, r, c, v.toString());
                default:
                    return text(ws, r, c, v.toString());
            }
        }

        /** Text, always a text cell (written inline), cut at Excel's limit. */
        private static int text(Worksheet ws, int r, int c, String s) {
            if (s.length() > EXCEL_MAX_CELL_TEXT) {
                int end = EXCEL_MAX_CELL_TEXT - 1;
                if (Character.isHighSurrogate(s.charAt(end - 1))) {
                    end--;
                }
                s = s.substring(0, end) + "…";
            }
            ws.inlineString(r, c, s);
            return s.length();
        }

        /** A number cell with the exact value; its width as displayed. */
        private static int number(Worksheet ws, int r, int c, Object v, Format format) {
            BigDecimal d;
            if (v instanceof BigDecimal b) {
                ws.value(r, c, new ExactDecimal(b));
                d = b;
            } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
                long x = ((Number) v).longValue();
                ws.value(r, c, x);
                d = BigDecimal.valueOf(x);
            } else if (v instanceof Number x && Double.isFinite(x.doubleValue())) {
                ws.value(r, c, x.doubleValue());
                d = BigDecimal.valueOf(x.doubleValue());
            } else {
                return text(ws, r, c, v.toString());
            }
            int digits = d.precision() - d.scale();
            int width = Math.max(1, digits) + Math.max(0, digits - 1) / 3 + (d.signum() < 0 ? 1 : 0);
            switch (format) {
                case INTEGER:
                    return width;
                case RATIO_4:
                    return width + 5;
                case DECIMAL:
                    return width + (d.scale() > 0 ? Math.min(d.stripTrailingZeros().scale(), 10) + 1 : 0);
                default:
                    return width + 3;
            }
        }

        /** A date cell (its format is the column's); a date Excel cannot show (before 1900) is text. */
        private static int date(Worksheet ws, int r, int c, Object v) {
            if (v instanceof java.sql.Date d) {
                v = d.toLocalDate();
            } else if (v instanceof java.sql.Timestamp t) {
                v = t.toLocalDateTime();
            } else if (v instanceof Instant i) {
                v = LocalDateTime.ofInstant(i, VIETNAM);
            }
            if (v instanceof LocalDate d && d.getYear() >= 1900 && d.getYear() <= 9999) {
                ws.value(r, c, d);
                return FORMAT_DATE.length();
            }
            if (v instanceof LocalDateTime t && t.getYear() >= 1900 && t.getYear() <= 9999) {
                ws.value(r, c, t);
                return FORMAT_TIME.length();
            }
            return text(ws, r, c, v.toString());
        }
    }

    /** A decimal written with all its digits and never in exponent notation ({@code 0.0000000000}, not {@code 0E-10}). */
    private static final class ExactDecimal extends Number {
        private static final long serialVersionUID = 1L;
        private final BigDecimal value;

        ExactDecimal(BigDecimal value) {
            this.value = value;
        }

        @Override public int intValue() { return value.intValue(); }
        @Override public long longValue() { return value.longValue(); }
        @Override public float floatValue() { return value.floatValue(); }
        @Override public double doubleValue() { return value.doubleValue(); }
        @Override public String toString() { return value.toPlainString(); }
    }

    /**
     * Valid, unique sheet names: the characters Excel refuses ({@code []:*?/\}) become {@code -}, control
     * characters spaces, leading and trailing apostrophes and spaces go, at most 31 characters, and a name
     * already taken (Excel compares without case) gets {@code (2)}, {@code (3)}... within the 31.
     */
    public static List<String> sheetNames(List<String> wanted) {
        SheetNames names = new SheetNames();
        List<String> out = new ArrayList<>();
        wanted.forEach(w -> out.add(names.take(w)));
        return out;
    }

    static final class SheetNames {
        private final Set<String> taken = new HashSet<>();

        String take(String wanted) {
            String base = clean(wanted);
            String name = base;
            for (int n = 2; taken.contains(key(name)); n++) {
                String suffix = " (" + n + ")";
                name = trim(cut(base, EXCEL_MAX_SHEET_NAME - suffix.length())) + suffix;
            }
            taken.add(key(name));
            return name;
        }

        private static String key(String name) {
            return name.toLowerCase(Locale.ROOT);
        }

        static String clean(String wanted) {
            StringBuilder sb = new StringBuilder();
            wanted.codePoints().forEach(cp -> {
                if ("[]:*?/\\".indexOf(cp) >= 0) {
                    sb.append('-');
                } else if (Character.isISOControl(cp)) {
                    sb.append(' ');
                } else {
                    sb.appendCodePoint(cp);
                }
            });
            String s = trim(cut(trim(sb.toString()), EXCEL_MAX_SHEET_NAME));
            if (s.isEmpty()) {
                return "Trang tính";
            }
            return s.equalsIgnoreCase("History") ? "History-" : s; // reserved by Excel
        }

        private static String cut(String s, int max) {
            if (s.length() <= max) {
                return s;
            }
            int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
            return s.substring(0, end);
        }

        private static String trim(String s) {
            int a = 0;
            int b = s.length();
            while (a < b && (s.charAt(a) == '\'' || Character.isWhitespace(s.charAt(a)))) {
                a++;
            }
            while (b > a && (s.charAt(b - 1) == '\'' || Character.isWhitespace(s.charAt(b - 1)))) {
                b--;
            }
            return s.substring(a, b);
        }
    }
}
