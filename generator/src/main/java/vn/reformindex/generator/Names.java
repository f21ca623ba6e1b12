package vn.reformindex.generator;

import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;

/** Fake Vietnamese personal data: names, 12-digit citizen ID numbers, phone numbers, e-mail addresses. */
final class Names {
    private static final String[] FAMILY = {
        "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ",
        "Hồ", "Ngô", "Dương", "Lý", "Hà", "Giàng", "Sùng", "Vàng", "Lò", "Nông", "Ma", "Triệu", "Lục"};
    private static final String[] MIDDLE_MALE = {"Văn", "Văn", "Đức", "Minh", "Hữu", "Quang", "Thành", "Xuân", "Mạnh", "A"};
    private static final String[] MIDDLE_FEMALE = {"Thị", "Thị", "Thị", "Thu", "Ngọc", "Minh", "Thanh", "Hồng", "Kim"};
    private static final String[] GIVEN_MALE = {
        "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Nam", "Phong", "Quân", "Sơn", "Tuấn", "Long", "Thắng",
        "Chiến", "Khánh", "Trung", "Việt", "Đạt", "Hiếu", "Tùng", "Sính", "Pháo", "Chứ", "Lâm", "Kiên"};
    private static final String[] GIVEN_FEMALE = {
        "Hà", "Hạnh", "Hoa", "Lan", "Linh", "Mai", "Thảo", "Trang", "Vân", "Yến", "Hương", "Dung", "Nhung",
        "Phương", "Huyền", "Ngân", "Mỷ", "Dợ", "Thúy", "Quyên"};
    private static final String[] MAIL_DOMAINS = {"example.vn", "mail.example.com", "example.net"};

    private Names() {
    }

    static final class Person {
        final String name;
        final String id;
        final String phone;
        final String email;

        Person(String name, String id, String phone, String email) {
            this.name = name;
            this.id = id;
            this.phone = phone;
            this.email = email;
        }
    }

    static Person person(SplittableRandom r, int birthYear, boolean withEmail) {
        boolean male = r.nextBoolean();
        String family = pick(r, FAMILY);
        String middle = pick(r, male ? MIDDLE_MALE : MIDDLE_FEMALE);
        String given = pick(r, male ? GIVEN_MALE : GIVEN_FEMALE);
        String name = family + " " + middle + " " + given;
        // CCCD: province of birth (002 Hà Giang), gender and century digit, year of birth, 6 digits
        int centuryGender = (birthYear >= 2000 ? 2 : 0) + (male ? 0 : 1);
        StringBuilder b = new StringBuilder(12).append("002").append(centuryGender);
        pad(b, birthYear % 100, 2);
        String id = pad(b, r.nextInt(1_000_000), 6).toString();
        String phone = pad(new StringBuilder(10).append("09"), r.nextInt(100_000_000), 8).toString();
        String email = "";
        if (withEmail) {
            email = ascii(given + "." + family).toLowerCase(Locale.ROOT) + (birthYear % 100)
                    + "@" + pick(r, MAIL_DOMAINS);
        }
        return new Person(name, id, phone, email);
    }

    /** Appends a non-negative number zero-padded to {@code width} digits (as {@code %0<width>d}). */
    static StringBuilder pad(StringBuilder b, long n, int width) {
        String s = Long.toString(n);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s);
    }

    static String ascii(String s) {
        String n = Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c < 128) {
                b.append(c);
            }
        }
        return b.toString().replace(" ", "");
    }

    static <T> T pick(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }
}
