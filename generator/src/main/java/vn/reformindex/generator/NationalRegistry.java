package vn.reformindex.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The unit registry of the national mode: the 34 provinces and cities of the 2025 reform, each with 12
 * departments, its pre-2025 districts (valid until 2025-06-30, no successor), its new two-tier communes
 * (valid from 2025-07-01; 3,321 in all, the published number per province) and the pre-2025 communes merged
 * into them (valid until 2025-06-30, MaDonViKeThua = the new commune). Deterministic from the seed.
 */
final class NationalRegistry {
    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    /** Name and number of new communes (phường, xã, đặc khu) of each province, in code order A01..A34. */
    static final String[] PROVINCES = {"Thành phố Hà Nội", "Thành phố Hồ Chí Minh", "Thành phố Hải Phòng",
        "Thành phố Đà Nẵng", "Thành phố Huế", "Thành phố Cần Thơ", "Tỉnh Lai Châu", "Tỉnh Điện Biên", "Tỉnh Sơn La",
        "Tỉnh Lạng Sơn", "Tỉnh Quảng Ninh", "Tỉnh Thanh Hóa", "Tỉnh Nghệ An", "Tỉnh Hà Tĩnh", "Tỉnh Cao Bằng",
        "Tỉnh Tuyên Quang", "Tỉnh Lào Cai", "Tỉnh Thái Nguyên", "Tỉnh Phú Thọ", "Tỉnh Bắc Ninh", "Tỉnh Hưng Yên",
        "Tỉnh Ninh Bình", "Tỉnh Quảng Trị", "Tỉnh Quảng Ngãi", "Tỉnh Gia Lai", "Tỉnh Khánh Hòa", "Tỉnh Lâm Đồng",
        "Tỉnh Đắk Lắk", "Tỉnh Đồng Nai", "Tỉnh Tây Ninh", "Tỉnh Vĩnh Long", "Tỉnh Đồng Tháp", "Tỉnh Cà Mau",
        "Tỉnh An Giang"};
    static final int[] COMMUNES = {126, 168, 114, 94, 40, 103, 38, 45, 75, 65, 54, 166, 130, 69, 56, 124, 99, 92,
        148, 99, 104, 129, 78, 96, 135, 65, 124, 102, 95, 96, 124, 102, 64, 102};
    static final int NEW_COMMUNES = 3321;

    /** Departments; the second column is the sample's department whose TINH procedures it handles. */
    static final String[] DEPARTMENTS = {"Sở Tư pháp", "Sở Xây dựng", "Sở Tài chính", "Sở Y tế",
        "Sở Giáo dục và Đào tạo", "Sở Nông nghiệp và Môi trường", "Sở Công Thương", "Sở Nội vụ",
        "Trung tâm Phục vụ hành chính công", "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Dân tộc và Tôn giáo"};
    static final int[] DEPARTMENT_PROCEDURES = {0, 1, 2, 3, 4, 5, 6, 7, 8, 6, 7, 7};
    static final double[] DEPARTMENT_WEIGHT = {2.2, 1.3, 0.7, 1.1, 0.8, 1.6, 0.9, 0.5, 3.0, 0.3, 0.4, 0.2};
    static final int[] DEPARTMENT_ONLINE = {65, 40, 70, 35, 55, 20, 60, 45, 50, 60, 40, 30};
    static final double[] DEPARTMENT_LATE = {0.0, 4.5, 1.0, 2.0, 0.0, 6.5, 1.5, 1.0, 2.0, 1.0, 1.5, 2.0};

    private static final String[] WORDS = {"An", "Bình", "Hòa", "Phú", "Tân", "Thạnh", "Long", "Mỹ", "Phước",
        "Thuận", "Đông", "Tây", "Nam", "Bắc", "Quang", "Minh", "Hưng", "Thịnh", "Hồng", "Việt", "Yên", "Thanh",
        "Sơn", "Hải", "Đức", "Lộc", "Vĩnh", "Trung", "Kim", "Ngọc", "Xuân", "Hà", "Lâm", "Tiến", "Thắng", "Lợi",
        "Phong", "Cát", "Bảo", "Định", "Nghĩa", "Tường", "Khánh", "Lạc", "Thái", "Hiệp", "Điền", "Châu", "Giang",
        "Lương", "Cường", "Đạo", "Tùng", "Vân", "Mường", "Nà", "Pắc", "Chiềng", "Khê", "Gò", "Cầu", "Đồng"};

    /** A unit and its province. */
    static final class Unit {
        final Province.Unit u;
        final int province; // 0..33

        Unit(Province.Unit u, int province) {
            this.u = u;
            this.province = province;
        }
    }

    final List<Unit> units = new ArrayList<>();

    NationalRegistry(long seed) {
        SplittableRandom r = new SplittableRandom(seed * 104_729L + 17);
        for (int pi = 0; pi < PROVINCES.length; pi++) {
            province(pi, r.split());
        }
    }

    static String suffix(int pi) {
        return String.format(Locale.ROOT, "A%02d", pi + 1);
    }

    static String provinceCode(int pi) {
        return "000.00.00." + suffix(pi);
    }

