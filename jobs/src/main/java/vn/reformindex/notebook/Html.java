package vn.reformindex.notebook;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.reformindex.table.ColumnDecl;
import vn.reformindex.table.TableDecl;
import vn.reformindex.table.Tables;

/**
 * A query result as an HTML table for a notebook cell ({@code display("text/html", Html.table(df))}): the
 * first rows only, headed by the column name with its Vietnamese label from the declarations when a declared
 * table has a column of that name.
 */
public final class Html {
    private Html() {
    }

    public static String table(Dataset<Row> result) {
        return table(result, 50);
    }

    public static String table(Dataset<Row> result, int maxRows) {
        String[] columns = result.columns();
        List<Row> rows = result.limit(maxRows + 1).collectAsList(); // only what is shown reaches the driver
        StringBuilder h = new StringBuilder("<table style=\"border-collapse:collapse;font-size:12px\"><thead><tr>");
        for (String c : columns) {
            String label = label(c);
            h.append("<th style=\"border-bottom:1px solid #888;padding:2px 6px;text-align:left\"")
                    .append(label == null ? "" : " title=\"" + escape(label) + "\"").append('>').append(escape(c));
            if (label != null) {
                h.append("<br><span style=\"font-weight:normal;color:#555\">").append(escape(label)).append("</span>");
            }
            h.append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (Row r : rows.subList(0, Math.min(maxRows, rows.size()))) {
            h.append("<tr>");
            for (int i = 0; i < columns.length; i++) {
                Object v = r.get(i);
                boolean number = v instanceof Number;
                h.append("<td style=\"padding:2px 6px;").append(number ? "text-align:right" : "").append("\">")
                        .append(v == null ? "" : escape(text(v)))
                        .append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
        h.append("<p style=\"font-size:11px;color:#555\">").append(rows.size() > maxRows
                ? "first " + maxRows + " rows" : rows.size() + (rows.size() == 1 ? " row" : " rows")).append("</p>");
        return h.toString();
    }

    /** A value as a cell shows it: decimals without trailing zeros or exponent (0E-10 is 0), lists joined. */
    static String text(Object v) {
        if (v instanceof java.math.BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        return v instanceof scala.collection.Iterable<?> s ? s.mkString(", ") : v.toString();
    }

    /** The Vietnamese label of the first declared column of that name, or null. */
    static String label(String column) {
        for (TableDecl t : Tables.ALL) {
            for (ColumnDecl c : t.columns()) {
                if (!c.isFamily() && c.name().equals(column)) {
                    return c.vietnamese();
                }
            }
        }
        return null;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
