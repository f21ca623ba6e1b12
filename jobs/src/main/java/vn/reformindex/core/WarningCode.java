package vn.reformindex.core;

/** Warnings: the record (or file) is kept, and the warning is reported (definitions.md). */
public enum WarningCode {
    UNIT_FROM_PREFIX("Đơn vị lấy từ tiền tố mã hồ sơ"),
    PROCEDURE_UNKNOWN("Mã thủ tục không có trong danh mục thủ tục"),
    UNKNOWN_COLUMN("Cột không thuộc chuẩn đầu vào, bị bỏ qua"),
    IGNORED_FILE("Tệp trong thư mục hồ sơ không được đọc (không phải .csv, .jsonl, .json hoặc là tệp ẩn)");

    public final String vietnamese;

    WarningCode(String vietnamese) {
        this.vietnamese = vietnamese;
    }
}
