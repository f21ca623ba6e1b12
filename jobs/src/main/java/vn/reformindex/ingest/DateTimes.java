package vn.reformindex.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/**
 * Strict parsing of the contract's date formats (31/02 is invalid, never moved to 29/02): yyyyMMddHHmmss,
 * yyyy-MM-dd HH:mm:ss, yyyy-MM-ddTHH:mm:ss, dd/MM/yyyy HH:mm:ss, dd/MM/yyyy; and, beyond the contract,
 * yyyy-MM-dd, yyyyMMdd and dd/MM/yyyy HH:mm. A date without time means 00:00. Only years
 * {@value #MIN_YEAR}..{@value #MAX_YEAR} are dates of a dossier: 0001-01-01 or 1900-01-01 (placeholders of
 * legacy systems) and 9999-12-31 are invalid, like 31/02.
 */
public final class DateTimes {
    public static final int MIN_YEAR = 1990;
    public static final int MAX_YEAR = 2100;

    private static final DateTimeFormatter DMY_HMS = strict("dd/MM/uuuu HH:mm:ss");
    private static final DateTimeFormatter DMY_HM = strict("dd/MM/uuuu HH:mm");
    private static final DateTimeFormatter DMY = strict("dd/MM/uuuu");
    private static final DateTimeFormatter ISO_SPACE = strict("uuuu-MM-dd HH:mm:ss");
    private static final DateTimeFormatter ISO_T = strict("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter ISO_DATE = strict("uuuu-MM-dd");

    private DateTimes() {
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    /** The timestamp, or null when the text is not one of the formats or not a real date. */
    public static LocalDateTime parse(String text) {
        LocalDateTime t = parseAnyYear(text);
        return t == null || t.getYear() < MIN_YEAR || t.getYear() > MAX_YEAR ? null : t;
    }

    private static LocalDateTime parseAnyYear(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        try {
            int n = s.length();
            if (n == 14 && allDigits(s)) {
                return LocalDateTime.of(num(s, 0, 4), num(s, 4, 6), num(s, 6, 8), num(s, 8, 10), num(s, 10, 12), num(s, 12, 14));
            }
            if (n == 8 && allDigits(s)) {
                return LocalDate.of(num(s, 0, 4), num(s, 4, 6), num(s, 6, 8)).atStartOfDay();
            }
            if (n == 19 && s.charAt(4) == '-' && s.charAt(10) == ' ') {
                return LocalDateTime.parse(s, ISO_SPACE);
            }
            if (n == 19 && s.charAt(4) == '-' && s.charAt(10) == 'T') {
                return LocalDateTime.parse(s, ISO_T);
            }
            if (n == 10 && s.charAt(4) == '-') {
                return LocalDate.parse(s, ISO_DATE).atStartOfDay();
            }
            if (n == 19 && s.charAt(2) == '/') {
                return LocalDateTime.parse(s, DMY_HMS);
            }
            if (n == 16 && s.charAt(2) == '/') {
                return LocalDateTime.parse(s, DMY_HM);
            }
            if (n == 10 && s.charAt(2) == '/') {
                return LocalDate.parse(s, DMY).atStartOfDay();
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(String s, int from, int to) {
        return Integer.parseInt(s, from, to, 10);
    }
}
