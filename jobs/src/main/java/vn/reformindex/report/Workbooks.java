package vn.reformindex.report;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import vn.reformindex.report.WorkbookWriter.Sheet;
import vn.reformindex.table.Tables;

/** The sheets of a run's workbook, cut from its resolved reports. */
public final class Workbooks {
    /** The column of the rankings that splits them into one sheet per peer group. */
    public static final String PEER_GROUP = "peer_group";
    /** The sheet of the ranked units' peer group, e.g. {@code Xếp hạng - Sở, ban, ngành}. */
    public static final String RANKING_SHEET = "Xếp hạng - ";
    /** The sheet of the units without a peer group (none of them is ranked). */
    public static final String NO_PEER_GROUP_SHEET = "Không thuộc nhóm xếp hạng";

    /** Sheet names of the reports other than the rankings, by report file name; others use the file name without .csv. */
    private static final Map<String, String> NAMES = Map.of(
            "processing-summary.csv", "Tổng hợp xử lý hồ sơ",
            "overdue-open.csv", "Hồ sơ quá hạn chưa giải quyết",
            "resolved-late.csv", "Hồ sơ giải quyết trễ hạn",
            "rejected-records.csv", "Bản ghi bị loại",
            "scorecards.csv", "Phiếu điểm",
            "findings.csv", "Phát hiện",
            "procedure-summary.csv", "Theo thủ tục, lĩnh vực");

    private Workbooks() {
    }

    /**
     * One sheet per peer group of a resolved rankings report (rows filtered on {@code peer_group}), in the
     * order given; a {@code null} in the list is the sheet of the units without a peer group.
     */
    public static List<Sheet> rankingSheets(Report rankings, List<String> peerGroups) {
        if (rankings.table() != Tables.RANKINGS) {
            throw new IllegalArgumentException(rankings.fileName() + " is not a report of " + Tables.RANKINGS);
        }
        List<Sheet> out = new ArrayList<>();
        for (String g : peerGroups) {
            out.add(g == null ? new Sheet(NO_PEER_GROUP_SHEET, rankings, col(PEER_GROUP).isNull())
                    : new Sheet(RANKING_SHEET + g, rankings, col(PEER_GROUP).equalTo(g)));
        }
        return out;
    }

    /**
     * {@link #rankingSheets(Report, List)} for the peer groups present in the report's rows (a distinct of one
     * column brought to the driver), sorted, the units without a group last.
     */
    public static List<Sheet> rankingSheets(Report rankings) {
        List<String> groups = new ArrayList<>();
        for (Row r : rankings.data().select(PEER_GROUP).distinct().collectAsList()) {
            groups.add(r.isNullAt(0) ? null : r.getString(0));
        }
        groups.sort(Comparator.nullsLast(Comparator.naturalOrder()));
        return rankingSheets(rankings, groups);
    }

    /**
     * The sheets of a run's resolved reports, in order: the rankings split by peer group, every other report
     * as one sheet.
     */
    public static List<Sheet> sheets(List<Report> reports) {
        List<Sheet> out = new ArrayList<>();
        for (Report r : reports) {
            if (r.table() == Tables.RANKINGS) {
                out.addAll(rankingSheets(r));
            } else {
                out.add(Sheet.of(NAMES.getOrDefault(r.fileName(), r.fileName().replaceAll("\\.csv$", "")), r));
            }
        }
        return out;
    }
}
