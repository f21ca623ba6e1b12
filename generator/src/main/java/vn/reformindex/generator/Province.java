package vn.reformindex.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The fixed reference data of the synthetic province H99: units, procedures, holidays, per-unit model. */
final class Province {
    static final String PROVINCE = "000.00.00.H99";
    static final LocalDate START = LocalDate.of(2024, 1, 1);
    static final LocalDate END_DATE = LocalDate.of(2025, 12, 31);
    static final LocalDateTime CUT_OFF = LocalDateTime.of(2025, 12, 31, 23, 59, 0);
    static final LocalDate DISTRICT_END = LocalDate.of(2025, 6, 30);
    static final LocalDate UNIT_START = LocalDate.of(2015, 1, 1);

    /** One unit of the registry and its dossier model. */
    static final class Unit {
        final String code;
        final String name;
        final String level; // TINH, SO, HUYEN, XA
        final String parent;
        final LocalDate validFrom;
        final LocalDate validTo; // null = open
        final String successor;
        final double weight; // relative yearly dossier volume
        final int onlinePct; // share of dossiers submitted online, percent
        final double latePct; // planned share of dossiers processed after the due date, percent
        final int deptIndex; // for SO: which procedures it handles

        Unit(String code, String name, String level, String parent, LocalDate validTo, String successor,
                double weight, int onlinePct, double latePct, int deptIndex) {
            this(code, name, level, parent, UNIT_START, validTo, successor, weight, onlinePct, latePct, deptIndex);
        }

        Unit(String code, String name, String level, String parent, LocalDate validFrom, LocalDate validTo,
                String successor, double weight, int onlinePct, double latePct, int deptIndex) {
            this.code = code;
            this.name = name;
            this.level = level;
            this.parent = parent;
            this.validFrom = validFrom;
            this.validTo = validTo;
            this.successor = successor;
            this.weight = weight;
            this.onlinePct = onlinePct;
            this.latePct = latePct;
            this.deptIndex = deptIndex;
        }

        LocalDate lastDossierDay() {
            return validTo == null ? END_DATE : validTo;
        }
    }

    /** One procedure of the catalogue. */
    static final class Procedure {
        final String code;
        final String name;
        final String field;
        final String level;
        final int mucDo;
        final long fee; // 0 = no fee
        final int resultDocument;
        final int citizen;
        final int limit;
        final String unit;
        final int dept; // for TINH: owning department index

        Procedure(String code, String name, String field, String level, int mucDo, long fee, int resultDocument,
                int citizen, int limit, String unit, int dept) {
            this.code = code;
            this.name = name;
            this.field = field;
            this.level = level;
            this.mucDo = mucDo;
            this.fee = fee;
            this.resultDocument = resultDocument;
            this.citizen = citizen;
            this.limit = limit;
            this.unit = unit;
            this.dept = dept;
        }
    }

    static final String WD = "ngày làm việc";
    static final String CD = "ngày";
    static final String HR = "giờ";

    static final String DAO_DUC = "000.22.02.H99";
    static final String VIET_LAM = "000.22.03.H99";
    static final String TUNG_BA = "000.22.05.H99";
    static final String VO_DIEM = "000.23.08.H99";

    final List<Unit> units = new ArrayList<>();
    final List<Procedure> procedures = new ArrayList<>();
    final Map<LocalDate, String> holidays = new TreeMap<>();

