package vn.reformindex.generator;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * dossiers/broken-records.csv: records with exactly one intended defect each, covering every quarantine
 * reason (first applicable wins, in the order of definitions.md), a few good records whose unit comes
 * from the MaHoSo prefix, and the malformed lines last (the unterminated quote at the very end).
 */
final class BrokenRecords {
    static final String FILE = "dossiers/broken-records.csv";

    private static final String SO = "000.01.00.H99";
    private static final String SO2 = "000.09.00.H99";
    private static final String XA = "000.21.01.H99";

    private final Province p;
    private final SplittableRandom r;
    private final DossierWriter w = new DossierWriter(DossierWriter.COMPACT, false);
    private final StringBuilder b = new StringBuilder();
    private int seq = 900_000;
    private int count;

    private BrokenRecords(Province p, SplittableRandom r) {
        this.p = p;
        this.r = r;
    }

    static int write(Consumer<String> sink, Province p, SplittableRandom r) {
        BrokenRecords x = new BrokenRecords(p, r);
        x.build();
        sink.accept(x.b.toString());
        return x.count;
    }

    /** A correct resolved dossier (status 10) as cells. */
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

    private static int col(String name) {
        for (int i = 0; i < Dossier.COLUMNS.length; i++) {
            if (Dossier.COLUMNS[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** Writes base cells with overrides given as column, value pairs. */
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
        // MISSING_CODE
        rec(base(SO, "1.001234", at(2025, 3, 3, 9)), "MaHoSo", "");
        rec(base(XA, "1.001193", at(2024, 10, 8, 10)), "MaHoSo", "");
        // INVALID_STATUS
        rec(base(SO, "1.001234", at(2025, 3, 4, 9)), "TrangThaiHoSo", "0");
        rec(base(SO, "1.001234", at(2025, 3, 4, 10)), "TrangThaiHoSo", "11");
        rec(base(XA, "1.001193", at(2025, 3, 5, 9)), "TrangThaiHoSo", "x");
        rec(base(XA, "1.001193", at(2025, 3, 5, 10)), "TrangThaiHoSo", "");
        // INVALID_DATE
        rec(base(SO, "1.001234", at(2025, 2, 26, 9)), "NgayTiepNhan", "31/02/2025 08:00:00");
        rec(base(SO, "1.001234", at(2025, 2, 26, 10)), "NgayKetThucXuLy", "20251345080000");
        rec(base(SO2, "2.001610", at(2025, 2, 27, 9)), "NgayHenTra", "2025-02-30 17:00:00");
        rec(base(XA, "1.001193", at(2025, 2, 27, 10)), "NgayCapNhat", "hôm qua");
        // INVALID_VALUE
        rec(base(SO, "1.001234", at(2025, 4, 1, 9)), "KenhThucHien", "9");
        rec(base(SO, "1.001234", at(2025, 4, 1, 10)), "DanhGia", "7", "NgayDanhGia", "20250403090000");
        rec(base(SO2, "2.001610", at(2025, 4, 2, 9)), "TongPhiLePhi", "-50000");
        rec(base(SO2, "2.001610", at(2025, 4, 2, 10)), "DuocThanhToanTrucTuyen", "5");
        rec(base(XA, "1.001193", at(2025, 4, 3, 9)), "LoaiDoiTuong", "8");
        rec(base(XA, "1.001193", at(2025, 4, 3, 10)), "MucDo", "1");
        // UNKNOWN_UNIT
        String[] u1 = base(SO, "1.001234", at(2025, 5, 5, 9));
        rec(u1, "MaDonVi", "000.99.00.H99", "MaHoSo", u1[0].replace(SO, "000.99.00.H99"));
        String[] u2 = base(SO, "1.001234", at(2025, 5, 5, 10));
        rec(u2, "MaDonVi", "000.10.00.H36", "MaHoSo", u2[0].replace(SO, "000.10.00.H36"));
        String[] u3 = base(XA, "1.001193", at(2025, 5, 6, 9));
        rec(u3, "MaDonVi", "", "MaHoSo", u3[0].replace(XA, "000.21.98.H99"));
        // UNIT_NOT_VALID_ON_DATE: districts end on 2025-06-30 without a successor
        rec(base("000.00.21.H99", "2.000488", at(2025, 7, 1, 9)));
        rec(base("000.00.22.H99", "1.003005", at(2025, 8, 5, 10)));
        rec(base("000.00.23.H99", "2.000488", at(2025, 11, 20, 14)));
        // MISSING_RECEIPT_DATE
        rec(base(SO, "1.001234", at(2025, 6, 2, 9)), "NgayTiepNhan", "", "NgayNopHoSo", "20250602080000",
                "TrangThaiHoSo", "4", "NgayKetThucXuLy", "", "NgayTra", "");
        rec(base(SO2, "2.001610", at(2025, 6, 2, 10)), "NgayTiepNhan", "", "NgayNopHoSo", "20250602090000");
        rec(base(XA, "1.001193", at(2025, 6, 3, 9)), "NgayTiepNhan", "", "NgayHenTra", "", "NgayKetThucXuLy", "",
                "NgayTra", "", "TrangThaiHoSo", "2", "NgayCapNhat", "");
        // MISSING_END_DATE
        rec(base(SO, "1.001234", at(2025, 9, 8, 9)), "NgayKetThucXuLy", "", "NgayTra", "");
        rec(base(SO2, "2.001610", at(2025, 9, 8, 10)), "TrangThaiHoSo", "9", "NgayKetThucXuLy", "", "NgayTra", "");
        rec(base(XA, "1.001193", at(2025, 9, 9, 9)), "TrangThaiHoSo", "8", "NgayKetThucXuLy", "", "NgayTra", "",
                "NgayTuChoi", "");
        // END_BEFORE_RECEIPT
        rec(base(SO, "1.001234", at(2025, 10, 6, 9)), "NgayKetThucXuLy", "20251003100000", "NgayTra", "20251003150000");
        rec(base(SO2, "2.001610", at(2025, 10, 6, 10)), "TrangThaiHoSo", "9", "NgayKetThucXuLy", "20251006081500",
                "NgayTra", "");
        rec(base(XA, "1.001193", at(2025, 10, 7, 9)), "TrangThaiHoSo", "8", "NgayKetThucXuLy", "",
                "NgayTra", "", "NgayTuChoi", "20251001090000");
        // good records: no MaDonVi, the unit comes from the MaHoSo prefix
        rec(base(SO, "1.001234", at(2025, 11, 3, 9)), "MaDonVi", "");
        rec(base(SO2, "2.001610", at(2025, 11, 3, 10)), "MaDonVi", "");
        rec(base(XA, "1.001193", at(2025, 11, 4, 9)), "MaDonVi", "");
        rec(base("000.22.03.H99", "1.001022", at(2025, 11, 4, 10)), "MaDonVi", "");
        rec(base("000.00.22.H99", "2.000488", at(2025, 3, 12, 9)), "MaDonVi", "");
        // MALFORMED_RECORD, last: too few fields, too many fields, text after a closing quote, unterminated quote
        String[] few = base(SO, "1.001234", at(2025, 12, 1, 9));
        b.append(few[0]).append(',').append(few[1]).append(',').append(few[2]).append('\n');
        count++;
        List<String> many = new ArrayList<>(List.of(base(SO, "1.001234", at(2025, 12, 1, 10))));
        many.add("thừa");
        many.add("thừa nữa");
        DossierWriter.row(b, many.toArray(new String[0]));
        count++;
        String[] afterQuote = base(XA, "1.001193", at(2025, 12, 2, 9));
        afterQuote[col("ChuHoSo")] = "\"" + afterQuote[col("ChuHoSo")] + "\" (chủ hộ)";
        b.append(String.join(",", afterQuote)).append('\n');
        count++;
        String[] open = base(XA, "1.001193", at(2025, 12, 2, 10));
        open[col("ChuHoSo")] = "\"" + open[col("ChuHoSo")] + ",";
        b.append(String.join(",", open)).append('\n');
        count++;
    }
}
