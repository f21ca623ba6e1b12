package vn.reformindex.generator;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * dossiers/broken-records.csv, in both shapes: records with exactly one intended defect each, covering every
 * quarantine reason (first applicable wins, in the order of docs/reason-codes.md), a few good records whose
 * unit comes from the MaHoSo prefix, and the malformed lines last (the unterminated quote at the very end).
 * What differs between the shapes (the units, and the national shape's commune reform) is a {@link Shape}.
 * Each record's intended fate is counted into {@link GeneratedFiles#brokenQuarantined} and
 * {@link GeneratedFiles#brokenAccepted}.
 */
final class BrokenRecords {
    static final String FILE = "dossiers/broken-records.csv";
    /** A unit of another province, unknown to the registry in both shapes. */
    private static final String FOREIGN_DEPARTMENT = "000.10.00.H36";
    private static final String DEPARTMENT_PROCEDURE = "1.001234";
    private static final String CENTRE_PROCEDURE = "2.001610";
    private static final String COMMUNE_PROCEDURE = "1.001193";

    /** A record's unit, procedure and receipt time. */
    static final class Base {
        final String unit;
        final String procedure;
        final LocalDateTime received;

        Base(String unit, String procedure, LocalDateTime received) {
            this.unit = unit;
            this.procedure = procedure;
            this.received = received;
        }
    }

    /** What differs between the shapes. */
    static final class Shape {
        /** Code suffix of the province the records belong to (H99, A01). */
        final String province;
        /** A department. */
        final String department;
        /** The province's public service centre (a second department). */
        final String centre;
        /** A commune; with a reform, the one valid before it. */
        final String commune;
        /** The commune valid from the reform on; null without a reform. */
        final String newCommune;
        /** The day communes were merged (new communes valid from it); null: no reform in this shape. */
        final LocalDate reform;
        /** A code with the shape of a commune code that the registry does not know. */
        final String unknownCommune;
        /** Another commune's good record without MaDonVi. */
        final Base secondCommune;
        /** A good record sent under a merged commune's code after the merger; null: none. */
        final Base mergedAfterMerger;

        Shape(String province, String department, String commune, String newCommune, LocalDate reform,
                String unknownCommune, Base secondCommune, Base mergedAfterMerger) {
            this.province = province;
            this.department = department;
            this.centre = "000.09.00." + province;
            this.commune = commune;
            this.newCommune = newCommune;
            this.reform = reform;
            this.unknownCommune = unknownCommune;
            this.secondCommune = secondCommune;
            this.mergedAfterMerger = mergedAfterMerger;
        }

        /** The sample province H99 (40 records, 5 of them good). */
        static Shape sample() {
            return new Shape("H99", "000.01.00.H99", "000.21.01.H99", null, null, "000.21.98.H99",
                    new Base(Province.VIET_LAM, "1.001022", at(2025, 11, 4, 10)), null);
        }

        /**
         * The national shape (41 records, 6 good): units of Thành phố Hà Nội (A01), its first pre-2025
         * commune before 2025-07-01 and its first new commune after.
         */
        static Shape national(NationalRegistry reg) {
            LocalDate before = LocalDate.of(2025, 1, 2);
            String oldCommune = reg.first("XA", before, 0).u.code;
            String sfx = NationalRegistry.suffix(0);
            return new Shape(sfx, reg.first("SO", before, 0).u.code, oldCommune,
                    reg.first("XA", NationalRegistry.REFORM, 0).u.code, NationalRegistry.REFORM, "001.00.998." + sfx,
                    new Base(oldCommune, COMMUNE_PROCEDURE, at(2025, 3, 4, 10)),
                    new Base(oldCommune, "1.001022", at(2025, 11, 5, 10)));
        }

        /** The first three districts, ended on 2025-06-30 without a successor. */
        String district(int i) {
            return String.format(Locale.ROOT, "000.00.%02d.%s", 21 + i, province);
        }

        String communeOn(LocalDateTime t) {
            return reform != null && !t.toLocalDate().isBefore(reform) ? newCommune : commune;
        }
    }

    private final Province p;
    private final Shape shape;
    private final SplittableRandom r;
    private final DossierWriter w = new DossierWriter(DossierWriter.COMPACT, false);
    private final StringBuilder b = new StringBuilder();
    private final GeneratedFiles result;
    private int seq = 900_000;
    private int count;

    private BrokenRecords(Province p, Shape shape, SplittableRandom r, GeneratedFiles result) {
        this.p = p;
        this.shape = shape;
        this.r = r;
        this.result = result;
    }

    /** Writes the file into the folder and records the intended fates; returns the number of records. */
    static int write(InputFolder folder, Province p, Shape shape, SplittableRandom r) throws IOException {
        BrokenRecords x = new BrokenRecords(p, shape, r, folder.result);
        x.build();
        folder.write(FILE, x.b.toString(), x.count);
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

    private String[] base(Base x) {
        return base(x.unit, x.procedure, x.received);
    }

    private String[] department(LocalDateTime t) {
        return base(shape.department, DEPARTMENT_PROCEDURE, t);
    }

    private String[] centre(LocalDateTime t) {
        return base(shape.centre, CENTRE_PROCEDURE, t);
    }

    private String[] commune(LocalDateTime t) {
        return base(shape.communeOn(t), COMMUNE_PROCEDURE, t);
    }

    /** A commune record at {@code t}; with a commune reform at {@code afterReform}, so new communes are covered too. */
    private String[] commune(LocalDateTime t, LocalDateTime afterReform) {
        return commune(shape.reform == null ? t : afterReform);
    }

    private static int col(String name) {
        for (int i = 0; i < Dossier.COLUMNS.length; i++) {
            if (Dossier.COLUMNS[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** Writes base cells with overrides given as column, value pairs; {@code reason} null: a good record. */
    private void rec(String reason, String[] cells, String... overrides) {
        for (int i = 0; i < overrides.length; i += 2) {
            cells[col(overrides[i])] = overrides[i + 1];
        }
        DossierWriter.row(b, cells);
        counted(reason);
    }

    private void counted(String reason) {
        count++;
        if (reason == null) {
            result.brokenAccepted++;
        } else {
            result.brokenQuarantined.merge(reason, 1, Integer::sum);
        }
    }

    private static LocalDateTime at(int y, int m, int d, int h) {
        return LocalDateTime.of(y, m, d, h, 15, 0);
    }

    private void build() {
        b.append(DossierWriter.header());
        String missingCode = "MISSING_CODE";
        rec(missingCode, department(at(2025, 3, 3, 9)), "MaHoSo", "");
        rec(missingCode, commune(at(2024, 10, 8, 10)), "MaHoSo", "");
        String invalidStatus = "INVALID_STATUS";
        rec(invalidStatus, department(at(2025, 3, 4, 9)), "TrangThaiHoSo", "0");
        rec(invalidStatus, department(at(2025, 3, 4, 10)), "TrangThaiHoSo", "11");
        rec(invalidStatus, commune(at(2025, 3, 5, 9)), "TrangThaiHoSo", "x");
        rec(invalidStatus, commune(at(2025, 3, 5, 10), at(2025, 8, 5, 10)), "TrangThaiHoSo", "");
        String invalidDate = "INVALID_DATE";
        rec(invalidDate, department(at(2025, 2, 26, 9)), "NgayTiepNhan", "31/02/2025 08:00:00");
        rec(invalidDate, department(at(2025, 2, 26, 10)), "NgayKetThucXuLy", "20251345080000");
        rec(invalidDate, centre(at(2025, 2, 27, 9)), "NgayHenTra", "2025-02-30 17:00:00");
        rec(invalidDate, commune(at(2025, 2, 27, 10), at(2025, 8, 27, 10)), "NgayCapNhat", "hôm qua");
        String invalidValue = "INVALID_VALUE";
        rec(invalidValue, department(at(2025, 4, 1, 9)), "KenhThucHien", "9");
        rec(invalidValue, department(at(2025, 4, 1, 10)), "DanhGia", "7", "NgayDanhGia", "20250403090000");
        rec(invalidValue, centre(at(2025, 4, 2, 9)), "TongPhiLePhi", "-50000");
        rec(invalidValue, centre(at(2025, 4, 2, 10)), "DuocThanhToanTrucTuyen", "5");
        rec(invalidValue, commune(at(2025, 4, 3, 9), at(2025, 9, 3, 9)), "LoaiDoiTuong", "8");
        rec(invalidValue, commune(at(2025, 4, 3, 10)), "MucDo", "1");
        String unknownUnit = "UNKNOWN_UNIT";
        String[] u1 = department(at(2025, 5, 5, 9));
        String unknownDepartment = "000.99.00." + shape.province;
        rec(unknownUnit, u1, "MaDonVi", unknownDepartment, "MaHoSo", u1[0].replace(shape.department, unknownDepartment));
        String[] u2 = department(at(2025, 5, 5, 10));
        rec(unknownUnit, u2, "MaDonVi", FOREIGN_DEPARTMENT, "MaHoSo", u2[0].replace(shape.department, FOREIGN_DEPARTMENT));
        String[] u3 = commune(at(2025, 5, 6, 9), at(2025, 10, 6, 9));
        rec(unknownUnit, u3, "MaDonVi", "", "MaHoSo", u3[0].replace(u3[col("MaDonVi")], shape.unknownCommune));
        // districts end on 2025-06-30 without a successor
        String notValid = "UNIT_NOT_VALID_ON_DATE";
        rec(notValid, base(shape.district(0), "2.000488", at(2025, 7, 1, 9)));
        rec(notValid, base(shape.district(1), "1.003005", at(2025, 8, 5, 10)));
        rec(notValid, base(shape.district(2), "2.000488", at(2025, 11, 20, 14)));
        String missingReceipt = "MISSING_RECEIPT_DATE";
        rec(missingReceipt, department(at(2025, 6, 2, 9)), "NgayTiepNhan", "", "NgayNopHoSo", "20250602080000",
                "TrangThaiHoSo", "4", "NgayKetThucXuLy", "", "NgayTra", "");
        rec(missingReceipt, centre(at(2025, 6, 2, 10)), "NgayTiepNhan", "", "NgayNopHoSo", "20250602090000");
        rec(missingReceipt, commune(at(2025, 6, 3, 9)), "NgayTiepNhan", "", "NgayHenTra", "", "NgayKetThucXuLy", "",
                "NgayTra", "", "TrangThaiHoSo", "2", "NgayCapNhat", "");
        String missingEnd = "MISSING_END_DATE";
        rec(missingEnd, department(at(2025, 9, 8, 9)), "NgayKetThucXuLy", "", "NgayTra", "");
        rec(missingEnd, centre(at(2025, 9, 8, 10)), "TrangThaiHoSo", "9", "NgayKetThucXuLy", "", "NgayTra", "");
        rec(missingEnd, commune(at(2025, 9, 9, 9)), "TrangThaiHoSo", "8", "NgayKetThucXuLy", "", "NgayTra", "",
                "NgayTuChoi", "");
        String endBeforeReceipt = "END_BEFORE_RECEIPT";
        rec(endBeforeReceipt, department(at(2025, 10, 6, 9)), "NgayKetThucXuLy", "20251003100000",
                "NgayTra", "20251003150000");
        rec(endBeforeReceipt, centre(at(2025, 10, 6, 10)), "TrangThaiHoSo", "9", "NgayKetThucXuLy", "20251006081500",
                "NgayTra", "");
        rec(endBeforeReceipt, commune(at(2025, 10, 7, 9)), "TrangThaiHoSo", "8", "NgayKetThucXuLy", "",
                "NgayTra", "", "NgayTuChoi", "20251001090000");
        // good records: no MaDonVi, the unit comes from the MaHoSo prefix
        rec(null, department(at(2025, 11, 3, 9)), "MaDonVi", "");
        rec(null, centre(at(2025, 11, 3, 10)), "MaDonVi", "");
        rec(null, commune(at(2025, 11, 4, 9)), "MaDonVi", "");
        rec(null, base(shape.secondCommune), "MaDonVi", "");
        rec(null, base(shape.district(1), "2.000488", at(2025, 3, 12, 9)), "MaDonVi", "");
        if (shape.mergedAfterMerger != null) {
            rec(null, base(shape.mergedAfterMerger)); // attributed to the merged commune's successor
        }
        // MALFORMED_RECORD, last: too few fields, too many fields, text after a closing quote, unterminated quote
        String malformed = "MALFORMED_RECORD";
        String[] few = department(at(2025, 12, 1, 9));
        b.append(few[0]).append(',').append(few[1]).append(',').append(few[2]).append('\n');
        counted(malformed);
        List<String> many = new ArrayList<>(List.of(department(at(2025, 12, 1, 10))));
        many.add("thừa");
        many.add("thừa nữa");
        DossierWriter.row(b, many.toArray(new String[0]));
        counted(malformed);
        String[] afterQuote = commune(at(2025, 12, 2, 9));
        afterQuote[col("ChuHoSo")] = "\"" + afterQuote[col("ChuHoSo")] + "\" (chủ hộ)";
        b.append(String.join(",", afterQuote)).append('\n');
        counted(malformed);
        String[] open = commune(at(2025, 12, 2, 10));
        open[col("ChuHoSo")] = "\"" + open[col("ChuHoSo")] + ",";
        b.append(String.join(",", open)).append('\n');
        counted(malformed);
    }
}
