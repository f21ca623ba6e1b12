package vn.reformindex.table;

import static vn.reformindex.table.Format.BOOLEAN;
import static vn.reformindex.table.Format.DATE;
import static vn.reformindex.table.Format.DECIMAL;
import static vn.reformindex.table.Format.INTEGER;
import static vn.reformindex.table.Format.LIST;
import static vn.reformindex.table.Format.PERCENT_2;
import static vn.reformindex.table.Format.POINTS_2;
import static vn.reformindex.table.Format.RATIO_4;
import static vn.reformindex.table.Format.TEXT;

import java.util.List;
import vn.reformindex.core.ReasonCode;
import vn.reformindex.core.WarningCode;

/**
 * Every table the pipeline writes, declared once, by layer (docs/tables.md is generated from these).
 * Owners are the stages (subcommands) that write them.
 */
public final class Tables {
    private Tables() {
    }

    public static final String INGEST = "ingest";
    public static final String FACTS = "facts";
    public static final String SUMMARY = "summary";
    public static final String SCORE = "score";
    public static final String RANK = "rank";

    // ---------------------------------------------------------------- ingest

    public static final TableDecl STAGED_DOSSIERS = TableDecl.builder("staged_dossiers", INGEST)
            .describe("One row per accepted dossier: the winning version of each `MaHoSo` (re-syncs resolved), typed, "
                    + "codes normalised (trimmed, upper case, NFC), English names, **no personal data and no record text**.")
            .notes("Flags are nullable: null means unknown (empty cell, or the column absent from the record's file).")
            .key("dossier_code")
            .required("dossier_code", Types.STRING, TEXT, "Mã hồ sơ", "`MaHoSo`, normalised")
            .required("unit_code", Types.STRING, TEXT, "Mã đơn vị", "the unit the dossier counts for: `MaDonVi` (or the "
                    + "`MaHoSo` prefix), replaced by its successor valid on the reference date when the unit had ended")
            .required("reported_unit_code", Types.STRING, TEXT, "Mã đơn vị ghi trên hồ sơ", "the unit code the record carried "
                    + "(`MaDonVi`, or the `MaHoSo` prefix when empty), before successor attribution")
            .col("procedure_code", Types.STRING, TEXT, "Mã TTHC", "`MaTTHC`")
            .col("field_code", Types.STRING, TEXT, "Mã lĩnh vực", "`MaLinhVuc`")
            .required("channel", Types.INT, INTEGER, "Kênh thực hiện", "`KenhThucHien`: 1 in person (also when empty), 2 online, 3 postal")
            .col("online_level", Types.INT, INTEGER, "Mức độ dịch vụ công trực tuyến", "`MucDo` as given on the record (2, 3, 4); "
                    + "null when empty (the catalogue's level is applied by the facts layer)")
            .col("applicant_type", Types.INT, INTEGER, "Loại đối tượng", "`LoaiDoiTuong` 1..4")
            .required("status", Types.INT, INTEGER, "Trạng thái hồ sơ", "`TrangThaiHoSo` 1..10")
            .col("submitted_at", Types.TIMESTAMP, DATE, "Ngày nộp hồ sơ", "`NgayNopHoSo`")
            .col("received_at", Types.TIMESTAMP, DATE, "Ngày tiếp nhận", "`NgayTiepNhan`")
            .col("due_at", Types.TIMESTAMP, DATE, "Ngày hẹn trả", "`NgayHenTra` (the date promised at receipt)")
            .col("processing_ended_at", Types.TIMESTAMP, DATE, "Ngày kết thúc xử lý", "`NgayKetThucXuLy`")
            .col("returned_at", Types.TIMESTAMP, DATE, "Ngày trả kết quả", "`NgayTra`")
            .col("refused_at", Types.TIMESTAMP, DATE, "Ngày từ chối", "`NgayTuChoi`")
            .col("rated_at", Types.TIMESTAMP, DATE, "Ngày đánh giá", "`NgayDanhGia`")
            .required("supplement_count", Types.INT, INTEGER, "Số lần yêu cầu bổ sung", "`SoLanBoSung` (JSON: number of "
                    + "`DanhSachHoSoBoSung` rounds); 0 when empty")
            .required("supplement_hours", Types.HOURS, DECIMAL, "Số giờ chờ bổ sung", "`GioChoBoSung` (JSON: calendar hours from "
                    + "each `NgayBoSung` to its `NgayTiepNhanBoSung`); 0 when empty")
            .col("apology_letter", Types.BOOLEAN, BOOLEAN, "Có phiếu xin lỗi", "`CoPhieuXinLoi`")
            .col("synced_to_portal", Types.BOOLEAN, BOOLEAN, "Đã đồng bộ Cổng DVCQG", "`DaDongBoDVCQG`")
            .col("has_digitized_component", Types.BOOLEAN, BOOLEAN, "Có thành phần hồ sơ được số hóa",
                    "`HoSoCoThanhPhanSoHoa` (JSON: any `TaiLieuNop[].DuocSoHoa = 1`)")
            .col("reused_digitized_data", Types.BOOLEAN, BOOLEAN, "Có tái sử dụng dữ liệu số hóa",
                    "`CoTaiSuDungDuLieu` (JSON: any `DuocTaiSuDung >= 1`)")
            .col("from_citizen_data_store", Types.BOOLEAN, BOOLEAN, "Có lấy từ kho dữ liệu của công dân",
                    "`CoLayTuKhoDMQG` (JSON: any `DuocLayTuKhoDMQG = 1`)")
            .col("electronic_result", Types.BOOLEAN, BOOLEAN, "Có kết quả điện tử",
                    "`CoKetQuaDienTu` (JSON: any non-empty `DuongDanTepTinKetQua`)")
            .col("vneid_verified", Types.BOOLEAN, BOOLEAN, "Tài khoản xác thực VNeID", "`TaiKhoanDuocXacThucVoiVNeID`")
            .col("online_payment", Types.INT, INTEGER, "Thanh toán trực tuyến", "`DuocThanhToanTrucTuyen`: 0 not online, 1 DVCQG, "
                    + "2 provincial portal")
            .col("fee_total", Types.LONG, INTEGER, "Tổng phí, lệ phí (đồng)", "`TongPhiLePhi` in whole VND (`1.500` is 1500; JSON: "
                    + "sum of `DanhSachLePhi[].Gia`)")
            .col("rating", Types.INT, INTEGER, "Mức đánh giá", "`DanhGia`: 1 very satisfied, 2 satisfied, 3 unsatisfied; null not rated")
            .col("feedback", Types.BOOLEAN, BOOLEAN, "Có phản ánh, kiến nghị", "`CoPhanAnhKienNghi`")
            .col("updated_at", Types.TIMESTAMP, DATE, "Ngày cập nhật", "`NgayCapNhat`: the version's time, kept for the "
                    + "re-sync tie-break of later runs")
            .required("source_file", Types.STRING, TEXT, "Tệp nguồn", "the file, relative to the input folder (e.g. `dossiers/2024.csv`)")
            .required("source_line", Types.LONG, INTEGER, "Dòng trong tệp nguồn", "the line the record starts on (CSV: counting the "
                    + "header as line 1) or the JSON line")
            .required("warnings", Types.STRINGS, LIST, "Cảnh báo", "`UNIT_FROM_PREFIX`, `PROCEDURE_UNKNOWN` (docs/reason-codes.md)")
            .build();

