package vn.reformindex.generator;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formats dossier versions as CSV rows or sync-payload JSON lines. */
final class DossierWriter {
    static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);
    static final DateTimeFormatter DASHED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.ROOT);

    private final DateTimeFormatter dates;
    private final boolean dottedFees;

    DossierWriter(DateTimeFormatter dates, boolean dottedFees) {
        this.dates = dates;
        this.dottedFees = dottedFees;
    }

    static String header() {
        return String.join(",", Dossier.COLUMNS) + "\n";
    }

    String[] cells(Dossier d) {
        return new String[] {d.code, d.unit, d.procedure, d.field, num(d.channel), d.level, num(d.applicant),
            date(d.submitted), date(d.received), date(d.due), date(d.ended), date(d.returned), date(d.refused),
            date(d.rated), num(d.status), num(d.rounds.size()), num(d.supplementHours()), num(d.apology), d.synced,
            num(d.digitized), num(d.reused), num(d.fromStore), num(d.electronicResult), num(d.vneid), num(d.payment),
            fee(d.fee), d.rating, num(d.feedback), date(d.updated), d.person.name, d.person.id, d.person.phone,
            d.person.email};
    }

    void csv(StringBuilder b, Dossier d) {
        row(b, cells(d));
    }

    static void row(StringBuilder b, String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(quote(cells[i]));
        }
        b.append('\n');
    }

    static String quote(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private String date(LocalDateTime t) {
        if (t == null) {
            return "";
        }
        if (dates == COMPACT && t.getYear() >= 1000 && t.getYear() <= 9999) {
            return compact(t);
        }
        return dates.format(t);
    }

    /** COMPACT.format(t) for four-digit years, without the formatter's overhead. */
    static String compact(LocalDateTime t) {
        char[] c = new char[14];
        put(c, 0, t.getYear(), 4);
        put(c, 4, t.getMonthValue(), 2);
        put(c, 6, t.getDayOfMonth(), 2);
        put(c, 8, t.getHour(), 2);
        put(c, 10, t.getMinute(), 2);
        put(c, 12, t.getSecond(), 2);
        return new String(c);
    }

    private static void put(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static String num(int n) {
        return Integer.toString(n);
    }

    private String fee(long fee) {
        if (fee == 0) {
            return "0";
        }
        if (!dottedFees) {
            return Long.toString(fee);
        }
        String plain = Long.toString(fee);
        StringBuilder b = new StringBuilder();
        int first = plain.length() % 3 == 0 ? 3 : plain.length() % 3;
        b.append(plain, 0, first);
        for (int i = first; i < plain.length(); i += 3) {
            b.append('.').append(plain, i, i + 3);
        }
        return b.toString();
    }

    /** One sync-payload object on one line (nested lists instead of the flat summary flags). */
    static void json(StringBuilder b, Dossier d) {
        b.append('{');
        str(b, "MaHoSo", d.code, true);
        if (!d.unit.isEmpty()) {
            str(b, "MaDonVi", d.unit, false);
        }
        str(b, "MaTTHC", d.procedure, false);
        str(b, "MaLinhVuc", d.field, false);
        str(b, "KenhThucHien", Integer.toString(d.channel), false);
        if (!d.level.isEmpty()) {
            b.append(",\"MucDo\":").append(d.level);
        }
        b.append(",\"LoaiDoiTuong\":").append(d.applicant);
        jdate(b, "NgayNopHoSo", d.submitted);
        jdate(b, "NgayTiepNhan", d.received);
        jdate(b, "NgayHenTra", d.due);
        jdate(b, "NgayKetThucXuLy", d.ended);
        jdate(b, "NgayTra", d.returned);
        jdate(b, "NgayTuChoi", d.refused);
        jdate(b, "NgayDanhGia", d.rated);
        b.append(",\"TrangThaiHoSo\":").append(d.status);
        b.append(",\"CoPhieuXinLoi\":").append(d.apology);
        if (!d.synced.isEmpty()) {
            b.append(",\"DaDongBoDVCQG\":").append(d.synced);
        }
        b.append(",\"TaiKhoanDuocXacThucVoiVNeID\":").append(d.vneid);
        b.append(",\"DuocThanhToanTrucTuyen\":").append(d.payment);
        if (!d.rating.isEmpty()) {
            b.append(",\"DanhGia\":").append(d.rating);
        }
        b.append(",\"CoPhanAnhKienNghi\":").append(d.feedback);
        jdate(b, "NgayCapNhat", d.updated);
        str(b, "ChuHoSo", d.person.name, false);
        str(b, "SoGiayToChuHoSo", d.person.id, false);
        str(b, "SoDienThoai", d.person.phone, false);
        if (!d.person.email.isEmpty()) {
            str(b, "Email", d.person.email, false);
        }
        b.append(",\"TaiLieuNop\":[");
        for (int i = 0; i < d.documents; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"TenTepDinhKem\":\"").append(i == 0 ? "to-khai" : "giay-to-" + i).append(".pdf\"")
                    .append(",\"DuocSoHoa\":").append(i == 0 ? d.digitized : 0)
                    .append(",\"DuocTaiSuDung\":").append(i == 0 ? d.reused : 0)
                    .append(",\"DuocLayTuKhoDMQG\":").append(i == d.documents - 1 ? d.fromStore : 0).append('}');
        }
        b.append("],\"DanhSachLePhi\":[");
        if (d.fee > 0) {
            long phi = d.fee >= 100000 ? d.fee / 5 : 0;
            b.append("{\"TenPhiLePhi\":\"Lệ phí\",\"Gia\":").append(d.fee - phi).append('}');
            if (phi > 0) {
                b.append(",{\"TenPhiLePhi\":\"Phí thẩm định\",\"Gia\":").append(phi).append('}');
            }
        }
        b.append("],\"DanhSachGiayToKetQua\":[");
        if (d.status == 9 || d.status == 10) {
            b.append("{\"TenGiayTo\":\"Kết quả giải quyết\",\"DuongDanTepTinKetQua\":\"");
            if (d.electronicResult == 1) {
                b.append("https://dichvucong.example.invalid/ketqua/").append(d.code).append(".pdf");
            }
            b.append("\"}");
        }
        b.append("],\"DanhSachHoSoBoSung\":[");
        for (int i = 0; i < d.rounds.size(); i++) {
            Dossier.Round r = d.rounds.get(i);
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"NgayBoSung\":\"").append(compact(r.requested)).append('"');
            if (r.received != null) {
                b.append(",\"NgayTiepNhanBoSung\":\"").append(compact(r.received)).append('"');
            }
            b.append('}');
        }
        b.append("]}\n");
    }

    private static void str(StringBuilder b, String name, String value, boolean first) {
        if (!first) {
            b.append(',');
        }
        b.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }

    private static void jdate(StringBuilder b, String name, LocalDateTime t) {
        if (t != null) {
            str(b, name, compact(t), false);
        }
    }
}
