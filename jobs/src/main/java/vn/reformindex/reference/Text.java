package vn.reformindex.reference;

import java.text.Normalizer;
import java.util.Locale;

/** Normalisation of codes and names (definitions.md: trimmed, upper-cased, NFC). */
public final class Text {
    private Text() {
    }

    /** Trimmed, upper-cased, NFC; null for null or blank. */
    public static String code(String s) {
        if (s == null) {
            return null;
        }
        String t = nfc(s).trim().toUpperCase(Locale.ROOT);
        return t.isEmpty() ? null : t;
    }

    /** NFC; null for null or blank; surrounding spaces trimmed. */
    public static String name(String s) {
        if (s == null) {
            return null;
        }
        String t = nfc(s).trim();
        return t.isEmpty() ? null : t;
    }

    /** NFC normalisation that skips the common pure-ASCII case. */
    public static String nfc(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) {
                return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
            }
        }
        return s;
    }

    public static boolean isBlank(String s) {
        return s == null || s.trim().isEmpty();
    }
}
