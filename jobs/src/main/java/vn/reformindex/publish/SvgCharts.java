package vn.reformindex.publish;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/**
 * The report's charts as inline SVG (no script, no external resource): horizontal bars of totals over tier
 * bands, each unit's groups as slots as wide as their maxima filled by their points, and the timeliness
 * split of resolved dossiers. Every length is proportional to the value it draws; labels are Vietnamese and
 * passed in already formatted. Colours come from the page's CSS classes, so print and screen share them.
 */
public final class SvgCharts {
    /** Width of the label column and of the plotting area, in SVG units (the SVG scales to the page). */
    static final int LABEL = 230;
    static final int PLOT = 440;
    static final int ROW = 20;
    static final int BAR = 14;
    static final int TOP = 18;

    private SvgCharts() {
    }

    /** One bar: its label, its value (null: no bar, the text says so) and the CSS class of its fill. */
    public record Bar(String label, BigDecimal value, String valueText, String cssClass) {
    }

    /** A band of the scale, [from, to), behind the bars: a tier. */
    public record Band(BigDecimal from, BigDecimal to, String label, String cssClass) {
    }

    /** One slot of a stacked bar: a group's points out of its maximum. */
    public record Segment(String label, BigDecimal points, BigDecimal max) {
    }

    /** A unit's groups, in the set's order. */
    public record Stack(String label, List<Segment> segments) {
    }

    /** A unit's resolved dossiers by timeliness. */
    public record Split(String label, long early, long onTime, long late) {
        long total() {
            return early + onTime + late;
        }
    }

    /**
     * Totals as horizontal bars on a scale from 0 to {@code max}, with the bands drawn behind them and named
     * above the plot.
     */
    public static String totals(String title, List<Bar> bars, BigDecimal max, List<Band> bands) {
        int height = TOP + bars.size() * ROW + 6;
        StringBuilder s = open(title, height);
        for (Band b : bands) {
            double x0 = LABEL + scale(b.from(), max);
            double x1 = LABEL + scale(b.to().min(max), max);
            s.append(rect(x0, TOP - 2, x1 - x0, bars.size() * ROW + 4, "band " + b.cssClass()));
            s.append(text(x0 + 2, TOP - 6, b.label(), "band-label"));
        }
        int y = TOP;
        for (Bar b : bars) {
            s.append(text(LABEL - 6, y + BAR - 3, b.label(), "label end"));
            if (b.value() != null) {
                double w = scale(b.value(), max);
                s.append(rect(LABEL, y, w, BAR, "bar " + b.cssClass()));
                s.append(text(LABEL + w + 4, y + BAR - 3, b.valueText(), "value"));
            } else {
                s.append(text(LABEL + 4, y + BAR - 3, b.valueText(), "value muted"));
            }
            y += ROW;
        }
        return s.append("</svg>").toString();
    }

    /**
     * One row per unit: each group a slot as wide as its maximum (the same scale for every row, so the
     * longest row of maxima fills the plot), filled as far as its points; points and maximum in the tooltip.
     */
    public static String groups(String title, List<Stack> stacks) {
        BigDecimal widest = BigDecimal.ZERO;
        for (Stack st : stacks) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Segment g : st.segments()) {
                sum = sum.add(g.max() == null ? BigDecimal.ZERO : g.max());
            }
            widest = widest.max(sum);
        }
        int height = TOP + stacks.size() * ROW + 6;
        StringBuilder s = open(title, height);
        int y = TOP;
        for (Stack st : stacks) {
            s.append(text(LABEL - 6, y + BAR - 3, st.label(), "label end"));
            double x = LABEL;
            int i = 0;
            for (Segment g : st.segments()) {
                i++;
                if (g.max() == null || g.max().signum() == 0) {
                    continue;
                }
                double slot = scale(g.max(), widest);
                double fill = g.points() == null ? 0 : scale(g.points().min(g.max()), widest);
                s.append("<g class=\"group g").append(i).append("\"><title>").append(escape(g.label())).append("</title>");
                s.append(rect(x, y, slot, BAR, "slot"));
                s.append(rect(x, y, fill, BAR, "fill"));
                s.append("</g>");
                x += slot;
            }
            y += ROW;
        }
        return s.append("</svg>").toString();
    }

    /** One 100% row per unit: early, on time and late shares of its resolved dossiers. */
    public static String split(String title, List<Split> rows, String noneText) {
        int height = TOP + rows.size() * ROW + 6;
        StringBuilder s = open(title, height);
        int y = TOP;
        for (Split r : rows) {
            s.append(text(LABEL - 6, y + BAR - 3, r.label(), "label end"));
            if (r.total() == 0) {
                s.append(text(LABEL + 4, y + BAR - 3, noneText, "value muted"));
            } else {
                BigDecimal total = BigDecimal.valueOf(r.total());
                double x = LABEL;
                long[] parts = {r.early(), r.onTime(), r.late()};
                String[] classes = {"early", "on-time", "late"};
                for (int k = 0; k < 3; k++) {
                    double w = scale(BigDecimal.valueOf(parts[k]), total);
                    if (parts[k] > 0) {
                        s.append(rect(x, y, w, BAR, "bar " + classes[k]));
                    }
                    x += w;
                }
            }
            y += ROW;
        }
        return s.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int height) {
        int width = LABEL + PLOT + 60;
        StringBuilder s = new StringBuilder(256);
        s.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">")
                .append("<title>").append(escape(title)).append("</title>");
        return s;
    }

    /** The length of {@code value} on a plot where {@code max} is the full width; 0 for a scale without length. */
    static double scale(BigDecimal value, BigDecimal max) {
        if (max == null || max.signum() <= 0 || value == null || value.signum() <= 0) {
            return 0;
        }
        return value.multiply(BigDecimal.valueOf(PLOT)).divide(max, MathContext.DECIMAL64).doubleValue();
    }

    private static String rect(double x, double y, double w, double h, String cssClass) {
        return String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" class=\"%s\"/>",
                x, y, w, h, cssClass);
    }

    private static String text(double x, double y, String content, String cssClass) {
        return String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" class=\"%s\">%s</text>", x, y, cssClass,
                escape(content));
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
