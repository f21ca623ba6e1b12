package vn.reformindex.generator;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * dossiers/broken-records.csv of the national mode: as {@link BrokenRecords} (one intended defect per record,
 * every quarantine reason, malformed lines last), with units of the national registry: a department of
 * Thành phố Hà Nội, its first pre-2025 commune before 2025-07-01 and its first new commune after, and its
 * first three districts after they ended. Also 6 good records (5 without MaDonVi, 1 under a merged
 * commune's code after the merger, attributed to its successor).
 */
final class NationalBrokenRecords {
    private final Province p;
    private final SplittableRandom r;
    private final DossierWriter w = new DossierWriter(DossierWriter.COMPACT, false);
    private final StringBuilder b;
    private final String so;
    private final String so2;
    private final String xaOld;
    private final String xaNew;
    private final String[] districts = new String[3];
    private int seq = 900_000;
    private int count;

    private NationalBrokenRecords(StringBuilder b, Province p, NationalRegistry reg, SplittableRandom r) {
        this.b = b;
        this.p = p;
        this.r = r;
        LocalDate before = LocalDate.of(2025, 1, 2);
        so = reg.first("SO", before, 0).u.code;
        so2 = "000.09.00." + NationalRegistry.suffix(0);
        xaOld = reg.first("XA", before, 0).u.code;
        xaNew = reg.first("XA", NationalRegistry.REFORM, 0).u.code;
        for (int i = 0; i < 3; i++) {
            districts[i] = String.format(java.util.Locale.ROOT, "000.00.%02d.%s", 21 + i, NationalRegistry.suffix(0));
        }
    }

    static int write(StringBuilder b, Province p, NationalRegistry reg, SplittableRandom r) {
        NationalBrokenRecords x = new NationalBrokenRecords(b, p, reg, r);
        x.build();
        return x.count;
    }

    private String xa(LocalDateTime t) {
        return t.toLocalDate().isBefore(NationalRegistry.REFORM) ? xaOld : xaNew;
    }

    private String[] base(String unit, String procedure, LocalDateTime received) {
        Province.Procedure proc = null;
        for (Province.Procedure x : p.procedures) {
            if (x.code.equals(procedure)) {
                proc = x;
            }
        }
        Dossier d = new Dossier();
        seq++;
        d.code = unit + "-" + SampleGenerator.YYMMDD.format(received) + "-" + seq;
        d.unit = unit;
        d.procedure = proc.code;
        d.field = proc.field;
        d.channel = 1;
        d.level = Integer.toString(Math.min(3, proc.mucDo));
        d.applicant = 1;
        d.received = received;
        d.due = p.due(received, proc);
        d.ended = received.plusHours(20);
        d.returned = d.ended.plusHours(2);
        d.status = 10;
        d.synced = "1";
        d.fee = proc.fee;
        d.updated = d.returned;
        d.documents = 1;
        d.person = Names.person(r, 1960 + r.nextInt(40), false);
        return w.cells(d);
    }

    private String[] xaBase(LocalDateTime t) {
        return base(xa(t), "1.001193", t);
    }

    private static int col(String name) {
        for (int i = 0; i < Dossier.COLUMNS.length; i++) {
            if (Dossier.COLUMNS[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private void rec(String[] cells, String... overrides) {
        for (int i = 0; i < overrides.length; i += 2) {
            cells[col(overrides[i])] = overrides[i + 1];
        }
        DossierWriter.row(b, cells);
        count++;
    }

    private static LocalDateTime at(int y, int m, int d, int h) {
        return LocalDateTime.of(y, m, d, h, 15, 0);
    }

    private void build() {
        b.append(DossierWriter.header());
        String sfx = NationalRegistry.suffix(0);
        // MISSING_CODE
        rec(base(so, "1.001234", at(2025, 3, 3, 9)), "MaHoSo", "");
        rec(xaBase(at(2024, 10, 8, 10)), "MaHoSo", "");
        // INVALID_STATUS
        rec(base(so, "1.001234", at(2025, 3, 4, 9)), "TrangThaiHoSo", "0");
        rec(base(so, "1.001234", at(2025, 3, 4, 10)), "TrangThaiHoSo", "11");
        rec(xaBase(at(2025, 3, 5, 9)), "TrangThaiHoSo", "x");
        rec(xaBase(at(2025, 8, 5, 10)), "TrangThaiHoSo", "");
        // INVALID_DATE
        rec(base(so, "1.001234", at(2025, 2, 26, 9)), "NgayTiepNhan", "31/02/2025 08:00:00");
        rec(base(so, "1.001234", at(2025, 2, 26, 10)), "NgayKetThucXuLy", "20251345080000");
        rec(base(so2, "2.001610", at(2025, 2, 27, 9)), "NgayHenTra", "2025-02-30 17:00:00");
        rec(xaBase(at(2025, 8, 27, 10)), "NgayCapNhat", "hôm qua");
        // INVALID_VALUE
        rec(base(so, "1.001234", at(2025, 4, 1, 9)), "KenhThucHien", "9");
        rec(base(so, "1.001234", at(2025, 4, 1, 10)), "DanhGia", "7", "NgayDanhGia", "20250403090000");
        rec(base(so2, "2.001610", at(2025, 4, 2, 9)), "TongPhiLePhi", "-50000");
        rec(base(so2, "2.001610", at(2025, 4, 2, 10)), "DuocThanhToanTrucTuyen", "5");
        rec(xaBase(at(2025, 9, 3, 9)), "LoaiDoiTuong", "8");
        rec(xaBase(at(2025, 4, 3, 10)), "MucDo", "1");
        // UNKNOWN_UNIT
        String[] u1 = base(so, "1.001234", at(2025, 5, 5, 9));
        rec(u1, "MaDonVi", "000.99.00." + sfx, "MaHoSo", u1[0].replace(so, "000.99.00." + sfx));
        String[] u2 = base(so, "1.001234", at(2025, 5, 5, 10));
        rec(u2, "MaDonVi", "000.10.00.H36", "MaHoSo", u2[0].replace(so, "000.10.00.H36"));
        String[] u3 = xaBase(at(2025, 10, 6, 9));
        rec(u3, "MaDonVi", "", "MaHoSo", u3[0].replace(xaNew, "001.00.998." + sfx));
        // UNIT_NOT_VALID_ON_DATE: districts end on 2025-06-30 without a successor
        rec(base(districts[0], "2.000488", at(2025, 7, 1, 9)));
        rec(base(districts[1], "1.003005", at(2025, 8, 5, 10)));
        rec(base(districts[2], "2.000488", at(2025, 11, 20, 14)));
        // MISSING_RECEIPT_DATE
        rec(base(so, "1.001234", at(2025, 6, 2, 9)), "NgayTiepNhan", "", "NgayNopHoSo", "20250602080000",
                "TrangThaiHoSo", "4", "NgayKetThucXuLy", "", "NgayTra", "");
        rec(base(so2, "2.001610", at(2025, 6, 2, 10)), "NgayTiepNhan", "", "NgayNopHoSo", "20250602090000");
        rec(xaBase(at(2025, 6, 3, 9)), "NgayTiepNhan", "", "NgayHenTra", "", "NgayKetThucXuLy", "",
                "NgayTra", "", "TrangThaiHoSo", "2", "NgayCapNhat", "");
        // MISSING_END_DATE
        rec(base(so, "1.001234", at(2025, 9, 8, 9)), "NgayKetThucXuLy", "", "NgayTra", "");
        rec(base(so2, "2.001610", at(2025, 9, 8, 10)), "TrangThaiHoSo", "9", "NgayKetThucXuLy", "", "NgayTra", "");
        rec(xaBase(at(2025, 9, 9, 9)), "TrangThaiHoSo", "8", "NgayKetThucXuLy", "", "NgayTra", "",
                "NgayTuChoi", "");
        // END_BEFORE_RECEIPT
        rec(base(so, "1.001234", at(2025, 10, 6, 9)), "NgayKetThucXuLy", "20251003100000", "NgayTra", "20251003150000");
        rec(base(so2, "2.001610", at(2025, 10, 6, 10)), "TrangThaiHoSo", "9", "NgayKetThucXuLy", "20251006081500",
                "NgayTra", "");
        rec(xaBase(at(2025, 10, 7, 9)), "TrangThaiHoSo", "8", "NgayKetThucXuLy", "",
                "NgayTra", "", "NgayTuChoi", "20251001090000");
        // good records: no MaDonVi (the unit comes from the MaHoSo prefix); a merged commune's code after the merger
        rec(base(so, "1.001234", at(2025, 11, 3, 9)), "MaDonVi", "");
        rec(base(so2, "2.001610", at(2025, 11, 3, 10)), "MaDonVi", "");
        rec(xaBase(at(2025, 11, 4, 9)), "MaDonVi", "");
        rec(xaBase(at(2025, 3, 4, 10)), "MaDonVi", "");
        rec(base(districts[1], "2.000488", at(2025, 3, 12, 9)), "MaDonVi", "");
        rec(base(xaOld, "1.001022", at(2025, 11, 5, 10)));
        // MALFORMED_RECORD, last
        String[] few = base(so, "1.001234", at(2025, 12, 1, 9));
        b.append(few[0]).append(',').append(few[1]).append(',').append(few[2]).append('\n');
        count++;
        List<String> many = new ArrayList<>(List.of(base(so, "1.001234", at(2025, 12, 1, 10))));
        many.add("thừa");
        many.add("thừa nữa");
        DossierWriter.row(b, many.toArray(new String[0]));
        count++;
        String[] afterQuote = xaBase(at(2025, 12, 2, 9));
        afterQuote[col("ChuHoSo")] = "\"" + afterQuote[col("ChuHoSo")] + "\" (chủ hộ)";
        b.append(String.join(",", afterQuote)).append('\n');
        count++;
        String[] open = xaBase(at(2025, 12, 2, 10));
        open[col("ChuHoSo")] = "\"" + open[col("ChuHoSo")] + ",";
        b.append(String.join(",", open)).append('\n');
        count++;
    }

    /** Records the ingest should quarantine (all but the 6 good ones). */
    static final int QUARANTINED = 35;
    static final int GOOD = 6;
}
