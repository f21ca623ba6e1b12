package vn.reformindex.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SVG the notebooks show: one bar per value, lengths in proportion, labels escaped. */
class ChartsTest {
    private static final Pattern BAR = Pattern.compile("<rect class=\"bar\" x=\"([0-9.]+)\" y=\"\\d+\" width=\"([0-9.]+)\"");

    @Test
    void barsAreProportionalToTheirValuesAndLabelsAreEscaped() {
        Map<String, Map<String, Double>> data = new LinkedHashMap<>();
        data.put("Xã <A> & B", new LinkedHashMap<>(Map.of("2025", 80.0, "2025-Q2", 40.0)));
        data.put("Phường C", new LinkedHashMap<>(Map.of("2025", 20.0)));
        String svg = Charts.groupedBars(data, List.of("2025", "2025-Q2"), "Tổng điểm");
        List<double[]> bars = new ArrayList<>();
        Matcher m = BAR.matcher(svg);
        while (m.find()) {
            bars.add(new double[]{Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        }
        assertEquals(3, bars.size(), "one bar per value present; the missing 2025-Q2 of Phường C draws none");
        assertEquals(2.0, bars.get(0)[1] / bars.get(1)[1], 1e-3, "80 against 40");
        assertEquals(4.0, bars.get(0)[1] / bars.get(2)[1], 1e-3, "80 against 20");
        assertEquals(bars.get(0)[0], bars.get(2)[0], 1e-9, "every bar starts at zero");
        assertTrue(svg.contains("Xã &lt;A&gt; &amp; B"), svg);
        assertTrue(svg.contains(">Tổng điểm</text>"), svg);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"") && svg.endsWith("</svg>"));
    }

    @Test
    void negativeValuesDrawLeftOfZero() {
        Map<String, Map<String, Double>> data = new LinkedHashMap<>();
        data.put("up", Map.of("change", 3.0));
        data.put("down", Map.of("change", -1.0));
        Matcher m = BAR.matcher(Charts.groupedBars(data, List.of("change"), "Δ"));
        assertTrue(m.find());
        double upX = Double.parseDouble(m.group(1));
        double upWidth = Double.parseDouble(m.group(2));
        assertTrue(m.find());
        double downX = Double.parseDouble(m.group(1));
        double downWidth = Double.parseDouble(m.group(2));
        assertEquals(upX, downX + downWidth, 1e-3, "the negative bar ends where the positive one starts (zero)");
        assertEquals(3.0, upWidth / downWidth, 1e-3);
    }

    @Test
    void scatterPlacesOnePointPerPairOnTheSameScaleForBothAxes() {
        String svg = Charts.scatter(List.of(new double[]{1, 1}, new double[]{3, 2}), List.of("a", "b"), "rank_a", "rank_b", "ranks");
        Matcher m = Pattern.compile("<circle class=\"point\" cx=\"([0-9.]+)\" cy=\"([0-9.]+)\"").matcher(svg);
        List<double[]> points = new ArrayList<>();
        while (m.find()) {
            points.add(new double[]{Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        }
        assertEquals(2, points.size());
        // (1,1) is the lower-left corner; (3,2) is right at the far edge and half-way up: x from 60 to 420, y from 390 up to 30.
        assertEquals(60.0, points.get(0)[0], 1e-6);
        assertEquals(390.0, points.get(0)[1], 1e-6);
        assertEquals(420.0, points.get(1)[0], 1e-6);
        assertEquals(210.0, points.get(1)[1], 1e-6);
    }
}
