package vn.reformindex.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The charts on tiny inputs: lengths proportional to the values, totals right, well-formed SVG. */
class SvgChartsTest {
    private static final double PLOT = SvgCharts.PLOT;

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** The rects whose class list contains the given class, in document order. */
    private static List<Element> rects(Document d, String cssClass) {
        List<Element> out = new ArrayList<>();
        NodeList all = d.getElementsByTagName("rect");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(cssClass)) {
                out.add(e);
            }
        }
        return out;
    }

    private static double width(Element e) {
        return Double.parseDouble(e.getAttribute("width"));
    }

    private static double x(Element e) {
        return Double.parseDouble(e.getAttribute("x"));
    }

    @Test
    void barsAreProportionalToTheTotalsAndBandsCoverTheirRange() throws Exception {
        String svg = SvgCharts.totals("Tổng điểm", List.of(
                new SvgCharts.Bar("Sở A", new BigDecimal("80.00"), "80,00", "t1"),
                new SvgCharts.Bar("Sở B", new BigDecimal("40.00"), "40,00", "t2"),
                new SvgCharts.Bar("Sở C", null, "không xếp hạng", "")), new BigDecimal("100"),
                List.of(new SvgCharts.Band(new BigDecimal("50"), new BigDecimal("100"), "Khá", "b1"),
                        new SvgCharts.Band(BigDecimal.ZERO, new BigDecimal("50"), "Yếu", "b2")));
        Document d = parse(svg);
        List<Element> bars = rects(d, "bar");
        assertEquals(2, bars.size(), "no bar for a unit without a total");
        assertEquals(0.8 * PLOT, width(bars.get(0)), 0.01);
        assertEquals(0.4 * PLOT, width(bars.get(1)), 0.01);
        assertEquals(2.0, width(bars.get(0)) / width(bars.get(1)), 1e-9);
        List<Element> bands = rects(d, "band");
        assertEquals(0.5 * PLOT, width(bands.get(0)), 0.01);
        assertEquals(x(bands.get(1)) + width(bands.get(1)), x(bands.get(0)), 0.01, "the bands meet at 50");
        assertTrue(svg.contains(">80,00<") && svg.contains(">không xếp hạng<") && svg.contains(">Khá<"), svg);
    }

    @Test
    void groupSlotsAreAsWideAsTheirMaximaAndFillAsFarAsThePoints() throws Exception {
        String svg = SvgCharts.groups("Điểm nhóm", List.of(
                new SvgCharts.Stack("Xã A", List.of(
                        new SvgCharts.Segment("1", new BigDecimal("9"), new BigDecimal("18")),
                        new SvgCharts.Segment("2", new BigDecimal("20"), new BigDecimal("20")),
                        new SvgCharts.Segment("3", null, new BigDecimal("12")))),
                new SvgCharts.Stack("Xã B", List.of(
                        new SvgCharts.Segment("1", new BigDecimal("0"), new BigDecimal("18")),
                        new SvgCharts.Segment("2", new BigDecimal("5"), new BigDecimal("20"))))));
        Document d = parse(svg);
        List<Element> slots = rects(d, "slot");
        List<Element> fills = rects(d, "fill");
        assertEquals(5, slots.size());
        double unit = PLOT / 50; // the widest row of maxima (18 + 20 + 12) fills the plot
        assertEquals(18 * unit, width(slots.get(0)), 0.01);
        assertEquals(20 * unit, width(slots.get(1)), 0.01);
        assertEquals(12 * unit, width(slots.get(2)), 0.01);
        assertEquals(PLOT, width(slots.get(0)) + width(slots.get(1)) + width(slots.get(2)), 0.01);
        assertEquals(x(slots.get(0)) + width(slots.get(0)), x(slots.get(1)), 0.01, "slots are stacked");
        assertEquals(9 * unit, width(fills.get(0)), 0.01);
        assertEquals(20 * unit, width(fills.get(1)), 0.01);
        assertEquals(0, width(fills.get(2)), 0.01, "a group without points is empty");
        assertEquals(38 * unit, width(slots.get(3)) + width(slots.get(4)), 0.01, "same scale on every row");
        assertEquals(5 * unit, width(fills.get(4)), 0.01);
    }

    @Test
    void theTimelinessSplitIsShareOfResolved() throws Exception {
        String svg = SvgCharts.split("Tiến độ", List.of(new SvgCharts.Split("Sở A", 1, 2, 1),
                new SvgCharts.Split("Sở B", 0, 0, 0)), "không có hồ sơ đã giải quyết");
        Document d = parse(svg);
        List<Element> bars = rects(d, "bar");
        assertEquals(3, bars.size(), "the unit without resolved dossiers has no bar");
        assertEquals(PLOT / 4, width(bars.get(0)), 0.01);
        assertEquals(PLOT / 2, width(bars.get(1)), 0.01);
        assertEquals(PLOT / 4, width(bars.get(2)), 0.01);
        assertEquals(PLOT, width(bars.get(0)) + width(bars.get(1)) + width(bars.get(2)), 0.01);
        assertTrue(rects(d, "late").size() == 1 && svg.contains("không có hồ sơ đã giải quyết"));
    }

    @Test
    void textIsEscaped() throws Exception {
        String svg = SvgCharts.totals("<b>&", List.of(new SvgCharts.Bar("A & <B>", BigDecimal.ONE, "1", "x")),
                BigDecimal.TEN, List.of());
        Document d = parse(svg); // would throw on unescaped markup
        assertEquals("A & <B>", d.getElementsByTagName("text").item(0).getTextContent());
    }
}
