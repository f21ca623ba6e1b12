package vn.reformindex.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.reformindex.publish.ReportModel.CriterionLine;
import vn.reformindex.publish.ReportModel.Finding;
import vn.reformindex.publish.ReportModel.GroupLine;
import vn.reformindex.publish.ReportModel.History;
import vn.reformindex.publish.ReportModel.Named;
import vn.reformindex.publish.ReportModel.Overview;
import vn.reformindex.publish.ReportModel.Page;
import vn.reformindex.publish.ReportModel.PeerGroup;
import vn.reformindex.publish.ReportModel.Processing;
import vn.reformindex.publish.ReportModel.Quality;
import vn.reformindex.publish.ReportModel.RankRow;
import vn.reformindex.publish.ReportModel.Scorecard;
import vn.reformindex.publish.ReportModel.TierCount;

/** The template and the Markdown summary on a hand-made page of two units (no Spark). */
class HtmlReportTest {
    /** A unit whose name carries markup and a pipe: it must come out as text. */
    private static final String ODD = "Xã <Ngọc> & \"Đường\" | 2";

    private static Page page() {
        Named best = new Named("U1", "Phường Minh Khai", "79,51 điểm", "don-vi-U1");
        Named weakest = new Named("U2", ODD, "52,62 điểm", "don-vi-U2");
        Overview o = new Overview("Các xã, phường, thị trấn", "nhom-XA", 2, 2,
                List.of(new TierCount("Khá", "tier-3", 1), new TierCount("Trung bình", "tier-4", 1), new TierCount("Yếu", "tier-5", 0)),
                List.of(best), List.of(weakest), List.of(), "Không có đơn vị nào so sánh được với cùng kỳ năm trước");
        RankRow r1 = new RankRow(true, "1", "2", "U1", "Phường Minh Khai", "don-vi-U1", "Khá", "tier-3", "79,51", "100,00",
                List.of("16,05"), "", "", "", "", "", "", "");
        RankRow r2 = new RankRow(true, "2", "2", "U2", ODD, "don-vi-U2", "Trung bình", "tier-4", "52,62", "100,00",
                List.of("10,83"), "", "", "", "", "", "", "");
        String chart = SvgCharts.totals("Tổng điểm", List.of(new SvgCharts.Bar(ODD, new BigDecimal("52.62"), "52,62", "tier-4")),
                BigDecimal.valueOf(100), List.of());
        PeerGroup g = new PeerGroup("XA", "Các xã, phường, thị trấn", "nhom-XA", List.of("Nhóm 1: Công khai, minh bạch"),
                List.of(r1, r2), chart, chart);
        Scorecard s2 = new Scorecard("U2", ODD, "don-vi-U2", "Các xã, phường, thị trấn", "2/2", "52,62", "Trung bình", "tier-4",
                "Tổng điểm quy đổi về thang 100", chart, List.of(new GroupLine("1", "Công khai, minh bạch", "10,83", "18,00", "18,00", "7,17")),
                List.of(new CriterionLine("3.3", "Hồ sơ nộp trực tuyến", "0", "404", "0,0000", "0,5000", "0,00", "6,00", "6,00",
                        "Đã tính điểm", "", "14/24", true)),
                List.of(new Finding("1", "3.3 Hồ sơ nộp trực tuyến", "0/404 hồ sơ tiếp nhận qua dịch vụ công trực tuyến", "6,00")),
                "1.234", "5", List.of(new History("Năm 2025", "2/2", "52,62", "Trung bình", true)));
        return new Page("Báo cáo - Năm 2025", "2025", "Năm 2025", "31/12/2025", "31/12/2025", "766", "2025.1",
                List.of("Năm 2025"), List.of(o), List.of(g), new Processing(List.of(), ""), List.of(s2),
                new Quality(List.of(), List.of(), "0"), Headers.all());
    }

    @Test
    void theTemplatePlacesTheFiguresAndEscapesText() throws java.io.IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        HtmlReport.render(page(), out);
        String html = out.toString();
        assertFalse(html.contains("<Ngọc>"), "markup in a name is text");
        assertTrue(html.contains("Xã &lt;Ngọc&gt; &amp; &quot;Đường&quot; | 2"), "escaped once, diacritics kept");
        for (String id : List.of("tong-quan", "xep-hang", "tong-hop-xu-ly", "phieu-diem", "chat-luong-du-lieu")) {
            assertTrue(html.contains("id=\"" + id + "\""), id);
        }
        assertEquals(2, count(html, "<tr class=\"tier-\\d[^\"]*\" data-unit="), "a ranking line per unit");
        assertEquals(1, count(html, "<article id=\"don-vi-U2\" class=\"scorecard\""));
        assertTrue(html.contains("<strong class=\"overdue\">1.234</strong>"));
        assertTrue(html.contains(">" + Headers.all().get("scorecards").get("points_lost") + "</th>"), "headers from the declarations");
        assertTrue(html.contains("Khá: 1") && !html.contains("Yếu: 0"), "tiers without units are not listed");
        assertEquals(3, count(html, "<svg class=\"chart\""), "charts are inline");
        // Print: A4, a page per scorecard, headers repeated on each page.
        assertTrue(html.contains("@page { size: A4;"));
        assertTrue(Pattern.compile("\\.scorecard \\{ break-before: page;").matcher(html).find());
        assertTrue(html.contains("thead { display: table-header-group; }"));
        assertFalse(Pattern.compile("(src|href)\\s*=\\s*\"?https?:|<script|<link|@import|url\\(", Pattern.CASE_INSENSITIVE)
                .matcher(html).find(), "nothing from outside");
    }

    @Test
    void theSummaryHasALinePerPeerGroupAndTheWeakestUnitsFindings() {
        String md = SummaryMarkdown.render(List.of(page()));
        assertTrue(md.contains("## Năm 2025"));
        assertTrue(md.contains("| Các xã, phường, thị trấn | 2/2 | Khá: 1, Trung bình: 1 | Phường Minh Khai (79,51 điểm) | "
                + "Xã <Ngọc> & \"Đường\" \\| 2 (52,62 điểm) |"), md);
        assertTrue(md.contains("- 3.3 Hồ sơ nộp trực tuyến (mất 6,00 điểm): 0/404 hồ sơ tiếp nhận qua dịch vụ công trực tuyến"), md);
    }

    private static int count(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
