package vn.reformindex.core;

/** Quarantine reasons, in the order they are checked (definitions.md, Records and their fate). */
public enum ReasonCode {
    MALFORMED_RECORD("Bản ghi không tách được thành các trường theo dòng tiêu đề (CSV) hoặc không phải đối tượng JSON"),
    MISSING_CODE("Thiếu mã hồ sơ (MaHoSo)"),
    INVALID_STATUS("Trạng thái hồ sơ (TrangThaiHoSo) không phải số nguyên từ 1 đến 10"),
    INVALID_DATE("Có trường ngày không đúng định dạng hoặc không có thật (ví dụ 31/02)"),
    INVALID_VALUE("Có trường nằm ngoài miền giá trị (kênh 9, đánh giá 7, phí âm...)"),
    UNKNOWN_UNIT("Đơn vị không có trong danh mục đơn vị"),
    UNIT_NOT_VALID_ON_DATE("Đơn vị không còn hiệu lực vào ngày của hồ sơ và không có đơn vị kế thừa duy nhất"),
    MISSING_RECEIPT_DATE("Thiếu ngày tiếp nhận (NgayTiepNhan) với trạng thái khác 1 và 3"),
    MISSING_END_DATE("Trạng thái kết thúc nhưng thiếu ngày kết thúc"),
    END_BEFORE_RECEIPT("Ngày kết thúc sớm hơn ngày tiếp nhận");

    /** What the committee reads. */
    public final String vietnamese;

    ReasonCode(String vietnamese) {
        this.vietnamese = vietnamese;
    }
}
