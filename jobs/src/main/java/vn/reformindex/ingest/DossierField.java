package vn.reformindex.ingest;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The dossier fields of the input contract (input-format.md section 1), with their kind and the English
 * column they become in staged_dossiers. Personal fields are read only to be masked; they have no staged
 * column.
 */
public enum DossierField {
    MA_HO_SO("MaHoSo", Kind.CODE, "dossier_code"),
    MA_DON_VI("MaDonVi", Kind.CODE, "reported_unit_code"),
    MA_TTHC("MaTTHC", Kind.CODE, "procedure_code"),
    MA_LINH_VUC("MaLinhVuc", Kind.CODE, "field_code"),
    KENH_THUC_HIEN("KenhThucHien", Kind.INT, "channel"),
    MUC_DO("MucDo", Kind.INT, "online_level"),
    LOAI_DOI_TUONG("LoaiDoiTuong", Kind.INT, "applicant_type"),
    NGAY_NOP_HO_SO("NgayNopHoSo", Kind.TIMESTAMP, "submitted_at"),
    NGAY_TIEP_NHAN("NgayTiepNhan", Kind.TIMESTAMP, "received_at"),
    NGAY_HEN_TRA("NgayHenTra", Kind.TIMESTAMP, "due_at"),
    NGAY_KET_THUC_XU_LY("NgayKetThucXuLy", Kind.TIMESTAMP, "processing_ended_at"),
    NGAY_TRA("NgayTra", Kind.TIMESTAMP, "returned_at"),
    NGAY_TU_CHOI("NgayTuChoi", Kind.TIMESTAMP, "refused_at"),
    NGAY_DANH_GIA("NgayDanhGia", Kind.TIMESTAMP, "rated_at"),
    TRANG_THAI_HO_SO("TrangThaiHoSo", Kind.INT, "status"),
    SO_LAN_BO_SUNG("SoLanBoSung", Kind.INT, "supplement_count"),
    GIO_CHO_BO_SUNG("GioChoBoSung", Kind.DECIMAL, "supplement_hours"),
    CO_PHIEU_XIN_LOI("CoPhieuXinLoi", Kind.FLAG, "apology_letter"),
    DA_DONG_BO_DVCQG("DaDongBoDVCQG", Kind.FLAG, "synced_to_portal"),
    HO_SO_CO_THANH_PHAN_SO_HOA("HoSoCoThanhPhanSoHoa", Kind.FLAG, "has_digitized_component"),
    CO_TAI_SU_DUNG_DU_LIEU("CoTaiSuDungDuLieu", Kind.FLAG, "reused_digitized_data"),
    CO_LAY_TU_KHO_DMQG("CoLayTuKhoDMQG", Kind.FLAG, "from_citizen_data_store"),
    CO_KET_QUA_DIEN_TU("CoKetQuaDienTu", Kind.FLAG, "electronic_result"),
    TAI_KHOAN_DUOC_XAC_THUC_VNEID("TaiKhoanDuocXacThucVoiVNeID", Kind.FLAG, "vneid_verified"),
    DUOC_THANH_TOAN_TRUC_TUYEN("DuocThanhToanTrucTuyen", Kind.INT, "online_payment"),
    TONG_PHI_LE_PHI("TongPhiLePhi", Kind.MONEY, "fee_total"),
    DANH_GIA("DanhGia", Kind.INT, "rating"),
    CO_PHAN_ANH_KIEN_NGHI("CoPhanAnhKienNghi", Kind.FLAG, "feedback"),
    NGAY_CAP_NHAT("NgayCapNhat", Kind.TIMESTAMP, "updated_at"),
    CHU_HO_SO("ChuHoSo", Kind.PERSONAL, null),
    SO_GIAY_TO_CHU_HO_SO("SoGiayToChuHoSo", Kind.PERSONAL, null),
    SO_DIEN_THOAI("SoDienThoai", Kind.PERSONAL, null),
    EMAIL("Email", Kind.PERSONAL, null);

    public enum Kind { CODE, INT, TIMESTAMP, DECIMAL, FLAG, MONEY, PERSONAL }

    /** Name in the input contract (the sync payload's Vietnamese name). */
    public final String source;
    public final Kind kind;
    /** Column in staged_dossiers, or null for personal data. */
    public final String staged;

    DossierField(String source, Kind kind, String staged) {
        this.source = source;
        this.kind = kind;
        this.staged = staged;
    }

    private static final Map<String, DossierField> BY_SOURCE = new HashMap<>();

    static {
        for (DossierField f : values()) {
            BY_SOURCE.put(f.source, f);
        }
    }

    public static DossierField bySource(String name) {
        return BY_SOURCE.get(name);
    }

    public boolean personal() {
        return kind == Kind.PERSONAL;
    }

    /** The non-personal fields, in contract order: the raw_records value columns. */
    public static DossierField[] carried() {
        return Arrays.stream(values()).filter(f -> !f.personal()).toArray(DossierField[]::new);
    }
}