    public static final TableDecl QUARANTINE = TableDecl.builder("quarantine", INGEST)
            .describe("One row per quarantined record.")
            .key("source_file", "source_line")
            .code("reason", false, "Lý do bị loại", "the first reason that applies, in the order of docs/reason-codes.md",
                    Vocab.of(ReasonCode.values(), c -> ((ReasonCode) c).vietnamese))
            .required("source_file", Types.STRING, TEXT, "Tệp nguồn", "the file the record is in")
            .required("source_line", Types.LONG, INTEGER, "Dòng trong tệp nguồn", "the line the record starts on")
            .col("unit_code", Types.STRING, TEXT, "Mã đơn vị", "the unit it reconciles under (`MaDonVi` or the `MaHoSo` prefix when "
                    + "the registry knows it, else `?`)")
            .col("dossier_code", Types.STRING, TEXT, "Mã hồ sơ", "`MaHoSo` when it could be read")
            .col("updated_at", Types.TIMESTAMP, DATE, "Ngày cập nhật", "`NgayCapNhat` when it parsed: later incremental runs apply "
                    + "the re-sync tie-break to this record too")
            .col("masked_text", Types.STRING, TEXT, "Nội dung bản ghi (đã che thông tin cá nhân)", "the record's text with every "
                    + "personal field (`ChuHoSo`, `SoGiayToChuHoSo`, `SoDienThoai`, `Email`, at any depth in JSON) and every "
                    + "column or JSON field outside the contract (top level, nested, list elements) keeping its name with the "
                    + "value `***`; CSV is re-quoted minimally (RFC 4180), JSON re-serialised with numbers as written. Null for "
                    + "`MALFORMED_RECORD`")
            .col("byte_length", Types.INT, INTEGER, "Độ dài bản ghi (byte)", "`MALFORMED_RECORD` only: the record's length in UTF-8 bytes")
            .col("line_sha256", Types.STRING, TEXT, "Mã băm SHA-256 của bản ghi", "`MALFORMED_RECORD` only: SHA-256 (hex) of the "
                    + "record's UTF-8 bytes, so the line can be found in the source without copying it")
            .build();

    public static final TableDecl RECONCILIATION = TableDecl.builder("reconciliation", INGEST)
            .describe("One row per input file and unit (the unit the record carries, normalised, before successor attribution; "
                    + "`?` when the registry does not know it).")
            .notes("The run id is not in the rows: it is in `_RUN.json`.")
            .key("file", "unit_code")
            .required("file", Types.STRING, TEXT, "Tệp", "the file, relative to the input folder")
            .required("unit_code", Types.STRING, TEXT, "Mã đơn vị", "as above")
            .required("read", Types.LONG, INTEGER, "Số bản ghi đọc được", "records counted from the reader's own output, "
                    + "independently of the later stages")
            .required("accepted", Types.LONG, INTEGER, "Số bản ghi được nhận", "records staged")
            .required("quarantined", Types.LONG, INTEGER, "Số bản ghi bị loại", "records quarantined")
            .required("superseded", Types.LONG, INTEGER, "Số bản ghi bị thay thế", "older versions of a re-synced dossier")
            .required("balanced", Types.BOOLEAN, BOOLEAN, "Khớp số liệu", "`read = accepted + quarantined + superseded`; a run with "
                    + "any false row fails with exit code 4 and publishes nothing")
            .build();

    public static final TableDecl INGEST_WARNINGS = TableDecl.builder("ingest_warnings", INGEST)
            .describe("Warnings of the records and files kept: one row per warning, file and unit (and column, for unknown columns).")
            .key("warning", "file", "unit_code", "detail")
            .code("warning", false, "Cảnh báo", "`UNKNOWN_COLUMN`, `UNIT_FROM_PREFIX`, `PROCEDURE_UNKNOWN`, `IGNORED_FILE`",
                    Vocab.of(WarningCode.values(), c -> ((WarningCode) c).vietnamese))
            .required("file", Types.STRING, TEXT, "Tệp", "the file")
            .col("unit_code", Types.STRING, TEXT, "Mã đơn vị", "for record warnings: the unit; null for file warnings")
            .col("detail", Types.STRING, TEXT, "Chi tiết", "for `UNKNOWN_COLUMN`: the column name, reported once per file; "
                    + "for `IGNORED_FILE`: why the file was not read")
            .required("records", Types.LONG, INTEGER, "Số bản ghi", "number of records with the warning (0 for file warnings)")
            .build();

    public static final TableDecl INGESTED_FILES = TableDecl.builder("ingested_files", INGEST)
            .describe("Every dossier file an ingest has read into this output; an incremental run skips them.")
            .key("file")
            .required("file", Types.STRING, TEXT, "Tệp", "relative to the input folder")
            .required("bytes", Types.LONG, INTEGER, "Kích thước (byte)", "size when read")
            .required("modified_at_ms", Types.LONG, INTEGER, "Thời điểm sửa đổi (ms)", "modification time when read (ms since 1970): "
                    + "with the size, how a later run recognises the file")
            .required("sha256", Types.STRING, TEXT, "Mã băm SHA-256", "checksum of the content when read")
            .build();

    // ---------------------------------------------------------------- facts

