package vn.reformindex.generator;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** units.csv, procedures.csv, holidays.csv and manual-scores.csv, for both shapes. */
final class ReferenceFiles {
    static final String[] CRITERIA = {"1.1", "1.2", "1.3", "4.6", "5.2", "5.3"};
    static final int[] CRITERIA_MAX = {6, 4, 2, 2, 6, 6};

    private ReferenceFiles() {
    }

    /**
     * Writes the four reference files: {@code units} in registry order, the catalogue and calendar of
     * {@code p}. The manual score of unit {@code i} in {@code year} draws from
     * {@code SplittableRandom(seed * 7 + year * yearStride + i)}.
     */
    static void write(InputFolder folder, Province p, List<Province.Unit> units, long seed, long yearStride)
            throws IOException {
        folder.csv("units.csv", units(units));
        folder.csv("procedures.csv", procedures(p));
        folder.csv("holidays.csv", holidays(p));
        folder.csv("manual-scores.csv", manualScores(units, seed, yearStride));
    }

    private static String units(List<Province.Unit> units) {
        StringBuilder b = new StringBuilder(units.size() * 100);
        b.append("MaDonVi,TenDonVi,CapDonVi,MaDonViCha,NhomXepHang,HieuLucTu,HieuLucDen,MaDonViKeThua\n");
        for (Province.Unit u : units) {
            DossierWriter.row(b, new String[] {u.code, u.name, u.level, u.parent, u.level, u.validFrom.toString(),
                u.validTo == null ? "" : u.validTo.toString(), u.successor});
        }
        return b.toString();
    }

    private static String procedures(Province p) {
        StringBuilder b = new StringBuilder("MaTTHC,TenTTHC,MaLinhVuc,CapThucHien,MucDo,CoPhiLePhi,YeuCauKetQuaGiayTo,DoiTuongCongDan,ThoiHanGiaiQuyet,DonViTinh\n");
        for (Province.Procedure x : p.procedures) {
            DossierWriter.row(b, new String[] {x.code, x.name, x.field, x.level, Integer.toString(x.mucDo),
                x.fee > 0 ? "1" : "0", Integer.toString(x.resultDocument), Integer.toString(x.citizen),
                Integer.toString(x.limit), x.unit});
        }
        return b.toString();
    }

    private static String holidays(Province p) {
        StringBuilder b = new StringBuilder("Ngay,MoTa\n");
        for (Map.Entry<LocalDate, String> e : p.holidays.entrySet()) {
            DossierWriter.row(b, new String[] {e.getKey().toString(), e.getValue()});
        }
        return b.toString();
    }

    /** Every SO and XA unit valid on 31 December of 2024 and 2025: six criteria each. */
    private static String manualScores(List<Province.Unit> units, long seed, long yearStride) {
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("MaDonVi,KyDanhGia,MaChiSo,Diem,GiaTri,NguonMinhChung\n");
        for (int year = 2024; year <= 2025; year++) {
            LocalDate yearEnd = LocalDate.of(year, 12, 31);
            for (int i = 0; i < units.size(); i++) {
                Province.Unit u = units.get(i);
                if (!(u.level.equals("SO") || u.level.equals("XA"))) {
                    continue;
                }
                if ((u.validTo != null && u.validTo.isBefore(yearEnd)) || u.validFrom.isAfter(yearEnd)) {
                    continue;
                }
                SplittableRandom r = new SplittableRandom(seed * 7 + year * yearStride + i);
                for (int c = 0; c < CRITERIA.length; c++) {
                    // between 40% and 100% of the maximum, in hundredths
                    int hundredths = (int) Math.round(CRITERIA_MAX[c] * 100 * (0.4 + 0.6 * r.nextDouble()));
                    String issuer = u.level.equals("SO") ? (c == 3 ? "STP" : "SNV") : "UBND";
                    String kind = CRITERIA[c].startsWith("5.") ? "KQ" : "BC";
                    // no cell needs quoting: codes, numbers and the evidence text have no comma or quote
                    b.append(u.code).append(',').append(year).append(',').append(CRITERIA[c])
                            .append(',').append(hundredths / 100).append('.')
                            .append((char) ('0' + hundredths % 100 / 10)).append((char) ('0' + hundredths % 10))
                            .append(",,").append(kind.equals("KQ") ? "Kết quả khảo sát số " : "Báo cáo số ")
                            .append(10 + r.nextInt(390)).append('/').append(kind).append('-').append(issuer)
                            .append(" năm ").append(year).append('\n');
                }
            }
        }
        return b.toString();
    }
}