    Province() {
        units.add(new Unit(PROVINCE, "Tỉnh Hà Giang Mẫu", "TINH", "", null, "", 0, 0, 0, -1));
        String[] so = {"Sở Tư pháp", "Sở Xây dựng", "Sở Tài chính", "Sở Y tế", "Sở Giáo dục và Đào tạo",
            "Sở Nông nghiệp và Môi trường", "Sở Công Thương", "Sở Nội vụ", "Trung tâm Phục vụ hành chính công tỉnh"};
        double[] soWeight = {2.2, 1.3, 0.7, 1.1, 0.8, 1.6, 0.9, 0.5, 3.0};
        int[] soOnline = {65, 40, 70, 35, 55, 20, 60, 45, 50};
        double[] soLate = {0.0, 4.5, 1.0, 2.0, 0.0, 6.5, 1.5, 1.0, 2.0};
        for (int i = 0; i < so.length; i++) {
            units.add(new Unit(String.format(java.util.Locale.ROOT, "000.%02d.00.H99", i + 1), so[i], "SO", PROVINCE,
                    null, "", soWeight[i], soOnline[i], soLate[i], i));
        }
        String[] huyen = {"Thành phố Hà Giang", "Huyện Vị Xuyên", "Huyện Bắc Quang"};
        int[] huyenOnline = {30, 15, 10};
        double[] huyenLate = {1.5, 4.0, 6.0};
        for (int i = 0; i < huyen.length; i++) {
            units.add(new Unit("000.00." + (21 + i) + ".H99", huyen[i], "HUYEN", PROVINCE, DISTRICT_END, "",
                    3.0, huyenOnline[i], huyenLate[i], -1));
        }
        String[][] xa = {
            {"Phường Minh Khai", "Phường Trần Phú", "Phường Nguyễn Trãi", "Phường Quang Trung", "Phường Ngọc Hà",
                "Xã Phương Thiện", "Xã Phương Độ", "Xã Ngọc Đường"},
            {"Thị trấn Vị Xuyên", "Xã Đạo Đức", "Xã Việt Lâm", "Xã Thanh Thủy", "Xã Tùng Bá", "Xã Phú Linh",
                "Xã Linh Hồ", "Xã Trung Thành"},
            {"Thị trấn Việt Quang", "Thị trấn Vĩnh Tuy", "Xã Hùng An", "Xã Tân Quang", "Xã Đông Thành",
                "Xã Kim Ngọc", "Xã Quang Minh", "Xã Vô Điếm"}};
        double[][] xaWeight = {{1.6, 1.4, 1.3, 1.2, 1.0, 0.7, 0.8, 0.6}, {1.2, 0.9, 0.8, 0.9, 0.9, 0.7, 0.6, 0.6},
            {1.3, 1.0, 0.8, 0.7, 0.6, 0.7, 0.6, 0.0}};
        int[][] xaOnline = {{70, 62, 55, 48, 40, 25, 20, 12}, {35, 10, 28, 8, 5, 18, 3, 0}, {30, 22, 15, 9, 6, 4, 2, 0}};
        double[][] xaLate = {{0.0, 0.5, 1.0, 1.0, 1.5, 2.0, 3.0, 4.0}, {0.5, 3.5, 1.5, 2.5, 3.0, 2.0, 2.5, 3.5},
            {0.0, 1.0, 2.0, 3.0, 4.0, 3.5, 3.0, 0.0}};
        for (int d = 0; d < 3; d++) {
            String parent = "000.00." + (21 + d) + ".H99";
            for (int c = 0; c < 8; c++) {
                String code = "000." + (21 + d) + ".0" + (c + 1) + ".H99";
                boolean merged = code.equals(DAO_DUC);
                units.add(new Unit(code, xa[d][c], "XA", parent, merged ? DISTRICT_END : null,
                        merged ? VIET_LAM : "", xaWeight[d][c], xaOnline[d][c], xaLate[d][c], -1));
            }
        }

        // code, name, field, level, mucDo, fee, result document, citizen, limit, unit, department
        p("1.001234", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam", "LLTP", "TINH", 4, 200000, 1, 1, 10, WD, 0);
        p("1.001256", "Đăng ký hoạt động của Văn phòng công chứng", "CC", "TINH", 3, 1000000, 1, 0, 10, WD, 0);
        p("1.002011", "Thủ tục nhập quốc tịch Việt Nam", "QT", "TINH", 2, 3000000, 1, 1, 20, WD, 0);
        p("1.009972", "Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II", "XD", "TINH", 3, 150000, 1, 0, 20, CD, 1);
        p("1.009974", "Cấp giấy phép xây dựng sửa chữa, cải tạo công trình", "XD", "TINH", 3, 150000, 1, 0, 20, WD, 1);
        p("1.009980", "Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III", "XD", "TINH", 4, 300000, 1, 1, 20, WD, 1);
        p("2.002154", "Đăng ký mã số đơn vị có quan hệ với ngân sách", "TC", "TINH", 4, 0, 1, 0, 2, WD, 2);
        p("1.005432", "Thẩm tra quyết toán dự án hoàn thành", "TC", "TINH", 2, 500000, 1, 0, 20, WD, 2);
        p("1.012270", "Cấp giấy phép hành nghề khám bệnh, chữa bệnh", "YT", "TINH", 3, 360000, 1, 1, 20, WD, 3);
        p("1.002467", "Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược", "YT", "TINH", 3, 1500000, 1, 0, 20, CD, 3);
        p("1.004229", "Cấp giấy xác nhận nội dung quảng cáo thực phẩm", "YT", "TINH", 4, 1100000, 1, 0, 10, WD, 3);
        p("1.005090", "Công nhận văn bằng tốt nghiệp do cơ sở giáo dục nước ngoài cấp", "GD", "TINH", 4, 0, 1, 1, 20, WD, 4);
        p("1.005092", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "GD", "TINH", 4, 0, 1, 1, 1, WD, 4);
        p("1.000778", "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "DD", "TINH", 3, 50000, 1, 1, 10, WD, 5);
        p("1.004227", "Cấp giấy phép môi trường", "MT", "TINH", 3, 2000000, 1, 0, 20, CD, 5);
        p("1.003605", "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông, lâm, thủy sản", "NN", "TINH", 3, 700000, 1, 0, 15, WD, 5);
        p("2.000633", "Cấp Giấy phép bán lẻ sản phẩm rượu", "CT", "TINH", 4, 1200000, 1, 0, 10, WD, 6);
        p("2.000190", "Cấp Giấy chứng nhận xuất xứ hàng hóa (C/O)", "CT", "TINH", 4, 0, 1, 0, 8, HR, 6);
        p("1.001612", "Thành lập hội", "NV", "TINH", 3, 0, 1, 0, 20, WD, 7);
        p("1.005384", "Thi tuyển công chức", "NV", "TINH", 2, 0, 0, 1, 15, WD, 7);
        p("2.001610", "Đăng ký thành lập doanh nghiệp tư nhân", "KD", "TINH", 4, 50000, 1, 0, 3, WD, 8);
        p("2.001199", "Đăng ký thay đổi nội dung đăng ký doanh nghiệp", "KD", "TINH", 4, 50000, 1, 0, 3, WD, 8);

        p("2.000488", "Cấp Giấy chứng nhận đăng ký hộ kinh doanh", "KD", "HUYEN", 4, 100000, 1, 1, 3, WD, -1);
        p("1.001045", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "XD", "HUYEN", 3, 75000, 1, 1, 15, CD, -1);
        p("1.004199", "Đăng ký kết hôn có yếu tố nước ngoài", "HT", "HUYEN", 3, 1500000, 1, 1, 10, WD, -1);
        p("1.003005", "Đăng ký khai sinh có yếu tố nước ngoài", "HT", "HUYEN", 3, 75000, 1, 1, 3, WD, -1);
        p("1.004427", "Cấp Giấy chứng nhận quyền sử dụng đất lần đầu", "DD", "HUYEN", 2, 100000, 1, 1, 20, WD, -1);
        p("1.000094", "Cấp Giấy phép bán lẻ sản phẩm thuốc lá", "CT", "HUYEN", 3, 200000, 1, 0, 10, WD, -1);
        p("2.001955", "Công nhận trường tiểu học đạt chuẩn quốc gia", "GD", "HUYEN", 2, 0, 1, 0, 20, WD, -1);
        p("1.001029", "Cấp Giấy phép kinh doanh dịch vụ karaoke", "VH", "HUYEN", 3, 2000000, 1, 0, 5, WD, -1);
        p("1.008901", "Trợ cấp xã hội hàng tháng đối với đối tượng bảo trợ xã hội", "BTXH", "HUYEN", 3, 0, 1, 1, 7, WD, -1);

        p("1.001193", "Đăng ký khai sinh", "HT", "XA", 4, 0, 1, 1, 1, WD, -1);
        p("1.000894", "Đăng ký kết hôn", "HT", "XA", 4, 0, 1, 1, 3, WD, -1);
        p("1.001022", "Đăng ký khai tử", "HT", "XA", 4, 0, 1, 1, 1, WD, -1);
        p("1.004884", "Cấp bản sao trích lục hộ tịch", "HT", "XA", 4, 8000, 1, 1, 4, HR, -1);
        p("1.001695", "Cấp Giấy xác nhận tình trạng hôn nhân", "HT", "XA", 4, 15000, 1, 1, 3, WD, -1);
        p("1.004082", "Hòa giải tranh chấp đất đai", "DD", "XA", 2, 0, 0, 1, 20, CD, -1);
        p("2.000815", "Chứng thực chữ ký trong các giấy tờ, văn bản", "CTH", "XA", 2, 10000, 1, 1, 1, WD, -1);
        p("1.001776", "Đăng ký giám hộ", "HT", "XA", 3, 0, 1, 1, 3, WD, -1);
        p("2.001193", "Xác nhận hộ gia đình làm nông nghiệp có mức sống trung bình", "NN", "XA", 2, 0, 1, 1, 5, WD, -1);
        p("1.003622", "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", "HT", "XA", 3, 15000, 1, 1, 3, WD, -1);
        p("2.000794", "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", "BTXH", "XA", 3, 0, 0, 1, 3, WD, -1);

        h(2024, 1, 1, 1, "Tết Dương lịch");
        h(2024, 2, 8, 7, "Tết Nguyên Đán");
        h(2024, 4, 18, 1, "Giỗ Tổ Hùng Vương (10/3 âm lịch)");
        h(2024, 4, 30, 1, "Ngày Giải phóng miền Nam, thống nhất đất nước");
        h(2024, 5, 1, 1, "Ngày Quốc tế Lao động");
        h(2024, 9, 2, 2, "Quốc khánh");
        h(2025, 1, 1, 1, "Tết Dương lịch");
        h(2025, 1, 25, 9, "Tết Nguyên Đán");
        h(2025, 4, 7, 1, "Giỗ Tổ Hùng Vương (10/3 âm lịch)");
        h(2025, 4, 30, 1, "Ngày Giải phóng miền Nam, thống nhất đất nước");
        h(2025, 5, 1, 1, "Ngày Quốc tế Lao động");
        h(2025, 9, 1, 2, "Quốc khánh");
        h(2026, 1, 1, 1, "Tết Dương lịch");
    }

    private void p(String code, String name, String field, String level, int mucDo, long fee, int result,
            int citizen, int limit, String unit, int dept) {
        procedures.add(new Procedure(code, name, field, level, mucDo, fee, result, citizen, limit, unit, dept));
    }

    private void h(int y, int m, int d, int days, String text) {
        LocalDate first = LocalDate.of(y, m, d);
        for (int i = 0; i < days; i++) {
            holidays.put(first.plusDays(i), text);
        }
    }

    Unit unit(String code) {
        for (Unit u : units) {
            if (u.code.equals(code)) {
                return u;
            }
        }
        throw new IllegalArgumentException(code);
    }

    List<Procedure> proceduresFor(Unit u) {
        List<Procedure> out = new ArrayList<>();
        for (Procedure p : procedures) {
            if (u.level.equals("SO")) {
                if (p.level.equals("TINH") && (p.dept == u.deptIndex || u.deptIndex == 8)) {
                    out.add(p);
                }
            } else if (p.level.equals(u.level)) {
                out.add(p);
            }
        }
        return Collections.unmodifiableList(out);
    }

    boolean working(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.containsKey(d);
    }

    /** The working days from..to inclusive. */
    List<LocalDate> workingDays(LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (working(d)) {
                out.add(d);
            }
        }
        return out;
    }

    LocalDate addWorkingDays(LocalDate d, int n) {
        LocalDate x = d;
        int left = n;
        while (left > 0) {
            x = x.plusDays(1);
            if (working(x)) {
                left--;
            }
        }
        return x;
    }

    /** Due date promised at receipt for a procedure's limit. */
    LocalDateTime due(LocalDateTime received, Procedure p) {
        if (p.unit.equals(HR)) {
            // working hours 07:30-11:30 and 13:30-17:00, in half-hour steps
            LocalDateTime t = received;
            int halfHours = p.limit * 2;
            while (halfHours > 0) {
                t = t.plusMinutes(30);
                if (working(t.toLocalDate()) && inWorkingHours(t.toLocalTime())) {
                    halfHours--;
                }
            }
            return t.withSecond(0);
        }
        LocalDate day = p.unit.equals(CD) ? received.toLocalDate().plusDays(p.limit)
                : addWorkingDays(received.toLocalDate(), p.limit);
        while (!working(day)) { // a calendar-day limit ending on a day off moves to the next working day
            day = day.plusDays(1);
        }
        return day.atTime(17, 0);
    }

    private static boolean inWorkingHours(LocalTime t) {
        return (t.isAfter(LocalTime.of(7, 30)) && !t.isAfter(LocalTime.of(11, 30)))
                || (t.isAfter(LocalTime.of(13, 30)) && !t.isAfter(LocalTime.of(17, 0)));
    }
}