    public static final TableDecl DOSSIER_FACTS = TableDecl.builder("dossier_facts", FACTS)
            .describe("One row per accepted dossier with its **period-independent** facts (definitions.md).")
            .notes("Written whole by every run (it is not period-keyed). Period membership is *not* stored: it is derived "
                    + "when aggregating (`PeriodFacts`, below), so one run serves any number of periods without multiplying "
                    + "the dossiers.")
            .key("dossier_code")
            .required("dossier_code", Types.STRING, TEXT, "Mã hồ sơ", "`MaHoSo`")
            .required("unit_code", Types.STRING, TEXT, "Mã đơn vị", "the unit the dossier counts for (after successor attribution)")
            .code("unit_level", true, "Cấp đơn vị", "`CapDonVi` of that unit (TINH, SO, HUYEN, XA)", Vocab.UNIT_LEVEL)
            .required("unit_ancestors", Types.STRINGS, LIST, "Các đơn vị cấp trên", "the unit's ancestors in the registry, nearest first")
            .col("procedure_code", Types.STRING, TEXT, "Mã TTHC", "`MaTTHC`")
            .col("field_code", Types.STRING, TEXT, "Mã lĩnh vực", "`MaLinhVuc` of the record, else the catalogue's")
            .required("procedure_known", Types.BOOLEAN, BOOLEAN, "TTHC có trong danh mục", "the procedure is in the catalogue")
            .col("procedure_level", Types.STRING, TEXT, "Cấp thực hiện TTHC", "`CapThucHien` of the procedure (catalogue)")
            .required("status", Types.INT, INTEGER, "Trạng thái hồ sơ", "`TrangThaiHoSo`")
            .required("is_received", Types.BOOLEAN, BOOLEAN, "Đã tiếp nhận", "status not 1 or 3: the dossier was received")
            .col("submitted_date", Types.DATE, DATE, "Ngày nộp hồ sơ", "date of `NgayNopHoSo` (dates status 1)")
            .col("received_at", Types.TIMESTAMP, DATE, "Thời điểm tiếp nhận", "`NgayTiepNhan`")
            .col("received_date", Types.DATE, DATE, "Ngày tiếp nhận", "date of `NgayTiepNhan`")
            .col("due_date", Types.DATE, DATE, "Ngày hẹn trả", "date of `NgayHenTra`")
            .code("end_kind", true, "Hình thức kết thúc", "`resolved` (9, 10), `withdrawn` (7), `stopped` (8), `refused_at_intake` "
                    + "(3); null for open statuses", Vocab.END_KIND)
            .col("end_at", Types.TIMESTAMP, DATE, "Thời điểm kết thúc xử lý", "the end of processing by status (definitions.md table)")
            .col("end_date", Types.DATE, DATE, "Ngày kết thúc xử lý", "date of `end_at`")
            .required("channel", Types.INT, INTEGER, "Kênh thực hiện", "1 in person (also empty), 2 online, 3 postal")
            .col("online_level", Types.INT, INTEGER, "Mức độ dịch vụ công trực tuyến", "`MucDo` of the record, else the catalogue's")
            .col("applicant_type", Types.INT, INTEGER, "Loại đối tượng", "`LoaiDoiTuong`")
            .required("supplement_count", Types.INT, INTEGER, "Số lần yêu cầu bổ sung", "`SoLanBoSung`")
            .required("supplement_hours", Types.HOURS, DECIMAL, "Số giờ chờ bổ sung", "`GioChoBoSung`")
            .code("timeliness_published", true, "Tiến độ giải quyết (cách công bố)", "published rule, resolved dossiers only: "
                    + "`early`, `on_time`, `late`, `unknown` (no due date); else null", Vocab.TIMELINESS)
            .col("effective_end_at_766", Types.TIMESTAMP, DATE, "Thời điểm kết thúc tính theo 766", "`end_at` minus the "
                    + "supplement hours (766 rule), for ended dossiers")
            .col("effective_end_date_766", Types.DATE, DATE, "Ngày kết thúc tính theo 766", "date of `effective_end_at_766`")
            .col("time_limit", Types.HOURS, DECIMAL, "Thời hạn giải quyết", "the catalogue's `ThoiHanGiaiQuyet`")
            .code("time_limit_unit", true, "Đơn vị thời hạn", "`WORKING_DAYS`, `DAYS`, `HOURS`", Vocab.TIME_LIMIT_UNIT)
            .col("apology_letter", Types.BOOLEAN, BOOLEAN, "Có phiếu xin lỗi", "`CoPhieuXinLoi`")
            .col("rating", Types.INT, INTEGER, "Mức đánh giá", "`DanhGia`")
            .col("rating_date", Types.DATE, DATE, "Ngày tính đánh giá", "the date it counts on: `NgayDanhGia`, else the resolution date")
            .col("feedback", Types.BOOLEAN, BOOLEAN, "Có phản ánh, kiến nghị", "`CoPhanAnhKienNghi`")
            .col("fee_total", Types.LONG, INTEGER, "Tổng phí, lệ phí (đồng)", "`TongPhiLePhi`")
            .col("has_fee", Types.BOOLEAN, BOOLEAN, "Có phí, lệ phí", "a fee is due (fee > 0, or the catalogue says fee-bearing "
                    + "and the fee is not 0)")
            .col("online_payment", Types.INT, INTEGER, "Thanh toán trực tuyến", "`DuocThanhToanTrucTuyen`")
            .col("paid_online", Types.BOOLEAN, BOOLEAN, "Đã thanh toán trực tuyến", "paid online (1 or 2)")
            .col("procedure_has_fee", Types.BOOLEAN, BOOLEAN, "TTHC có phí, lệ phí", "catalogue `CoPhiLePhi`")
            .col("requires_document_result", Types.BOOLEAN, BOOLEAN, "TTHC có kết quả là giấy tờ", "catalogue `YeuCauKetQuaGiayTo`")
            .col("citizen_facing", Types.BOOLEAN, BOOLEAN, "TTHC cho công dân", "catalogue `DoiTuongCongDan`")
            .col("synced_to_portal", Types.BOOLEAN, BOOLEAN, "Đã đồng bộ Cổng DVCQG", "digitisation flag, null = unknown")
            .col("has_digitized_component", Types.BOOLEAN, BOOLEAN, "Có thành phần hồ sơ được số hóa", "digitisation flag, null = unknown")
            .col("reused_digitized_data", Types.BOOLEAN, BOOLEAN, "Có tái sử dụng dữ liệu số hóa", "digitisation flag, null = unknown")
            .col("from_citizen_data_store", Types.BOOLEAN, BOOLEAN, "Có lấy từ kho dữ liệu của công dân", "digitisation flag, null = unknown")
            .col("electronic_result", Types.BOOLEAN, BOOLEAN, "Có kết quả điện tử", "digitisation flag, null = unknown")
            .col("vneid_verified", Types.BOOLEAN, BOOLEAN, "Tài khoản xác thực VNeID", "digitisation flag, null = unknown")
            .col("updated_at", Types.TIMESTAMP, DATE, "Ngày cập nhật", "`NgayCapNhat` of the winning version")
            .build();

    // ---------------------------------------------------------------- summary

    /** The period columns every period-keyed table carries after its key. */
    private static TableDecl.Builder periodDates(TableDecl.Builder b) {
        return b.required("period_start", Types.DATE, DATE, "Từ ngày", "first day of the period")
                .required("period_end", Types.DATE, DATE, "Đến ngày", "last day of the period")
                .required("as_of", Types.DATE, DATE, "Số liệu tính đến ngày", "the as-of date: open dossiers are judged at it, "
                        + "the period's counts stop at it");
    }

    private static TableDecl.Builder period(TableDecl.Builder b) {
        return b.required("period", Types.STRING, Format.PERIOD, "Kỳ", "the period label (`2025`, `2025-Q2`, `2025-06`, "
                + "`2020-01-01..2020-10-29`)");
    }

    /** The counts and percentages of the processing summary (definitions.md), in report order. */
    private static TableDecl.Builder counts(TableDecl.Builder b) {
        return b.required("carried_over", Types.LONG, INTEGER, "Kỳ trước chuyển qua", "received before the start, not ended before the start")
                .required("received", Types.LONG, INTEGER, "Tiếp nhận mới", "received in [start, as_of]")
                .required("received_in_person", Types.LONG, INTEGER, "Tiếp nhận trực tiếp", "received, in person (empty channel = in person)")
                .required("received_online", Types.LONG, INTEGER, "Tiếp nhận trực tuyến", "received, online")
                .required("received_postal", Types.LONG, INTEGER, "Tiếp nhận qua bưu chính công ích", "received, by post")
                .required("resolved", Types.LONG, INTEGER, "Đã giải quyết", "resolved in [start, as_of]")
                .required("early", Types.LONG, INTEGER, "Trước hạn", "resolved before the due day (published rule: end day vs due day)")
                .required("on_time", Types.LONG, INTEGER, "Đúng hạn", "resolved on the due day")
                .required("late", Types.LONG, INTEGER, "Trễ hạn", "resolved after the due day")
                .required("timeliness_unknown", Types.LONG, INTEGER, "Không xác định hạn", "resolved, no due date")
                .required("early_or_on_time", Types.LONG, INTEGER, "Trước và đúng hạn", "early + on time")
                .required("withdrawn", Types.LONG, INTEGER, "Công dân rút hồ sơ", "withdrawn in the period")
                .required("stopped", Types.LONG, INTEGER, "Dừng xử lý", "stopped in the period")
                .required("open_in_time", Types.LONG, INTEGER, "Đang giải quyết trong hạn", "received by the as-of date, not ended by "
                        + "it, due date not before it")
                .required("open_overdue", Types.LONG, INTEGER, "Đang giải quyết quá hạn", "received by the as-of date, not ended by it, "
                        + "due date before it")
                .required("refused_at_intake", Types.LONG, INTEGER, "Từ chối tiếp nhận", "status 3, by end date (outside the balance)")
                .required("registered_not_received", Types.LONG, INTEGER, "Đăng ký chưa tiếp nhận", "status 1, by `NgayNopHoSo` "
                        + "(outside the balance)")
                .required("late_with_apology", Types.LONG, INTEGER, "Trễ hạn có phiếu xin lỗi", "resolved late with an apology letter")
                .required("rated", Types.LONG, INTEGER, "Lượt đánh giá", "ratings dated in the period")
                .required("very_satisfied", Types.LONG, INTEGER, "Rất hài lòng", "ratings 1")
                .required("satisfied", Types.LONG, INTEGER, "Hài lòng", "ratings 2")
                .required("unsatisfied", Types.LONG, INTEGER, "Không hài lòng", "ratings 3")
                .required("handled", Types.LONG, INTEGER, "Tổng số phải giải quyết", "`carried_over + received` (the 766 denominator H)")
                .col("early_pct", Types.EXACT, PERCENT_2, "Tỷ lệ trước hạn (%)", "early, % of resolved")
                .col("on_time_pct", Types.EXACT, PERCENT_2, "Tỷ lệ đúng hạn (%)", "on time, % of resolved")
                .col("late_pct", Types.EXACT, PERCENT_2, "Tỷ lệ trễ hạn (%)", "late, % of resolved")
                .col("resolved_pct", Types.EXACT, PERCENT_2, "Tỷ lệ đã giải quyết (%)", "resolved, % of handled")
                .col("online_pct", Types.EXACT, PERCENT_2, "Tỷ lệ trực tuyến (%)", "online, % of received")
                .col("in_person_pct", Types.EXACT, PERCENT_2, "Tỷ lệ trực tiếp (%)", "in person, % of received")
                .col("postal_pct", Types.EXACT, PERCENT_2, "Tỷ lệ bưu chính (%)", "postal, % of received")
                .col("very_satisfied_pct", Types.EXACT, PERCENT_2, "Tỷ lệ rất hài lòng (%)", "very satisfied, % of rated")
                .col("satisfied_pct", Types.EXACT, PERCENT_2, "Tỷ lệ hài lòng (%)", "satisfied, % of rated")
                .col("unsatisfied_pct", Types.EXACT, PERCENT_2, "Tỷ lệ không hài lòng (%)", "unsatisfied, % of rated");
    }

