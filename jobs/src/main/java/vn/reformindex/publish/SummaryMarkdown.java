package vn.reformindex.publish;

import java.util.List;
import java.util.stream.Collectors;
import vn.reformindex.publish.ReportModel.Named;
import vn.reformindex.publish.ReportModel.Overview;
import vn.reformindex.publish.ReportModel.Page;
import vn.reformindex.publish.ReportModel.Scorecard;

/**
 * {@code summary.md}: the overview of each period and the findings of each peer group's weakest units, short
 * enough for an e-mail or a chat message; the HTML report has the rest.
 */
public final class SummaryMarkdown {
    private SummaryMarkdown() {
    }

    public static String render(List<Page> pages) {
        StringBuilder s = new StringBuilder();
        s.append("# Kết quả chỉ số cải cách hành chính\n");
        for (Page p : pages) {
            s.append("\n## ").append(p.periodVietnamese()).append("\n\n");
            s.append("Bộ chỉ số ").append(p.criteriaSet()).append(" (phiên bản ").append(p.criteriaSetVersion())
                    .append("); số liệu tính đến ngày ").append(p.asOf()).append("; dữ liệu đến ngày ").append(p.dataCutOff())
                    .append(". Báo cáo đầy đủ: `bao-cao-").append(p.period()).append(".html` (và `.pdf`).\n\n");
            s.append("| Nhóm xếp hạng | Xếp hạng | Xếp loại | Cao nhất | Thấp nhất | Thay đổi nhiều nhất so với cùng kỳ |\n");
            s.append("|---|---:|---|---|---|---|\n");
            for (Overview o : p.overview()) {
                s.append("| ").append(cell(o.peerGroup())).append(" | ").append(o.rankedUnits()).append('/').append(o.listedUnits())
                        .append(" | ").append(cell(o.tiers().stream().filter(t -> t.units() > 0)
                                .map(t -> t.tier() + ": " + t.units()).collect(Collectors.joining(", "))))
                        .append(" | ").append(cell(names(o.best()))).append(" | ").append(cell(names(o.weakest())))
                        .append(" | ").append(cell(o.movedMost().isEmpty() ? o.movedNote() : names(o.movedMost()))).append(" |\n");
            }
            s.append("\n### Phát hiện ở các đơn vị thấp nhất\n");
            for (Overview o : p.overview()) {
                for (Named n : o.weakest()) {
                    Scorecard card = p.scorecards().stream().filter(c -> c.unitCode().equals(n.unitCode())).findFirst().orElse(null);
                    if (card == null) {
                        continue;
                    }
                    s.append("\n**").append(card.unitName()).append("** (").append(o.peerGroup()).append(", hạng ")
                            .append(card.rank()).append(", ").append(card.total()).append(" điểm)\n\n");
                    if (card.findings().isEmpty()) {
                        s.append("- Không bị trừ điểm ở tiêu chí nào.\n");
                    }
                    card.findings().forEach(f -> s.append("- ").append(f.criterion()).append(" (mất ").append(f.lost())
                            .append(" điểm): ").append(f.text()).append('\n'));
                }
            }
        }
        return s.toString();
    }

    private static String names(List<Named> named) {
        return named.stream().map(n -> n.unitName() + " (" + n.text() + ")").collect(Collectors.joining("; "));
    }

    /** A table cell: no pipe or line break may break the row. */
    private static String cell(String s) {
        return s.replace("|", "\\|").replace('\n', ' ');
    }
}
