package vn.reformindex.criteria;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/** Reading helpers for the optional mappings of a set ({@code uncertainty}, {@code quality_gate}); messages name file and key. */
final class SetOptions {
    private SetOptions() {
    }

    /** The mapping under {@code key}, or null when absent; unknown keys are refused. */
    static JsonNode mapping(String source, JsonNode root, String key, Set<String> allowed) {
        JsonNode m = root.get(key);
        if (m == null || m.isNull()) {
            return null;
        }
        if (!m.isObject()) {
            throw CriteriaSetLoader.error(source, null, key + ": expected a mapping with keys " + new TreeSet<>(allowed));
        }
        Iterator<String> it = m.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw CriteriaSetLoader.error(source, null, key + ": unknown key '" + shown(k) + "'; expected one of "
                        + new TreeSet<>(allowed));
            }
        }
        return m;
    }

    /** A whole number in [min, max], or the default when absent. */
    static long whole(String source, String parent, JsonNode m, String key, long min, long max, long dflt) {
        JsonNode v = m.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            throw CriteriaSetLoader.error(source, null, parent + "." + key + ": '" + shown(v.asText())
                    + "' is not a whole number from " + min + " to " + max);
        }
        return v.asLong();
    }

    /** A number in [min, max] (exact), or the default when absent. */
    static BigDecimal number(String source, String parent, JsonNode m, String key, BigDecimal min, BigDecimal max, BigDecimal dflt) {
        JsonNode v = m.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        BigDecimal d;
        try {
            if (!v.isNumber()) {
                throw new NumberFormatException();
            }
            d = new BigDecimal(v.asText().trim());
        } catch (NumberFormatException e) {
            throw CriteriaSetLoader.error(source, null, parent + "." + key + ": '" + shown(v.asText()) + "' is not a number");
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0 || d.scale() > 10) {
            throw CriteriaSetLoader.error(source, null, parent + "." + key + ": " + shown(d.toPlainString()) + " is outside ["
                    + min.toPlainString() + ", " + max.toPlainString() + "] (at most 10 decimals)");
        }
        return d;
    }

    static boolean bool(String source, String parent, JsonNode m, String key, boolean dflt) {
        JsonNode v = m.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw CriteriaSetLoader.error(source, null, parent + "." + key + ": '" + shown(v.asText()) + "' is not true or false");
        }
        return v.asBoolean();
    }

    static String shown(String value) {
        String v = String.valueOf(value);
        return v.length() > 40 ? v.substring(0, 40) + "..." : v;
    }
}