    public static final TableDecl PROCESSING_SUMMARY = TableDecl.builder("processing_summary", SUMMARY)
            .describe("The processing summary as provinces publish it: one row per unit, period and scope.")
            .notes("`self`: every registry unit valid on at least one day of the period (zeros and `no_data = true` without "
                    + "dossiers), plus any unit with dossiers counted in a period it is no longer valid in (a dossier carried "
                    + "over past the unit's end), so subtree totals lose nothing. `subtree`: units valid in the period with at "
                    + "least one descendant valid in the period; counts are the sums of the `self` counts of the unit and all "
                    + "its descendants (re-aggregated, never averaged). The stage fails with exit code 6 when a row breaks "
                    + "`carried_over + received = resolved + withdrawn + stopped + open_in_time + open_overdue`. Percentages "
                    + "are exact decimals from the counts (scale 10, half-up), null when the denominator is 0; the CSV reports "
                    + "print two decimals, half-up.")
            .key("unit_code", "period", "scope").periodKeyed()
            .required("unit_code", Types.STRING, TEXT, "Mã đơn vị", "the unit (registry)")
            .col("unit_name", Types.STRING, TEXT, "Tên đơn vị", "from the registry")
            .code("unit_level", true, "Cấp đơn vị", "`CapDonVi`: TINH, SO, HUYEN, XA", Vocab.UNIT_LEVEL)
            .col("parent_code", Types.STRING, TEXT, "Mã đơn vị cha", "from the registry")
            .code("peer_group", true, "Nhóm xếp hạng", "`NhomXepHang` from the registry", Vocab.PEER_GROUP)
            .code("scope", false, "Phạm vi", "`self` (the unit's own dossiers) or `subtree` (with its descendants')", Vocab.SCOPE)
            .with(Tables::period)
            .code("period_kind", false, "Loại kỳ", "`year`, `quarter`, `month` or `range`", Vocab.PERIOD_KIND)
            .with(Tables::periodDates)
            .required("no_data", Types.BOOLEAN, BOOLEAN, "Không có dữ liệu", "no dossier of the unit (or subtree) touches the period")
            .with(Tables::counts)
            .col("last_record_at", Types.TIMESTAMP, DATE, "Cập nhật gần nhất", "the latest `NgayCapNhat` of the unit's (subtree's) "
                    + "dossiers up to the as-of date: a unit whose data stopped flowing shows an old date")
            .required("quarantined", Types.LONG, INTEGER, "Số bản ghi bị loại", "records of the unit (subtree) quarantined, all "
                    + "periods (a quarantined record may have no usable date)")
            .build();

    public static final TableDecl OVERDUE_DOSSIERS = TableDecl.builder("overdue_dossiers", SUMMARY)
            .describe("What inspectors act on: every dossier open and overdue at the as-of date (`kind = open_overdue`) and every "
                    + "dossier resolved late in the period under the published rule (`kind = resolved_late`). No personal data.")
            .key("unit_code", "period", "dossier_code").periodKeyed()
            .required("unit_code", Types.STRING, TEXT, "Mã đơn vị", "the unit the dossier counts for")
            .col("unit_name", Types.STRING, TEXT, "Tên đơn vị", "from the registry")
            .with(Tables::period)
            .with(Tables::periodDates)
            .code("kind", false, "Loại", "`open_overdue` or `resolved_late`", Vocab.OVERDUE_KIND)
            .required("dossier_code", Types.STRING, TEXT, "Mã hồ sơ", "`MaHoSo`")
            .col("procedure_code", Types.STRING, TEXT, "Mã TTHC", "`MaTTHC`")
            .col("procedure_name", Types.STRING, TEXT, "Tên TTHC", "from the catalogue")
            .col("field_code", Types.STRING, TEXT, "Lĩnh vực", "`MaLinhVuc`")
            .required("channel", Types.INT, INTEGER, "Kênh thực hiện", "1 in person, 2 online, 3 postal")
            .col("received_at", Types.TIMESTAMP, DATE, "Ngày tiếp nhận", "receipt")
            .col("due_date", Types.DATE, DATE, "Ngày hẹn trả", "promised date")
            .col("end_at", Types.TIMESTAMP, DATE, "Thời điểm kết thúc xử lý", "end of processing (null when open)")
            .col("late_until", Types.DATE, DATE, "Ngày kết thúc hoặc ngày tính", "the end date, or the as-of date for an open dossier")
            .col("days_late", Types.INT, INTEGER, "Số ngày trễ hạn (ngày lịch)", "`late_until - due_date` in calendar days "
                    + "(the published rule compares days, not working days)")
            .required("supplement_count", Types.INT, INTEGER, "Số lần yêu cầu bổ sung", "supplement requests")
            .col("apology_letter", Types.BOOLEAN, BOOLEAN, "Có phiếu xin lỗi", "apology letter issued")
            .build();

    public static final TableDecl PROCEDURE_SUMMARY = TableDecl.builder("procedure_summary", SUMMARY)
            .describe("The processing summary's counts and percentages (scope self) per unit x procedure and per unit x field.")
            .notes("`breakdown = procedure`: `code` is `MaTTHC`, `name` from the catalogue; `breakdown = field`: `code` is "
                    + "`MaLinhVuc`; `?` when the code is missing. Only combinations with at least one dossier in the period "
                    + "have a row.")
            .key("unit_code", "period", "breakdown", "code").periodKeyed()
            .required("unit_code", Types.STRING, TEXT, "Mã đơn vị", "the unit")
            .with(Tables::period)
            .with(Tables::periodDates)
            .code("breakdown", false, "Chi tiết theo", "`procedure` or `field`", Vocab.BREAKDOWN)
            .required("code", Types.STRING, TEXT, "Mã", "`MaTTHC` or `MaLinhVuc`; `?` when missing")
            .col("name", Types.STRING, TEXT, "Tên", "the procedure's name from the catalogue (procedures only)")
            .with(Tables::counts)
            .build();

