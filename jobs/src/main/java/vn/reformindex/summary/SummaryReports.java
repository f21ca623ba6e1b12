package vn.reformindex.summary;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.reformindex.report.Report;
import vn.reformindex.report.Report.Column;
import vn.reformindex.report.Report.Format;

/** The summary layer's CSV reports, with the Vietnamese headers the committee reads. */
public final class SummaryReports {
    private SummaryReports() {
    }

    private static final String[][] SUMMARY = {
            {"unit_code", "Mã đơn vị", "TEXT"},
            {"unit_name", "Tên đơn vị", "TEXT"},
            {"unit_level", "Cấp đơn vị", "TEXT"},
            {"parent_code", "Mã đơn vị cha", "TEXT"},
            {"scope", "Phạm vi", "TEXT"},
            {"period", "Kỳ", "TEXT"},
            {"period_start", "Từ ngày", "DATE"},
            {"period_end", "Đến ngày", "DATE"},
            {"as_of", "Số liệu tính đến ngày", "DATE"},
            {"no_data", "Không có dữ liệu", "BOOLEAN"},
            {"carried_over", "Kỳ trước chuyển qua", "INTEGER"},
            {"received", "Tiếp nhận mới", "INTEGER"},
            {"received_in_person", "Tiếp nhận trực tiếp", "INTEGER"},
            {"received_online", "Tiếp nhận trực tuyến", "INTEGER"},
            {"received_postal", "Tiếp nhận qua bưu chính công ích", "INTEGER"},
            {"resolved", "Đã giải quyết", "INTEGER"},
            {"early", "Trước hạn", "INTEGER"},
            {"on_time", "Đúng hạn", "INTEGER"},
            {"late", "Trễ hạn", "INTEGER"},
            {"timeliness_unknown", "Không xác định hạn", "INTEGER"},
            {"early_or_on_time", "Trước và đúng hạn", "INTEGER"},
            {"withdrawn", "Công dân rút hồ sơ", "INTEGER"},
            {"stopped", "Dừng xử lý", "INTEGER"},
            {"open_in_time", "Đang giải quyết trong hạn", "INTEGER"},
            {"open_overdue", "Đang giải quyết quá hạn", "INTEGER"},
            {"refused_at_intake", "Từ chối tiếp nhận", "INTEGER"},
            {"registered_not_received", "Đăng ký chưa tiếp nhận", "INTEGER"},
            {"late_with_apology", "Trễ hạn có phiếu xin lỗi", "INTEGER"},
            {"rated", "Lượt đánh giá", "INTEGER"},
            {"very_satisfied", "Rất hài lòng", "INTEGER"},
            {"satisfied", "Hài lòng", "INTEGER"},
            {"unsatisfied", "Không hài lòng", "INTEGER"},
            {"handled", "Tổng số phải giải quyết", "INTEGER"},
            {"early_pct", "Tỷ lệ trước hạn (%)", "PERCENT_2"},
            {"on_time_pct", "Tỷ lệ đúng hạn (%)", "PERCENT_2"},
            {"late_pct", "Tỷ lệ trễ hạn (%)", "PERCENT_2"},
            {"resolved_pct", "Tỷ lệ đã giải quyết (%)", "PERCENT_2"},
            {"online_pct", "Tỷ lệ trực tuyến (%)", "PERCENT_2"},
            {"in_person_pct", "Tỷ lệ trực tiếp (%)", "PERCENT_2"},
            {"postal_pct", "Tỷ lệ bưu chính (%)", "PERCENT_2"},
            {"very_satisfied_pct", "Tỷ lệ rất hài lòng (%)", "PERCENT_2"},
            {"satisfied_pct", "Tỷ lệ hài lòng (%)", "PERCENT_2"},
            {"unsatisfied_pct", "Tỷ lệ không hài lòng (%)", "PERCENT_2"},
            {"last_record_at", "Cập nhật gần nhất", "DATE"},
            {"quarantined", "Bản ghi bị cách ly", "INTEGER"},
    };

    private static final String[][] OVERDUE = {
            {"unit_code", "Mã đơn vị", "TEXT"},
            {"period", "Kỳ", "TEXT"},
            {"as_of", "Số liệu tính đến ngày", "DATE"},
            {"kind", "Loại", "TEXT"},
            {"dossier_code", "Mã hồ sơ", "TEXT"},
            {"procedure_code", "Mã TTHC", "TEXT"},
            {"procedure_name", "Tên TTHC", "TEXT"},
            {"field_code", "Lĩnh vực", "TEXT"},
            {"received_at", "Ngày tiếp nhận", "DATE"},
            {"due_date", "Ngày hẹn trả", "DATE"},
            {"late_until", "Ngày kết thúc hoặc ngày tính", "DATE"},
            {"days_late", "Số ngày trễ", "INTEGER"},
            {"apology_letter", "Có phiếu xin lỗi", "BOOLEAN"},
    };

    public static Report processingSummary() {
        return Report.ofTable("processing-summary.csv", ProcessingSummary.TABLE,
                t -> t.orderBy(col("period"), col("unit_code"), col("scope")), columns(SUMMARY), true);
    }

    public static Report overdueDossiers() {
        return Report.ofTable("overdue-dossiers.csv", OverdueDossiers.TABLE,
                t -> t.orderBy(col("period"), col("unit_code"), col("kind"), col("days_late").desc(), col("dossier_code")),
                columns(OVERDUE), true);
    }

    static List<Column> columns(String[][] spec) {
        List<Column> out = new ArrayList<>();
        for (String[] c : spec) {
            out.add(new Column(c[0], c[1], Format.valueOf(c[2])));
        }
        return out;
    }
}
