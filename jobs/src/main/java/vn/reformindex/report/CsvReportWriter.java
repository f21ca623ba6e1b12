package vn.reformindex.report;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.reformindex.io.Storage;
import vn.reformindex.table.Format;

/**
 * Writes a {@link Report} as UTF-8 CSV with BOM (so that Excel shows the diacritics), English headers and
 * plain numbers ({@code 36.08}, {@code 47540}); and, when asked, {@code <name>.vi.csv} with Vietnamese
 * headers and Vietnamese number formats ({@code 36,08}, {@code 47.540}, dates {@code 29/10/2020}). Reports
 * are small, already-aggregated tables: their rows are brought into one ordered partition and streamed to
 * the driver by {@code toLocalIterator}, so one partition's rows are in memory at a time.
 */
public final class CsvReportWriter {
    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final DateTimeFormatter VI_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private CsvReportWriter() {
    }

    /** A split report's file for rows without a value in the split column ("no code"). */
    private static final String NO_VALUE = "khong-co-ma";

    /**
     * Writes the report (and its Vietnamese copy) into {@code dir} in one pass over the rows; returns the rows
     * written. A report split by a column ({@link Report#splitBy}: e.g. one file per unit, the list a unit
     * receives) also gets, in the same pass, one file per value in a folder named after the report
     * ({@code rejected-records/<unit_code>.csv}, {@code khong-co-ma.csv} for rows without a value): its rows
     * must come ordered by that column first, and a value met again after another fails the write.
     */
    public static long write(Report report, Storage storage, String dir) throws IOException {
        return write(report, rows(report).coalesce(1).toLocalIterator(), storage, dir);
    }

    /** The report's rows, its columns in order ({@link #write(Report, Iterator, Storage, String)} reads them). */
    public static Dataset<Row> rows(Report report) {
        List<String> names = report.columns().stream().map(Report.Column::name).toList();
        return report.data().select(names.get(0), names.subList(1, names.size()).toArray(new String[0]));
    }

    /** {@link #write(Report, Storage, String)} from the report's {@link #rows}, already brought to the driver in order. */
    public static long write(Report report, Iterator<Row> it, Storage storage, String dir) throws IOException {
        List<String> names = new ArrayList<>(); // also the English header
        List<String> vietnamese = new ArrayList<>();
        List<Report.Column> columns = report.columns();
        for (Report.Column c : columns) {
            names.add(c.name());
            vietnamese.add(c.vietnameseHeader());
        }
        int split = report.splitBy() == null ? -1 : names.indexOf(report.splitBy());
        if (report.splitBy() != null && split < 0) {
            throw new IllegalArgumentException(report.fileName() + " is split by " + report.splitBy() + ", which it does not show");
        }
        long n = 0;
        try (CSVPrinter en = printer(storage, Storage.join(dir, report.fileName()), names);
             CSVPrinter vi = report.vietnameseCopy() ? printer(storage, Storage.join(dir, viName(report.fileName())), vietnamese) : null;
             Parts parts = split < 0 ? null : new Parts(report, storage, dir, names, vietnamese)) {
            while (it.hasNext()) {
                Row r = it.next();
                List<String> a = new ArrayList<>(names.size());
                List<String> b = new ArrayList<>(names.size());
                for (int i = 0; i < names.size(); i++) {
                    Object v = r.isNullAt(i) ? null : r.get(i);
                    a.add(format(v, columns.get(i).format(), false));
                    b.add(vietnamese(v, columns.get(i)));
                }
                en.printRecord(a);
                if (vi != null) {
                    vi.printRecord(b);
                }
                if (parts != null) {
                    parts.print(r.isNullAt(split) ? null : r.get(split).toString(), a, b);
                }
                n++;
            }
        }
        return n;
    }

    private static String viName(String fileName) {
        return fileName.replaceAll("\\.csv$", ".vi.csv");
    }

    /** The files of a split report, one value at a time: rows arrive ordered by the split column. */
    private static final class Parts implements java.io.Closeable {
        private final Report report;
        private final Storage storage;
        private final String folder;
        private final List<String> english;
        private final List<String> vietnamese;
        private final java.util.Set<String> values = new java.util.HashSet<>(); // null too: rows without a value
        private final java.util.Set<String> fileNames = new java.util.HashSet<>();
        private String current;
        private CSVPrinter en;
        private CSVPrinter vi;

        Parts(Report report, Storage storage, String dir, List<String> english, List<String> vietnamese) {
            this.report = report;
            this.storage = storage;
            this.folder = Storage.join(dir, report.fileName().replaceAll("\\.csv$", ""));
            this.english = english;
            this.vietnamese = vietnamese;
        }