    // ---------------------------------------------------------------- score

    private static TableDecl.Builder criteriaSet(TableDecl.Builder b) {
        return b.required("criteria_set_id", Types.STRING, TEXT, "Bộ chỉ số", "the criteria set's id")
                .required("criteria_set_version", Types.STRING, TEXT, "Phiên bản", "the set's version")
                .required("criteria_set_hash", Types.STRING, TEXT, "Mã băm bộ chỉ số", "SHA-256 of the set's canonical content");
    }

    public static final TableDecl SCORES = TableDecl.builder("scores", SCORE)
            .describe("One row per unit valid in the period x criterion of the set.")
            .key("unit_code", "period", "criterion_code").periodKeyed()
            .with(Tables::criteriaSet)
            .required("unit_code", Types.STRING, TEXT, "Mã đơn vị", "the unit (registry)")
            .code("unit_level", true, "Cấp đơn vị", "`CapDonVi`", Vocab.UNIT_LEVEL)
            .code("peer_group", true, "Nhóm xếp hạng", "`NhomXepHang`", Vocab.PEER_GROUP)
            .with(Tables::period)
            .with(Tables::periodDates)
            .required("group_code", Types.STRING, TEXT, "Nhóm tiêu chí", "the criterion's group")
            .required("criterion_code", Types.STRING, TEXT, "Mã tiêu chí", "the criterion's code in the set (e.g. `3.3`)")
            .col("criterion_key", Types.STRING, TEXT, "Khóa tiêu chí", "its English identifier when the set gives one, e.g. "
                    + "`online_submission_766`")
            .required("criterion_name", Types.STRING, TEXT, "Tên tiêu chí", "its name in the set")
            .code("source", false, "Nguồn số liệu", "`dossiers`, `catalogue`, `manual`", Vocab.SOURCE)
            .col("numerator", Types.EXACT, DECIMAL, "Tử số", "the set's aggregate expression over the unit's period facts (or "
                    + "procedure facts for catalogue criteria); 0 when the unit has no row")
            .col("denominator", Types.EXACT, DECIMAL, "Mẫu số", "likewise")
            .col("ratio", Types.EXACT, RATIO_4, "Tỷ lệ", "numerator / denominator (x the ratio of the criterion named by `times`), "
                    + "exact from the counts and rounded once; for a manual criterion entered as `GiaTri`, that value; null when "
                    + "not scored")
            .col("points", Types.EXACT, POINTS_2, "Điểm", "by the criterion's scoring rule, computed from the counts themselves "
                    + "(not from the rounded ratio) and rounded once; for manual criteria the entered points (or ratio x max)")
            .required("max_points", Types.EXACT, POINTS_2, "Điểm tối đa", "the criterion's maximum")
            .code("status", false, "Tình trạng", "`scored`; `insufficient_data` (denominator 0 or below `min_denominator`, the flag "
                    + "unknown on all eligible dossiers, or the multiplying criterion insufficient); `not_applicable` (unit level "
                    + "not in `levels`); `manual` (entered score found); `missing` (manual criterion without a score)",
                    Vocab.CRITERION_STATUS)
            .required("finding", Types.BOOLEAN, BOOLEAN, "Phát hiện", "the ratio is below the criterion's `finding_below` "
                    + "(or above its `finding_above`)")
            .col("evidence", Types.STRING, TEXT, "Nguồn minh chứng", "`NguonMinhChung` of a manual score")
            .build();

    private static TableDecl.Builder unitAndPeriod(TableDecl.Builder b) {
        return b.required("unit_code", Types.STRING, TEXT, "Mã đơn vị", "the unit (registry)")
                .with(Tables::period);
    }

    public static final TableDecl GROUP_SCORES = TableDecl.builder("group_scores", SCORE)
            .describe("Per unit, period and group of criteria: the group's points against its maxima.")
            .key("unit_code", "period", "group_code").periodKeyed()
            .with(Tables::criteriaSet)
            .with(Tables::unitAndPeriod)
            .required("group_code", Types.STRING, TEXT, "Nhóm tiêu chí", "the group")
            .code("unit_level", true, "Cấp đơn vị", "`CapDonVi`", Vocab.UNIT_LEVEL)
            .code("peer_group", true, "Nhóm xếp hạng", "`NhomXepHang`", Vocab.PEER_GROUP)
            .with(Tables::periodDates)
            .col("points", Types.EXACT, POINTS_2, "Điểm nhóm", "sum of the criteria's points, null when none has points")
            .required("available_max", Types.EXACT, POINTS_2, "Điểm tối đa có dữ liệu", "sum of the maxima of criteria with points")
            .col("max_points", Types.EXACT, POINTS_2, "Điểm tối đa", "sum of the applicable criteria's maxima")
            .required("criteria_with_points", Types.LONG, INTEGER, "Số tiêu chí có điểm", "criteria with points")
            .required("criteria_applicable", Types.LONG, INTEGER, "Số tiêu chí áp dụng", "criteria applicable to the unit's level")
            .build();

    /** The columns of index_scores, which rankings extends. */
    private static TableDecl.Builder indexColumns(TableDecl.Builder b) {
        return b.col("unit_name", Types.STRING, TEXT, "Tên đơn vị", "from the registry")
                .code("unit_level", true, "Cấp đơn vị", "`CapDonVi`", Vocab.UNIT_LEVEL)
                .code("peer_group", true, "Nhóm xếp hạng", "`NhomXepHang`", Vocab.PEER_GROUP)
                .with(Tables::periodDates)
                .col("points", Types.EXACT, POINTS_2, "Tổng điểm đạt", "sum of points")
                .col("available_max", Types.EXACT, POINTS_2, "Điểm tối đa có dữ liệu", "sum of the maxima of the criteria with points")
                .required("declared_total", Types.EXACT, POINTS_2, "Tổng điểm tối đa của bộ chỉ số", "the set's total")
                .col("total", Types.EXACT, POINTS_2, "Tổng điểm (chính xác)", "under `missing: rescale`: points x declared_total / "
                        + "available_max; under `missing: zero`: the points; null when no criterion applies")
                .col("published_total", Types.PUBLISHED, POINTS_2, "Tổng điểm", "the total rounded half-up to two decimals: what the "
                        + "committee sees, what ranks and tiers use")
                .col("tier", Types.STRING, TEXT, "Xếp loại", "the set's tier for the published total")
                .code("status", false, "Tình trạng", "`scored`, `no_data` (no dossier in the period), `insufficient_data` (no dossier "
                        + "criterion could be scored), `not_applicable`", Vocab.INDEX_STATUS)
                .required("criteria_applicable", Types.LONG, INTEGER, "Số tiêu chí áp dụng", "criteria applicable to the unit's level")
                .required("dossier_criteria_scored", Types.LONG, INTEGER, "Số tiêu chí từ hồ sơ có điểm", "non-manual criteria scored")
                .required("criteria_insufficient", Types.LONG, INTEGER, "Số tiêu chí không đủ dữ liệu", "criteria with insufficient data")
                .required("criteria_missing", Types.LONG, INTEGER, "Số tiêu chí thiếu điểm thủ công", "manual criteria without a score");
    }

