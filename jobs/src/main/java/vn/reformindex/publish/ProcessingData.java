package vn.reformindex.publish;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.reformindex.publish.ReportModel.Processing;
import vn.reformindex.publish.ReportModel.ProcessingRow;
import vn.reformindex.table.Tables;

/**
 * The processing summary of a period as provinces publish it: the province's own subtree first (the
 * province in total), then every unit with dossiers, its own dossiers only; the timeliness split drawn from
 * the same rows.
 */
final class ProcessingData {
    private ProcessingData() {
    }

    static Processing of(Dataset<Row> summary, String period) {
        List<Map<String, Object>> rows = ReportData.rows(summary, col("period").equalTo(period)
                .and(col("scope").equalTo("self").and(col("no_data").equalTo(false))
                        .or(col("scope").equalTo("subtree").and(col("unit_level").equalTo("TINH")))));
        rows.sort(Comparator.comparing((Map<String, Object> r) -> "self".equals(r.get("scope")))
                .thenComparing(r -> (String) r.get("unit_code")));
        List<ProcessingRow> out = new ArrayList<>();
        List<SvgCharts.Split> split = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            boolean total = "subtree".equals(r.get("scope"));
            String name = total ? ReportData.text(r.get("unit_name")) + " (toàn tỉnh)" : ReportData.text(r.get("unit_name"));
            out.add(new ProcessingRow(ReportData.text(r.get("unit_code")), name, total, f(r, "received"), f(r, "resolved"),
                    f(r, "early"), f(r, "early_pct"), f(r, "on_time"), f(r, "on_time_pct"), f(r, "late"), f(r, "late_pct"),
                    f(r, "open_overdue"), f(r, "rated"), f(r, "very_satisfied_pct"), f(r, "satisfied_pct"),
                    f(r, "unsatisfied_pct")));
            split.add(new SvgCharts.Split(name, (Long) r.get("early"), (Long) r.get("on_time"), (Long) r.get("late")));
        }
        return new Processing(out, SvgCharts.split("Tiến độ giải quyết: trước hạn, đúng hạn, trễ hạn", split,
                "không có hồ sơ đã giải quyết"));
    }

    private static String f(Map<String, Object> r, String column) {
        return ReportData.fmt(Tables.PROCESSING_SUMMARY, column, r.get(column));
    }
}
