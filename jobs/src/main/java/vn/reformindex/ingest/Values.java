package vn.reformindex.ingest;

import java.math.BigDecimal;

/** Strict parsing of the contract's non-date values; null means "not a valid value". */
final class Values {
    /**
     * What the reader carries instead of a value that no field accepts: a value holding a control or
     * invisible character, or a JSON boolean, list or object where a single value belongs. Every check
     * rejects it (its field's reason: INVALID_STATUS, INVALID_DATE, else INVALID_VALUE), a dossier code
     * holding it is not read (no dedup), and it never reaches a staged row.
     */
    static final String INVALID = "\u0000";

    private Values() {
    }

    /** Null, empty or only spaces. */
    static boolean blank(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the text holds a character no value of the contract may hold: a control character
     * (Unicode Cc: U+0000-U+001F, U+007F-U+009F, including tab and line breaks), an invisible format
     * character (Cf: zero-width space, byte order mark, bidirectional marks), a private-use character,
     * a line or paragraph separator, U+FFFD (the trace of an earlier decoding error),
     * U+FFFE or U+FFFF.
     */
    static boolean hasForbiddenChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return true;
            }
            if (c >= 0xA0 && forbidden(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean forbidden(char c) {
        if (c == '\uFFFD' || c == '\uFFFE' || c == '\uFFFF') {
            return true;
        }
        int type = Character.getType(c); // surrogates need no check: strict UTF-8 decoding only yields pairs
        return type == Character.FORMAT || type == Character.PRIVATE_USE || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    static Integer integer(String s) {
        if (s == null || s.isEmpty() || s.length() > 9) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return Integer.valueOf(s);
    }

    /** A non-negative decimal, '.' or ',' as the decimal mark. */
    static BigDecimal decimal(String s) {
        if (s == null || s.isEmpty() || s.length() > 30) {
            return null;
        }
        String t = s.replace(',', '.');
        int dots = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return null;
            }
        }
        if (dots > 1 || t.startsWith(".") || t.endsWith(".")) {
            return null;
        }
        return new BigDecimal(t);
    }

    /** Whole VND; '.' only as a thousands separator (1.500 is 1500). Negative or fractional is invalid. */
    static BigDecimal money(String s) {
        if (s == null || s.isEmpty() || s.length() > 25) {
            return null;
        }
        if (s.indexOf('.') < 0) {
            Integer small = s.length() <= 9 ? integer(s) : null;
            if (small != null) {
                return BigDecimal.valueOf(small);
            }
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                    return null;
                }
            }
            return new BigDecimal(s);
        }
        String[] groups = s.split("\\.", -1);
        if (groups[0].isEmpty() || groups[0].length() > 3) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        for (int g = 0; g < groups.length; g++) {
            String part = groups[g];
            if ((g > 0 && part.length() != 3) || part.isEmpty()) {
                return null;
            }
            for (int i = 0; i < part.length(); i++) {
                if (part.charAt(i) < '0' || part.charAt(i) > '9') {
                    return null;
                }
            }
            digits.append(part);
        }
        return new BigDecimal(digits.toString());
    }

    /** 0/1 flag. */
    static Boolean flag(String s) {
        if ("1".equals(s)) {
            return Boolean.TRUE;
        }
        if ("0".equals(s)) {
            return Boolean.FALSE;
        }
        return null;
    }
}