    public static final TableDecl INDEX_SCORES = TableDecl.builder("index_scores", SCORE)
            .describe("Per unit and period: the index total, rescaled over the criteria with points when the set says so.")
            .key("unit_code", "period").periodKeyed()
            .with(Tables::criteriaSet)
            .with(Tables::unitAndPeriod)
            .with(Tables::indexColumns)
            .build();

    public static final TableDecl COMPARISON_RANKS = TableDecl.builder("comparison_ranks", SCORE)
            .describe("For each requested period and basis, each unit's published total, rank and status in the comparison "
                    + "window, computed in the same run.")
            .notes("`previous_year`: the same period one year earlier up to the as-of date one year earlier; `preceding_period`: "
                    + "the immediately preceding period of the same kind up to the same offset from its start.")
            .key("period", "basis", "unit_code").periodKeyed()
            .with(Tables::period)
            .code("basis", false, "So sánh với", "`previous_year` or `preceding_period`", Vocab.BASIS)
            .required("unit_code", Types.STRING, TEXT, "Mã đơn vị", "the unit")
            .required("compared_period", Types.STRING, Format.PERIOD, "Kỳ so sánh", "the comparison window's period")
            .required("compared_as_of", Types.DATE, DATE, "Kỳ so sánh tính đến ngày", "the comparison window's as-of date")
            .col("published_total", Types.PUBLISHED, POINTS_2, "Tổng điểm kỳ so sánh", "the unit's published total there")
            .col("rank", Types.INT, INTEGER, "Xếp hạng kỳ so sánh", "the unit's rank there")
            .code("status", true, "Tình trạng kỳ so sánh", "the unit's index status there; null for a unit `merged_into` "
                    + "its successor", Vocab.INDEX_STATUS)
            .col("reaggregated_from", Types.STRINGS, LIST, "Số liệu cộng gộp từ đơn vị", "the units abolished by the period's "
                    + "as-of date whose counts in the comparison window were re-aggregated onto this unit, their successor "
                    + "(`MaDonViKeThua`): the base is then the sum of their numerators and denominators and the unit's own; "
                    + "null when the base is the unit's own")
            .col("merged_into", Types.STRING, TEXT, "Đã sáp nhập vào đơn vị", "for a unit abolished by the period's as-of date: "
                    + "the successor its comparison counts were re-aggregated onto (it then has no total, rank or status here)")
            .col("group_<code>_points", Types.EXACT, POINTS_2, "Điểm nhóm <code> kỳ so sánh", "each group's points in the "
                    + "comparison window")
            .required("criteria_set_hash", Types.STRING, TEXT, "Mã băm bộ chỉ số", "the set that scored both windows")
            .build();

    // ---------------------------------------------------------------- rank

    private static TableDecl.Builder change(TableDecl.Builder b, String p, String vi) {
        return b.col(p + "_period", Types.STRING, Format.PERIOD, p.equals("preceding") ? "Kỳ trước" : "Cùng kỳ năm trước",
                        "the comparison period (" + vi + ")")
                .col(p + "_as_of", Types.DATE, DATE, "Tính đến ngày (" + vi + ")", "its as-of date")
                .col(p + "_total", Types.PUBLISHED, POINTS_2, "Tổng điểm (" + vi + ")", "the published total there")
                .col(p + "_rank", Types.INT, INTEGER, "Xếp hạng (" + vi + ")", "the rank there")
                .col("change_total_vs_" + p, Types.PUBLISHED, POINTS_2, p.equals("preceding") ? "Tăng/giảm điểm so với kỳ trước"
                        : "Tăng/giảm điểm so với cùng kỳ", "published total minus the comparison's, shown whenever both totals exist")
                .col("change_rank_vs_" + p, Types.INT, INTEGER, p.equals("preceding") ? "Tăng/giảm hạng so với kỳ trước"
                        : "Tăng/giảm hạng so với cùng kỳ", "comparison rank minus rank (positive: moved up)")
                .code("change_vs_" + p + "_reason", true, p.equals("preceding") ? "Ghi chú so sánh kỳ trước"
                        : "Ghi chú so sánh cùng kỳ", "why a change is empty: `merged_into_successor` (the unit's counts in the "
                        + "comparison window belong to its successor), `no_comparison`, `not_ranked` (only the change of rank "
                        + "is empty)", Vocab.CHANGE_REASON)
                .col(p + "_reaggregated_from", Types.STRINGS, LIST, "Cộng gộp số liệu kỳ so sánh từ (" + vi + ")", "the "
                        + "predecessors re-aggregated onto the unit in the comparison window (`comparison_ranks.reaggregated_from`)")
                .col("change_group_<code>_vs_" + p, Types.EXACT, POINTS_2, "Tăng/giảm điểm nhóm <code> (" + vi + ")",
                        "the group's points minus its points in the comparison window")
                .col(p + "_total_as_published", Types.PUBLISHED, POINTS_2, "Tổng điểm đã công bố (" + vi + ")", "the comparison "
                        + "period's total as published by an earlier run with another criteria set or version (same as-of date); "
                        + "null when it was published with the current set, not published, or the base was re-aggregated")
                .col(p + "_criteria_set_as_published", Types.STRING, TEXT, "Bộ chỉ số đã dùng (" + vi + ")", "that run's "
                        + "criteria set id and version")
                .col("change_total_vs_" + p + "_as_published", Types.PUBLISHED, POINTS_2, "Tăng/giảm so với điểm đã công bố ("
                        + vi + ")", "published total minus `" + p + "_total_as_published`: the sum of the unit's change ("
                        + "`change_total_vs_" + p + "`, both sides scored with the current set) and the method's change")
                .col("change_total_vs_" + p + "_method", Types.PUBLISHED, POINTS_2, "Phần thay đổi do phương pháp (" + vi + ")",
                        "`" + p + "_total` (re-scored with the current set) minus `" + p + "_total_as_published`: what the change "
                        + "of criteria set or version alone moved");
    }

    public static final TableDecl RANKINGS = TableDecl.builder("rankings", RANK)
            .describe("`index_scores` of the requested periods with ranks within peer groups, changes against earlier periods "
                    + "and each group's points.")
            .key("unit_code", "period").periodKeyed()
            .with(Tables::unitAndPeriod)
            .with(Tables::criteriaSet)
            .with(Tables::indexColumns)
            .required("ranked", Types.BOOLEAN, BOOLEAN, "Được xếp hạng", "the unit is ranked: status `scored` (or any applicable "
                    + "status with a total when the set says `rank_incomplete: true`) and a peer group")
            .col("rank", Types.INT, INTEGER, "Xếp hạng", "competition rank (1, 2, 2, 4) on `published_total` within `peer_group` "
                    + "(`NhomXepHang`) and period")
            .col("ranked_units", Types.LONG, INTEGER, "Trên tổng số", "how many units are ranked in the peer group and period")
            .code("unranked_reason", true, "Lý do không xếp hạng", "why a listed unit has no rank: `no_data`, `insufficient_data`, "
                    + "`not_applicable`, `no_peer_group`, `quality_gate` (beyond the set's `quality_gate` thresholds, with "
                    + "`exclude: true`; `quality_flag` says which)", Vocab.UNRANKED_REASON)
            .with(Tables::intervalColumns)
            .with(Tables::qualityColumns)
            .with(b -> change(b, "previous_year", "cùng kỳ năm trước"))
            .with(b -> change(b, "preceding", "kỳ trước"))
            .col("group_<code>_points", Types.EXACT, POINTS_2, "Điểm nhóm <code>", "each group's points (from `group_scores`)")
            .build();

