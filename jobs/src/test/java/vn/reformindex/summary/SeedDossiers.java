package vn.reformindex.summary;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes dossier lines for the seed tests: each call adds {@code n} dossiers of one shape, spread over
 * the days of a date range, so a test states its composition as a short list of counts.
 */
final class SeedDossiers {
    static final String HEADER = "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayNopHoSo,NgayTiepNhan,NgayHenTra,"
            + "NgayKetThucXuLy,NgayTuChoi,TrangThaiHoSo,CoPhieuXinLoi,DanhGia,NgayDanhGia,NgayCapNhat\n";
    private static final DateTimeFormatter F = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    private final StringBuilder csv = new StringBuilder(HEADER);
    private final String[] units;
    private int seq;

    /** Dossiers of these units, assigned in turn. */
    SeedDossiers(String... units) {
        this.units = units;
    }

    /** Shape of one dossier: dates relative to its receipt at 08:00. */
    static final class Shape {
        int status = 10;
        int channel = 1;
        int dueDays = 5;
        /** End of processing: receipt day + endDays at endTime; null = no end. */
        Integer endDays;
        String endTime = "10:00:00";
        Integer rating;
        boolean apology;
        String updated; // NgayCapNhat override
        String code;    // MaHoSo override

        Shape status(int s) { status = s; return this; }
        Shape channel(int c) { channel = c; return this; }
        Shape due(int d) { dueDays = d; return this; }
        Shape end(int d) { endDays = d; return this; }
        Shape end(int d, String time) { endDays = d; endTime = time; return this; }
        Shape rating(int r) { rating = r; return this; }
        Shape apology() { apology = true; return this; }
        Shape updated(String u) { updated = u; return this; }
        Shape code(String c) { code = c; return this; }
    }

    static Shape shape() {
        return new Shape();
    }

    /** n dossiers of this shape received over the days of [from, to], cycling. */
    SeedDossiers add(int n, LocalDate from, LocalDate to, Shape s) {
        int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        for (int i = 0; i < n; i++) {
            add(from.plusDays(i % days), s);
        }
        return this;
    }

    /** One dossier received on {@code day}. */
    SeedDossiers add(LocalDate day, Shape s) {
        LocalDateTime received = day.atTime(8, 0);
        String unit = units[seq % units.length];
        String code = s.code != null ? s.code : unit + "-S" + seq;
        seq++;
        LocalDateTime due = day.plusDays(s.dueDays).atTime(17, 0);
        LocalDateTime end = s.endDays == null ? null
                : LocalDateTime.parse(day.plusDays(s.endDays) + "T" + s.endTime);
        boolean refused = s.status == 3;
        boolean registered = s.status == 1;
        String updated = s.updated != null ? s.updated : F.format(end != null ? end : received);
        csv.append(code).append(',').append(unit).append(",1.000001,").append(s.channel).append(',')
                .append(F.format(received.minusHours(1))).append(',')
                .append(refused || registered ? "" : F.format(received)).append(',')
                .append(refused || registered ? "" : F.format(due)).append(',')
                .append(end == null || refused ? "" : F.format(end)).append(',')
                .append(refused ? F.format(received) : "").append(',')
                .append(s.status).append(',')
                .append(s.apology ? "1" : "0").append(',')
                .append(s.rating == null ? "" : s.rating).append(',')
                .append(s.rating == null || end == null ? "" : F.format(end.plusHours(2))).append(',')
                .append(updated).append('\n');
        return this;
    }

    String csv() {
        return csv.toString();
    }
}
