package vn.reformindex.generator;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** One version of one generated dossier record, before formatting. */
final class Dossier {
    static final String[] COLUMNS = {"MaHoSo", "MaDonVi", "MaTTHC", "MaLinhVuc", "KenhThucHien", "MucDo",
        "LoaiDoiTuong", "NgayNopHoSo", "NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "NgayTra", "NgayTuChoi",
        "NgayDanhGia", "TrangThaiHoSo", "SoLanBoSung", "GioChoBoSung", "CoPhieuXinLoi", "DaDongBoDVCQG",
        "HoSoCoThanhPhanSoHoa", "CoTaiSuDungDuLieu", "CoLayTuKhoDMQG", "CoKetQuaDienTu",
        "TaiKhoanDuocXacThucVoiVNeID", "DuocThanhToanTrucTuyen", "TongPhiLePhi", "DanhGia", "CoPhanAnhKienNghi",
        "NgayCapNhat", "ChuHoSo", "SoGiayToChuHoSo", "SoDienThoai", "Email"};

    /** One supplement round; received null while pending. */
    static final class Round {
        final LocalDateTime requested;
        final LocalDateTime received;
        final int hours;

        Round(LocalDateTime requested, LocalDateTime received, int hours) {
            this.requested = requested;
            this.received = received;
            this.hours = hours;
        }
    }

    String code;
    String unit; // as written (may be empty)
    String procedure;
    String field;
    int channel;
    String level; // "" = take from catalogue
    int applicant;
    LocalDateTime submitted;
    LocalDateTime received;
    LocalDateTime due;
    LocalDateTime ended;
    LocalDateTime returned;
    LocalDateTime refused;
    LocalDateTime rated;
    int status;
    List<Round> rounds = new ArrayList<>();
    int apology;
    String synced; // "0", "1" or "" unknown
    int digitized;
    int reused;
    int fromStore;
    int electronicResult;
    int vneid;
    int payment;
    long fee;
    int documents; // number of TaiLieuNop items (JSON)
    String rating = "";
    int feedback;
    LocalDateTime updated;
    Names.Person person;

    /** The sort key inside a file: the first date of the record, then the code. */
    LocalDateTime firstDate() {
        return received != null ? received : submitted != null ? submitted : updated;
    }

    int supplementHours() {
        int h = 0;
        for (Round r : rounds) {
            if (r.received != null) {
                h += r.hours;
            }
        }
        return h;
    }

    LocalDateTime latestEvent() {
        LocalDateTime t = null;
        LocalDateTime[] all = {submitted, received, ended, returned, refused, rated};
        for (LocalDateTime x : all) {
            if (x != null && (t == null || x.isAfter(t))) {
                t = x;
            }
        }
        for (Round r : rounds) {
            LocalDateTime x = r.received != null ? r.received : r.requested;
            if (t == null || x.isAfter(t)) {
                t = x;
            }
        }
        return t;
    }
}