    /** The rank interval of a unit (rank_intervals, repeated in rankings). */
    private static TableDecl.Builder intervalColumns(TableDecl.Builder b) {
        return b.col("median_rank", Types.INT, INTEGER, "Hạng trung vị", "the median of the unit's ranks over the draws "
                        + "(docs/criteria.md, Rank intervals); null when the period has no intervals")
                .col("rank_p5", Types.INT, INTEGER, "Hạng tốt (phân vị 5%)", "the 5th percentile of its ranks over the draws (the "
                        + "better end of the interval)")
                .col("rank_p95", Types.INT, INTEGER, "Hạng kém (phân vị 95%)", "the 95th percentile of its ranks (the worse end)")
                .col("total_p5", Types.PUBLISHED, POINTS_2, "Tổng điểm (phân vị 5%)", "the 5th percentile of its totals over the "
                        + "draws: with `total_p95`, the 90% interval of the total")
                .col("total_p95", Types.PUBLISHED, POINTS_2, "Tổng điểm (phân vị 95%)", "the 95th percentile of its totals")
                .code("rank_distinction", true, "Phân biệt với đơn vị liền kề", "`indistinguishable` when the rank interval "
                        + "[`rank_p5`, `rank_p95`] overlaps that of the unit ranked just above or just below in the peer group "
                        + "(the difference in rank means nothing), else `distinguishable`", Vocab.RANK_DISTINCTION);
    }

    /** The data-quality gate's figures (docs/criteria.md, Data-quality gate). */
    private static TableDecl.Builder qualityColumns(TableDecl.Builder b) {
        return b.col("rejected_share", Types.EXACT, PERCENT_2, "Tỷ lệ bản ghi bị loại", "the unit's quarantined records / "
                        + "(accepted + quarantined), over every file of `reconciliation` (all periods; the unit code the records "
                        + "carried); null without records, or when the set's gate has no `max_rejected_share`")
                .col("synced_share", Types.EXACT, PERCENT_2, "Tỷ lệ hồ sơ đồng bộ Cổng DVCQG", "dossiers received in [period "
                        + "start, as-of] marked synced to the national portal / dossiers received (an unknown flag counts as "
                        + "not synced); null without received dossiers, when the flag is unknown on all of them, or when the set's "
                        + "gate has no `min_synced_share`")
                .code("quality_flag", true, "Cảnh báo chất lượng dữ liệu", "the set's `quality_gate` thresholds the unit is "
                        + "beyond: `rejected_share_high`, `synced_share_low`, `rejected_share_high_synced_share_low`; null when "
                        + "within them or the set has no gate", Vocab.QUALITY_FLAG);
    }

    public static final TableDecl RANK_INTERVALS = TableDecl.builder("rank_intervals", RANK)
            .describe("How firm each rank is: per ranked unit and period, its rank and total over seeded draws of the method "
                    + "(weights, scoring, missing criteria) and of its own counts (bootstrap), and whether it can be told "
                    + "apart from its neighbours.")
            .notes("Written for the periods the set's `uncertainty` selects (years by default) unless the run says "
                    + "`--no-uncertainty` or `--draws 0`; settings in the columns `draws` .. `alternatives` (docs/criteria.md, "
                    + "Rank intervals). Percentiles are discrete: each is a rank or total one of the draws gave. The same "
                    + "seed and data give the same rows.")
            .key("unit_code", "period", "criteria_set_hash").periodKeyed()
            .with(Tables::criteriaSet)
            .with(Tables::unitAndPeriod)
            .col("unit_name", Types.STRING, TEXT, "Tên đơn vị", "from the registry")
            .code("peer_group", true, "Nhóm xếp hạng", "`NhomXepHang`", Vocab.PEER_GROUP)
            .required("rank", Types.INT, INTEGER, "Xếp hạng", "the published (nominal) rank, from `rankings`")
            .required("ranked_units", Types.LONG, INTEGER, "Trên tổng số", "units ranked in the peer group and period")
            .col("published_total", Types.PUBLISHED, POINTS_2, "Tổng điểm", "the published total")
            .with(Tables::intervalColumns)
            .required("indistinguishable", Types.BOOLEAN, BOOLEAN, "Không phân biệt được", "`rank_distinction` is "
                    + "`indistinguishable`")
            .col("neighbour_above", Types.STRING, TEXT, "Đơn vị liền trên", "the unit ranked just above (nominal rank, then code)")
            .col("neighbour_below", Types.STRING, TEXT, "Đơn vị liền dưới", "the unit ranked just below")
            .required("draws", Types.INT, INTEGER, "Số lần mô phỏng", "draws made")
            .required("seed", Types.LONG, INTEGER, "Hạt giống ngẫu nhiên", "the seed: the same seed gives the same intervals")
            .required("weight_band", Types.EXACT, RATIO_4, "Biên độ trọng số", "each criterion's weight was multiplied by a factor "
                    + "in [1 - band, 1 + band]")
            .required("bootstrap", Types.BOOLEAN, BOOLEAN, "Lấy mẫu lại hồ sơ", "the counts were resampled (bootstrap)")
            .required("alternatives", Types.BOOLEAN, BOOLEAN, "Phương án tính khác", "half the draws scored `target` criteria "
                    + "linearly and half used the other rule for missing criteria (rescale / zero), independently")
            .build();

    /** A criterion's figures as the scorecards and findings show them (from `scores`). */
    private static TableDecl.Builder criterionFigures(TableDecl.Builder b) {
        return b.col("numerator", Types.EXACT, DECIMAL, "Tử số", "from `scores`: the set's numerator (a count, printed `47.540`)")
                .col("denominator", Types.EXACT, DECIMAL, "Mẫu số", "from `scores`: the set's denominator")
                .col("ratio", Types.EXACT, RATIO_4, "Tỷ lệ", "from `scores`: numerator / denominator (x the `times` criterion's "
                        + "ratio), exact; null when not scored")
                .col("target", Types.EXACT, RATIO_4, "Mục tiêu", "the ratio from which the criterion earns its full points: the "
                        + "rule's `target`; `best` for `goalpost` (lower is better); the `from` of the step worth the most for "
                        + "`steps`; 1 for `ratio`; null for manual criteria and criteria worth 0 points")
                .col("points", Types.EXACT, POINTS_2, "Điểm đạt", "from `scores`; null when the criterion has no points")
                .required("max_points", Types.EXACT, POINTS_2, "Điểm tối đa", "the criterion's maximum")
                .col("points_lost", Types.EXACT, POINTS_2, "Điểm chưa đạt", "`max_points - points` when the criterion has points; "
                        + "for an applicable criterion without points (`insufficient_data`, `missing`): `max_points` when the set "
                        + "says `missing: zero` (it counts as 0), null when it says `missing: rescale` (it is left out of the "
                        + "total); null when not applicable. So `points + points_lost` adds up, over a unit's criteria, to "
                        + "`available_max` (rescale) or to the applicable maximum (zero)")
                .code("status", false, "Tình trạng", "the criterion's status in `scores`", Vocab.CRITERION_STATUS)
                .code("no_points_reason", true, "Lý do chưa có điểm", "why the criterion has no points: `no_denominator` "
                        + "(denominator 0), `below_min_denominator`, `multiplier_not_scored` (the `times` criterion has no points), "
                        + "`flag_unknown` (the `known` count is 0), `missing_manual_score`, `not_applicable_level`; null when it "
                        + "has points", Vocab.NO_POINTS_REASON)
                .required("finding", Types.BOOLEAN, BOOLEAN, "Vượt ngưỡng phát hiện", "from `scores`: the ratio is below the "
                        + "criterion's `finding_below` (or above its `finding_above`)")
                .col("criterion_rank", Types.INT, INTEGER, "Xếp hạng theo tiêu chí", "competition rank (1, 2, 2, 4) on the "
                        + "criterion's points rounded half-up to two decimals (as printed), highest first, among the units of the "
                        + "same peer group and period that have points on it; null without points, without a peer group, or "
                        + "for a criterion worth 0 points")
                .col("criterion_ranked_units", Types.LONG, INTEGER, "Số đơn vị xếp hạng theo tiêu chí", "how many units of the "
                        + "peer group and period have a rank on the criterion");
    }