        void print(String value, List<String> a, List<String> b) throws IOException {
            if (en == null || !java.util.Objects.equals(value, current)) {
                if (!values.add(value)) {
                    throw new IllegalStateException(report.fileName() + ": rows are not ordered by " + report.splitBy()
                            + " (" + value + " met again)");
                }
                close();
                current = value;
                String name = fileName(value);
                en = printer(storage, Storage.join(folder, name + ".csv"), english);
                vi = report.vietnameseCopy() ? printer(storage, Storage.join(folder, name + ".vi.csv"), vietnamese) : null;
            }
            en.printRecord(a);
            if (vi != null) {
                vi.printRecord(b);
            }
        }

        /**
         * A unit code is a file name as it is; anything else a hostile export could carry is replaced, and two
         * values that read the same once replaced get {@code -2}, {@code -3}... rather than one file for both.
         */
        private String fileName(String value) {
            String base = value == null ? NO_VALUE : value.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.", "_");
            String name = base;
            for (int k = 2; !fileNames.add(name); k++) {
                name = base + "-" + k;
            }
            return name;
        }

        @Override
        public void close() throws IOException {
            if (en != null) {
                en.close();
                en = null;
            }
            if (vi != null) {
                vi.close();
                vi = null;
            }
        }
    }

    /** A CSV printer on a new UTF-8 file that starts with a BOM (for Excel). */
    private static CSVPrinter printer(Storage storage, String uri, List<String> header) throws IOException {
        Writer w = storage.createText(uri);
        w.write('\uFEFF');
        return new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header.toArray(new String[0])).get());
    }

    /** One cell of a Vietnamese copy: codes by their labels, periods written out, numbers and dates the Vietnamese way. */
    public static String vietnamese(Object v, Report.Column column) {
        if (v != null && column.format() == Format.CODE) {
            return column.vietnameseValue(v.toString());
        }
        if (v != null && column.format() == Format.PERIOD) {
            try {
                return vn.reformindex.period.Period.parse(v.toString()).vietnamese();
            } catch (IllegalArgumentException e) {
                return v.toString();
            }
        }
        return format(v, column.format(), true);
    }

    /** One cell as text; empty for null (a ratio with a zero denominator is empty, never 0). */
    public static String format(Object v, Format format, boolean vietnamese) {
        if (v == null) {
            return "";
        }
        switch (format) {
            case INTEGER:
                return vietnamese ? groupThousands(v.toString()) : v.toString();
            case PERCENT_2:
            case POINTS_2:
                return decimal(v, 2, vietnamese);
            case RATIO_4:
                return decimal(v, 4, vietnamese);
            case DECIMAL:
                String exact = v instanceof BigDecimal ? ((BigDecimal) v).stripTrailingZeros().toPlainString() : v.toString();
                return vietnamese ? vietnameseDigits(exact) : exact;
            case DATE:
                if (v instanceof LocalDate) {
                    return vietnamese ? ((LocalDate) v).format(VI_DATE) : v.toString();
                }
                if (v instanceof LocalDateTime) {
                    return ((LocalDateTime) v).format(vietnamese ? VI_TIME : TIME);
                }
                return v.toString();
            case BOOLEAN:
                boolean b = (Boolean) v;
                return vietnamese ? (b ? "có" : "không") : Boolean.toString(b);
            case LIST:
                // Spark hands an array column over as a Scala sequence: its elements, comma-separated
                Iterable<?> items = v instanceof scala.collection.Iterable<?> seq
                        ? scala.jdk.javaapi.CollectionConverters.asJava(seq) : v instanceof Iterable<?> it ? it : List.of(v);
                StringBuilder sb = new StringBuilder();
                for (Object o : items) {
                    sb.append(sb.length() == 0 ? "" : ", ").append(o == null ? "" : o.toString());
                }
                return sb.toString();
            default:
                return v.toString();
        }
    }

    private static String decimal(Object v, int scale, boolean vietnamese) {
        BigDecimal d = (v instanceof BigDecimal ? (BigDecimal) v : new BigDecimal(v.toString())).setScale(scale, RoundingMode.HALF_UP);
        String s = d.toPlainString();
        return vietnamese ? vietnameseDigits(s) : s;
    }

    /** {@code 47540.5} -> {@code 47.540,5}. */
    private static String vietnameseDigits(String s) {
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        return groupThousands(whole) + (dot < 0 ? "" : "," + s.substring(dot + 1));
    }

    /** 47540 -> 47.540 (Vietnamese thousands separator). */
    static String groupThousands(String digits) {
        boolean negative = digits.startsWith("-");
        String d = negative ? digits.substring(1) : digits;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < d.length(); i++) {
            if (i > 0 && (d.length() - i) % 3 == 0) {
                sb.append('.');
            }
            sb.append(d.charAt(i));
        }
        return (negative ? "-" : "") + sb;
    }
}
