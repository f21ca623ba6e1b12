package vn.reformindex.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import vn.reformindex.core.ReasonCode;
import vn.reformindex.report.Report;
import vn.reformindex.table.ColumnDecl;
import vn.reformindex.table.Format;
import vn.reformindex.table.Tables;
import vn.reformindex.table.Types;

/**
 * reports/rejected-records(.vi).csv: what each unit must correct in its exports, record by record: file,
 * line, dossier code, the reason and what to fix, in Vietnamese. No record text and so no personal data.
 * Each unit's own list is also written apart, reports/rejected-records/&lt;unit_code&gt;(.vi).csv: the file a
 * unit receives to correct its exports.
 */
final class RejectedRecordsReport {
    private RejectedRecordsReport() {
    }

    /** What the unit should correct, by reason (docs/reason-codes.md). */
    static final Map<String, String> WHAT_TO_FIX = new LinkedHashMap<>();

    static {
        WHAT_TO_FIX.put(ReasonCode.MALFORMED_RECORD.name(), "Sửa dòng: số trường phải bằng số cột của dòng tiêu đề, "
                + "dấu ngoặc kép phải đóng đúng (CSV); mỗi dòng phải là một đối tượng JSON (JSON Lines)");
        WHAT_TO_FIX.put(ReasonCode.MISSING_CODE.name(), "Bổ sung mã hồ sơ (MaHoSo)");
        WHAT_TO_FIX.put(ReasonCode.INVALID_STATUS.name(), "Ghi trạng thái hồ sơ (TrangThaiHoSo) là số nguyên từ 1 đến 10");
        WHAT_TO_FIX.put(ReasonCode.INVALID_DATE.name(), "Sửa ngày theo định dạng yyyyMMddHHmmss hoặc dd/MM/yyyy HH:mm:ss, "
                + "là ngày có thật");
        WHAT_TO_FIX.put(ReasonCode.INVALID_VALUE.name(), "Sửa giá trị ngoài miền: kênh 1–3, mức độ 2–4, đối tượng 1–4, "
                + "đánh giá 1–3, cờ 0/1, phí là số tiền không âm");
        WHAT_TO_FIX.put(ReasonCode.UNKNOWN_UNIT.name(), "Dùng mã đơn vị có trong danh mục đơn vị (MaDonVi)");
        WHAT_TO_FIX.put(ReasonCode.UNIT_NOT_VALID_ON_DATE.name(), "Ghi đơn vị còn hiệu lực vào ngày của hồ sơ, hoặc khai báo "
                + "đơn vị kế thừa trong danh mục đơn vị");
        WHAT_TO_FIX.put(ReasonCode.MISSING_RECEIPT_DATE.name(), "Bổ sung ngày tiếp nhận (NgayTiepNhan)");
        WHAT_TO_FIX.put(ReasonCode.MISSING_END_DATE.name(), "Bổ sung ngày kết thúc theo trạng thái (NgayKetThucXuLy, NgayTra "
                + "hoặc NgayTuChoi)");
        WHAT_TO_FIX.put(ReasonCode.END_BEFORE_RECEIPT.name(), "Sửa ngày kết thúc hoặc ngày tiếp nhận: kết thúc không được "
                + "trước tiếp nhận");
    }

    static final ColumnDecl FIX = new ColumnDecl("what_to_fix", Types.STRING, true, "What to fix", "Cách khắc phục",
            Format.TEXT, "what the unit should correct in its export", Map.of());

    static Report report() {
        Column fix = null;
        for (Map.Entry<String, String> e : WHAT_TO_FIX.entrySet()) {
            Column c = col("reason").equalTo(e.getKey());
            fix = fix == null ? when(c, lit(e.getValue())) : fix.when(c, lit(e.getValue()));
        }
        Column whatToFix = fix;
        return Report.of("rejected-records.csv", Tables.QUARANTINE,
                List.of("unit_code", "source_file", "source_line", "dossier_code", "reason", "what_to_fix"),
                t -> t.withColumn("what_to_fix", whatToFix).orderBy(col("unit_code"), col("source_file"), col("source_line")),
                true, FIX).alsoPerValueOf("unit_code");
    }
}