    public static final TableDecl SCORECARDS = TableDecl.builder("scorecards", RANK)
            .describe("A unit's scorecard (phiếu điểm): one row per unit valid in the period x criterion of the set, with "
                    + "the criterion's counts, ratio, target, points, points lost, why it has no points, its rank among "
                    + "peers, the group's subtotal and the unit's total with how it was rescaled.")
            .notes("Built from `scores`, `group_scores` and `index_scores` of the set the stage was given. The group and "
                    + "total columns repeat on every row of the unit. Over a unit's rows, `points` adds up to `total_points`, "
                    + "and per group to `group_points`; `points_lost` adds up to `group_points_lost`, i.e. "
                    + "`group_available_max - group_points` under `missing: rescale` or `group_max_points - group_points` "
                    + "under `missing: zero` (docs/criteria.md, Scorecards and findings).")
            .key("unit_code", "period", "criterion_code").periodKeyed()
            .with(Tables::criteriaSet)
            .with(Tables::unitAndPeriod)
            .col("unit_name", Types.STRING, TEXT, "Tên đơn vị", "from the registry")
            .code("unit_level", true, "Cấp đơn vị", "`CapDonVi`", Vocab.UNIT_LEVEL)
            .code("peer_group", true, "Nhóm xếp hạng", "`NhomXepHang`", Vocab.PEER_GROUP)
            .with(Tables::periodDates)
            .required("criterion_order", Types.INT, INTEGER, "STT", "the criterion's position in the set (1, 2, ...): the "
                    + "order of the scorecard")
            .required("group_code", Types.STRING, TEXT, "Nhóm tiêu chí", "the criterion's group")
            .required("group_name", Types.STRING, TEXT, "Tên nhóm tiêu chí", "the group's name in the set")
            .required("criterion_code", Types.STRING, TEXT, "Mã tiêu chí", "the criterion's code in the set")
            .required("criterion_name", Types.STRING, TEXT, "Tên tiêu chí", "its name in the set")
            .code("source", false, "Nguồn số liệu", "`dossiers`, `catalogue`, `manual`", Vocab.SOURCE)
            .code("scoring_rule", false, "Cách tính điểm", "the criterion's rule: `ratio`, `target`, `goalpost`, `steps`, "
                    + "`manual`", Vocab.SCORING_RULE)
            .with(Tables::criterionFigures)
            .col("group_points", Types.EXACT, POINTS_2, "Điểm nhóm", "from `group_scores`: the group's points, null when none "
                    + "of its criteria has points")
            .col("group_available_max", Types.EXACT, POINTS_2, "Điểm tối đa nhóm có dữ liệu", "from `group_scores`: the maxima "
                    + "of the group's criteria with points")
            .col("group_max_points", Types.EXACT, POINTS_2, "Điểm tối đa nhóm", "from `group_scores`: the maxima of the group's "
                    + "applicable criteria")
            .col("group_points_lost", Types.EXACT, POINTS_2, "Điểm chưa đạt của nhóm", "sum of the group's `points_lost`")
            .col("total_points", Types.EXACT, POINTS_2, "Tổng điểm đạt", "from `index_scores`: the sum of the points")
            .col("available_max", Types.EXACT, POINTS_2, "Điểm tối đa có dữ liệu", "from `index_scores`: the maxima of the "
                    + "criteria with points")
            .col("declared_total", Types.EXACT, POINTS_2, "Tổng điểm tối đa của bộ chỉ số", "the set's total")
            .col("rescale_factor", Types.EXACT, RATIO_4, "Hệ số quy đổi", "`declared_total / available_max` under `missing: "
                    + "rescale`, 1 under `missing: zero`; null without a total")
            .col("total", Types.EXACT, POINTS_2, "Tổng điểm (chính xác)", "from `index_scores`: `total_points x rescale_factor`")
            .col("published_total", Types.PUBLISHED, POINTS_2, "Tổng điểm", "from `index_scores`: the total rounded half-up to "
                    + "two decimals")
            .col("tier", Types.STRING, TEXT, "Xếp loại", "from `index_scores`")
            .code("index_status", false, "Tình trạng tổng điểm", "the unit's status in `index_scores`", Vocab.INDEX_STATUS)
            .required("total_note", Types.STRING, TEXT, "Cách tính tổng điểm", "how the total was obtained, in Vietnamese, "
                    + "e.g. `Tổng điểm quy đổi về thang 100 trên 74 điểm có dữ liệu: 44,37 × 100 / 74 = 59,96`")
            .build();

    public static final TableDecl FINDINGS = TableDecl.builder("findings", RANK)
            .describe("The findings (phát hiện, tồn tại) of each unit and period, as an inspection report writes them: the "
                    + "criteria where the unit lost the most points, each with a Vietnamese sentence and the counts behind it.")
            .notes("From `scorecards`: the criteria with `points_lost > 0`, most points lost first (then the set's order), at "
                    + "most `findings_per_unit` of them (the set's, default 3). The sentence is the criterion's `finding_text` "
                    + "with its placeholders filled in (docs/criteria.md, Findings); a criterion without a text, or whose text "
                    + "needs a figure the row lacks, gets a standard sentence. A unit that lost no point has no row.")
            .key("unit_code", "period", "finding_rank").periodKeyed()
            .with(Tables::criteriaSet)
            .with(Tables::unitAndPeriod)
            .required("finding_rank", Types.INT, INTEGER, "Thứ tự", "1 = the criterion where the unit lost the most points")
            .col("unit_name", Types.STRING, TEXT, "Tên đơn vị", "from the registry")
            .code("unit_level", true, "Cấp đơn vị", "`CapDonVi`", Vocab.UNIT_LEVEL)
            .code("peer_group", true, "Nhóm xếp hạng", "`NhomXepHang`", Vocab.PEER_GROUP)
            .with(Tables::periodDates)
            .required("group_code", Types.STRING, TEXT, "Nhóm tiêu chí", "the criterion's group")
            .required("criterion_code", Types.STRING, TEXT, "Mã tiêu chí", "the criterion")
            .required("criterion_name", Types.STRING, TEXT, "Tên tiêu chí", "its name in the set")
            .required("finding_text", Types.STRING, TEXT, "Nội dung phát hiện", "the finding in Vietnamese, e.g. `Tỷ lệ hồ sơ "
                    + "nộp trực tuyến 0,00% (mục tiêu 50%)`")
            .with(Tables::criterionFigures)
            .build();

    /** Every table, in data-flow order. */
    public static final List<TableDecl> ALL = List.of(STAGED_DOSSIERS, QUARANTINE, RECONCILIATION, INGEST_WARNINGS,
            INGESTED_FILES, DOSSIER_FACTS, PROCESSING_SUMMARY, OVERDUE_DOSSIERS, PROCEDURE_SUMMARY, SCORES, GROUP_SCORES,
            INDEX_SCORES, COMPARISON_RANKS, RANKINGS, RANK_INTERVALS, SCORECARDS, FINDINGS);

    /** A table by name. */
    public static TableDecl named(String name) {
        for (TableDecl t : ALL) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no table named " + name);
    }
}