    private void add(String code, String name, String level, String parent, LocalDate from, LocalDate to,
            String successor, double weight, int online, double late, int dept, int pi) {
        units.add(new Unit(new Province.Unit(code, name, level, parent, from, to, successor, weight, online, late, dept),
                pi));
    }

    private static String place(SplittableRandom r, Set<String> used) {
        for (int i = 0; i < 50; i++) {
            String w1 = Names.pick(r, WORDS);
            String w2 = Names.pick(r, WORDS);
            String name = w1 + " " + w2;
            if (!w1.equals(w2) && used.add(name)) {
                return name;
            }
        }
        String name = Names.pick(r, WORDS) + " " + (used.size() + 1);
        used.add(name);
        return name;
    }

    private void province(int pi, SplittableRandom r) {
        String sfx = suffix(pi);
        String tinh = provinceCode(pi);
        boolean city = PROVINCES[pi].startsWith("Thành phố");
        int communes = COMMUNES[pi];
        double size = communes / 100.0;
        add(tinh, PROVINCES[pi], "TINH", "", Province.UNIT_START, null, "", 0, 0, 0, -1, pi);
        for (int i = 0; i < DEPARTMENTS.length; i++) {
            double w = 8 * size * DEPARTMENT_WEIGHT[i] * (0.7 + 0.6 * r.nextDouble());
            int online = Math.max(0, Math.min(90, DEPARTMENT_ONLINE[i] + r.nextInt(21) - 10));
            double late = Math.max(0, DEPARTMENT_LATE[i] + (r.nextInt(21) - 10) / 10.0);
            add(String.format(Locale.ROOT, "000.%02d.00.%s", i + 1, sfx), DEPARTMENTS[i], "SO", tinh,
                    Province.UNIT_START, null, "", w, online, late, DEPARTMENT_PROCEDURES[i], pi);
        }
        int districts = Math.max(6, Math.min(79, (int) Math.round(communes / 5.0)));
        Set<String> used = new HashSet<>();
        String[] districtCode = new String[districts];
        for (int d = 0; d < districts; d++) {
            districtCode[d] = String.format(Locale.ROOT, "000.00.%02d.%s", 21 + d, sfx);
            String kind = d == 0 ? "Thành phố " : city && d < districts / 2 ? "Quận " : d % 7 == 3 ? "Thị xã " : "Huyện ";
            add(districtCode[d], kind + place(r, used), "HUYEN", tinh, Province.UNIT_START, Province.DISTRICT_END, "",
                    3.0 * (0.6 + 0.8 * r.nextDouble()), 5 + r.nextInt(30), 1 + r.nextInt(50) / 10.0, -1, pi);
        }
        int[] nextOld = new int[districts];
        Set<String> usedNew = new HashSet<>();
        int wards = (int) Math.round(communes * (city ? 0.45 : 0.18));
        for (int c = 0; c < communes; c++) {
            String code = String.format(Locale.ROOT, "001.00.%03d.%s", c + 1, sfx);
            String kind = c < wards ? "Phường " : (pi == 2 || pi == 10 || pi == 26) && c == communes - 1 ? "Đặc khu "
                    : "Xã ";
            int online = Math.max(0, Math.min(85, (c < wards ? 45 : 15) + r.nextInt(31) - 10));
            double late = r.nextInt(35) / 10.0;
            int d = (int) ((long) c * districts / communes);
            int predecessors = 1 + r.nextInt(3) + r.nextInt(2) + (r.nextDouble() < 0.1 ? 1 : 0);
            double sum = 0;
            for (int k = 0; k < predecessors; k++) {
                double w = 0.4 + 1.0 * r.nextDouble();
                sum += w;
                nextOld[d]++;
                String oldKind = c < wards ? "Phường " : k == 0 && nextOld[d] == 1 ? "Thị trấn " : "Xã ";
                add(String.format(Locale.ROOT, "000.%02d.%02d.%s", 21 + d, nextOld[d], sfx), oldKind + place(r, used),
                        "XA", districtCode[d], Province.UNIT_START, Province.DISTRICT_END, code, w,
                        Math.max(0, online - 5 - r.nextInt(10)), late + r.nextInt(10) / 10.0, -1, pi);
            }
            add(code, kind + place(r, usedNew), "XA", tinh, REFORM, null, "", sum * 1.4, online, late, -1, pi);
        }
    }

    /** Units of a level valid on a day. */
    List<Unit> validOn(String level, LocalDate day) {
        List<Unit> out = new ArrayList<>();
        for (Unit x : units) {
            if (x.u.level.equals(level) && !day.isBefore(x.u.validFrom) && (x.u.validTo == null || !day.isAfter(x.u.validTo))) {
                out.add(x);
            }
        }
        return Collections.unmodifiableList(out);
    }

    Unit first(String level, LocalDate day, int province) {
        for (Unit x : units) {
            if (x.province == province && x.u.level.equals(level) && !day.isBefore(x.u.validFrom)
                    && (x.u.validTo == null || !day.isAfter(x.u.validTo))) {
                return x;
            }
        }
        throw new IllegalArgumentException(level + " " + day);
    }
}
