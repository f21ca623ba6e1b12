package vn.reformindex.ingest;

import java.math.BigDecimal;

/** Strict parsing of the contract's non-date values; null means "not a valid value". */
final class Values {
    private Values() {
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
