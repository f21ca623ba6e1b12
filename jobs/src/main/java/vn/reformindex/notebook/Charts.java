package vn.reformindex.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Small SVG charts for notebook cells ({@code display("text/html", Charts.bars(...))}), drawn from a query's
 * result: horizontal bars (one series or several side by side) and a scatter plot. No plotting library: the
 * charts are plain SVG text, so they render in Jupyter, in the executed HTML and in any browser, and the
 * fonts that carry Vietnamese letters are named first.
 */
public final class Charts {
    private static final String FONT = "font-family=\"'Noto Sans', 'DejaVu Sans', sans-serif\" font-size=\"11\"";
    private static final String[] COLOURS = {"#3b6ea5", "#e07b39", "#5a9e5a", "#b5443c", "#7d62a8", "#8c6d46"};
    private static final int MAX_ROWS = 200;

    private Charts() {
    }

    /** One bar per row: {@code label} column against {@code value} column, in the query's order. */
    public static String bars(Dataset<Row> result, String label, String value, String title) {
        return groupedBars(result, label, null, value, title);
    }

    /**
     * Bars grouped by {@code label}, one bar per value of {@code series} (null: a single series), in the order
     * the rows come.
     */
    public static String groupedBars(Dataset<Row> result, String label, String series, String value, String title) {
        Map<String, Map<String, Double>> data = new LinkedHashMap<>();
        Set<String> seriesNames = new LinkedHashSet<>();
        for (Row r : rows(result)) {
            String s = series == null ? value : String.valueOf((Object) r.getAs(series));
            seriesNames.add(s);
            data.computeIfAbsent(String.valueOf((Object) r.getAs(label)), k -> new LinkedHashMap<>()).put(s, number(r.getAs(value)));
        }
        return groupedBars(data, new ArrayList<>(seriesNames), title);
    }

    /** Horizontal bars: label -> (series -> value); missing values draw no bar. */
    public static String groupedBars(Map<String, Map<String, Double>> data, List<String> series, String title) {
        int barHeight = 12;
        int groupHeight = barHeight * series.size() + 6;
        int labelWidth = 230;
        int plotWidth = 420;
        int top = 30 + (series.size() > 1 ? 18 : 0);
        int height = top + groupHeight * data.size() + 30;
        double max = 0;
        double min = 0;
        for (Map<String, Double> m : data.values()) {
            for (Double v : m.values()) {
                if (v != null) {
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            }
        }
        double span = max - min == 0 ? 1 : max - min;
        double zero = labelWidth + plotWidth * (-min / span);
        StringBuilder svg = open(labelWidth + plotWidth + 70, height, title);
        if (series.size() > 1) {
            for (int s = 0; s < series.size(); s++) {
                int x = labelWidth + s * 110;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"26\" width=\"10\" height=\"10\" fill=\"%s\"/>", x, colour(s)));
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"35\" %s>%s</text>", x + 14, FONT, Html.escape(series.get(s))));
            }
        }
        int g = 0;
        for (Map.Entry<String, Map<String, Double>> e : data.entrySet()) {
            int y0 = top + g * groupHeight;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" %s>%s</text>", labelWidth - 6,
                    y0 + groupHeight / 2 + 3, FONT, Html.escape(shorten(e.getKey(), 40))));
            for (int s = 0; s < series.size(); s++) {
                Double v = e.getValue().get(series.get(s));
                if (v == null) {
                    continue;
                }
                double x = labelWidth + plotWidth * ((Math.min(v, 0) - min) / span);
                double w = plotWidth * Math.abs(v) / span;
                int y = y0 + s * barHeight;
                svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                        + "<title>%s</title></rect>", x, y, w, barHeight - 2, colour(s), Html.escape(e.getKey() + " " + series.get(s) + ": " + format(v))));
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" %s>%s</text>", x + w + 3, y + barHeight - 3, FONT, format(v)));
            }
            g++;
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#444\"/>", zero, top - 2, zero,
                top + groupHeight * data.size()));
        return svg.append("</svg>").toString();
    }

    /** One point per row: {@code x} against {@code y}, labelled by {@code label} (may be null), with the diagonal. */
    public static String scatter(Dataset<Row> result, String x, String y, String label, String title) {
        List<double[]> points = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Row r : rows(result)) {
            Double px = number(r.getAs(x));
            Double py = number(r.getAs(y));
            if (px != null && py != null) {
                points.add(new double[]{px, py});
                labels.add(label == null ? "" : String.valueOf((Object) r.getAs(label)));
            }
        }
        return scatter(points, labels, x, y, title);
    }

    public static String scatter(List<double[]> points, List<String> labels, String xName, String yName, String title) {
        int size = 360;
        int left = 60;
        int top = 30;
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (double[] p : points) {
            lo = Math.min(lo, Math.min(p[0], p[1]));
            hi = Math.max(hi, Math.max(p[0], p[1]));
        }
        if (points.isEmpty()) {
            lo = 0;
            hi = 1;
        }
        double span = hi - lo == 0 ? 1 : hi - lo;
        final double min = lo;
        StringBuilder svg = open(left + size + 40, top + size + 50, title);
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>", left, top, size, size));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#bbb\" stroke-dasharray=\"4\"/>",
                left, top + size, left + size, top));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" %s>%s (%s .. %s)</text>", left + size / 2,
                top + size + 30, FONT, Html.escape(xName), format(lo), format(hi)));
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" text-anchor=\"middle\" %s>%s</text>",
                top + size / 2, top + size / 2, FONT, Html.escape(yName)));
        for (int i = 0; i < points.size(); i++) {
            double cx = left + size * (points.get(i)[0] - min) / span;
            double cy = top + size - size * (points.get(i)[1] - min) / span;
            svg.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" fill-opacity=\"0.7\">"
                    + "<title>%s: %s, %s</title></circle>", cx, cy, COLOURS[0], Html.escape(labels.get(i)),
                    format(points.get(i)[0]), format(points.get(i)[1])));
        }
        return svg.append("</svg>").toString();
    }

    private static List<Row> rows(Dataset<Row> result) {
        return result.limit(MAX_ROWS).collectAsList(); // a chart shows a small result: at most MAX_ROWS rows
    }

    private static StringBuilder open(int width, int height, String title) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
                width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"6\" y=\"16\" font-weight=\"bold\" %s>%s</text>", FONT, Html.escape(title)));
        return svg;
    }

    private static Double number(Object v) {
        return v == null ? null : ((Number) v).doubleValue();
    }

    private static String colour(int series) {
        return COLOURS[series % COLOURS.length];
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
