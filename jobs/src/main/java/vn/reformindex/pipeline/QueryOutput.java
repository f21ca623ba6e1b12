package vn.reformindex.pipeline;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/** Where the result of one query goes: printed as a text table (its first rows only), or written by Spark. */
public final class QueryOutput {
    private QueryOutput() {
    }

    /** Prints at most {@code maxRows} rows as an aligned table and says when more were left out; returns rows shown. */
    public static int print(Dataset<Row> result, int maxRows, PrintStream out) {
        String[] columns = result.columns();
        List<Row> rows = result.limit(maxRows + 1).collectAsList(); // the driver sees only what is printed
        List<String[]> cells = new ArrayList<>();
        cells.add(columns);
        for (Row r : rows.subList(0, Math.min(maxRows, rows.size()))) {
            String[] line = new String[columns.length];
            for (int i = 0; i < columns.length; i++) {
                Object v = r.get(i);
                line[i] = v == null ? "NULL" : v instanceof java.math.BigDecimal d ? (d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString())
                        : v instanceof scala.collection.Iterable<?> s ? s.mkString("[", ", ", "]") : v.toString();
            }
            cells.add(line);
        }
        int[] width = new int[columns.length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                width[i] = Math.max(width[i], line[i].codePointCount(0, line[i].length()));
            }
        }
        for (int l = 0; l < cells.size(); l++) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < columns.length; i++) {
                String c = cells.get(l)[i];
                b.append(i == 0 ? "" : " | ").append(c).append(" ".repeat(width[i] - c.codePointCount(0, c.length())));
            }
            out.println(b.toString().stripTrailing());
            if (l == 0) {
                StringBuilder rule = new StringBuilder();
                for (int i = 0; i < columns.length; i++) {
                    rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
                }
                out.println(rule);
            }
        }
        int shown = cells.size() - 1;
        out.println(rows.size() > maxRows ? "(first " + shown + " rows; more left out: write them with --csv or --parquet)"
                : "(" + shown + (shown == 1 ? " row)" : " rows)"));
        return shown;
    }

    /** Writes the whole result as a Spark folder of CSV (with a header, one file) or Parquet files. */
    public static void write(Dataset<Row> result, String format, String uri) {
        if (format.equals("csv")) {
            result.coalesce(1).write().mode(SaveMode.ErrorIfExists).option("header", true).csv(uri);
        } else {
            result.write().mode(SaveMode.ErrorIfExists).parquet(uri);
        }
    }
}
