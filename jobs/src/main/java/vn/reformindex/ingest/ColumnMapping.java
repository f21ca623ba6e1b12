package vn.reformindex.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.reformindex.reference.Text;

/**
 * Matches a CSV header (or a JSON object's field names) to the contract's fields by name, after applying
 * column-aliases.csv; names are compared trimmed, NFC and case-insensitively.
 */
final class ColumnMapping {
    static final List<String> REQUIRED = List.of("MaHoSo", "MaTTHC", "TrangThaiHoSo");
    /** Nested lists of the sync payload, read by the JSON reader, not unknown. */
    static final List<String> NESTED_LISTS = List.of("TaiLieuNop", "DanhSachLePhi", "DanhSachGiayToKetQua",
            "DanhSachHoSoBoSung");

    private static final Map<String, DossierField> BY_LOWER = new HashMap<>();

    static {
        for (DossierField f : DossierField.values()) {
            BY_LOWER.put(f.source.toLowerCase(Locale.ROOT), f);
        }
    }

    /** Unknown names reported per file, at most: a header of 100,000 columns is not listed in full. */
    static final int MAX_REPORTED_NAMES = 100;
    /** A reported name is at most this long; a longer one is described by its length. */
    static final int MAX_NAME_CHARS = 64;

    /** For each header position, the field it holds, or null. */
    final DossierField[] byPosition;
    final List<String> unknown = new ArrayList<>();
    final List<String> aliasesUsed = new ArrayList<>();
    /** Null when the header is usable; else what is wrong with it. */
    final String problem;

    ColumnMapping(List<String> header, Map<String, String> aliases, boolean requireColumns) {
        byPosition = new DossierField[header.size()];
        String problem = null;
        boolean[] seen = new boolean[DossierField.values().length];
        int[] firstAt = new int[DossierField.values().length];
        int known = 0;
        for (int i = 0; i < header.size(); i++) {
            String raw = header.get(i);
            if (i == 0 && raw.startsWith("\uFEFF")) {
                raw = raw.substring(1);
            }
            String name = Text.nfc(raw).trim();
            DossierField f = field(name, aliases);
            if (f == null) {
                if (!name.isEmpty() && !NESTED_LISTS.contains(name)) {
                    addReported(unknown, name);
                }
                continue;
            }
            known++;
            if (!f.source.equalsIgnoreCase(name)) {
                aliasesUsed.add(name + " -> " + f.source);
            }
            if (seen[f.ordinal()] && problem == null) {
                problem = "column " + f.source + " appears twice in the header (fields " + firstAt[f.ordinal()] + " and "
                        + (i + 1) + "); expected each column once";
            }
            if (!seen[f.ordinal()]) {
                firstAt[f.ordinal()] = i + 1;
            }
            seen[f.ordinal()] = true;
            byPosition[i] = f;
        }
        if (problem == null && requireColumns) {
            List<String> missing = new ArrayList<>();
            for (String r : REQUIRED) {
                if (!seen[DossierField.bySource(r).ordinal()]) {
                    missing.add(r);
                }
            }
            if (!missing.isEmpty()) {
                // Never the row's values: without a header, the first row is a record (names, ID numbers).
                problem = "expected a header row with the columns " + String.join(", ", REQUIRED) + "; the first row has "
                        + header.size() + (header.size() == 1 ? " field" : " fields") + ", " + known
                        + " of them contract columns, and lacks " + String.join(", ", missing)
                        + (known == 0 ? " (is the header row missing?)" : "");
            }
        }
        this.problem = problem;
    }

    /**
     * Adds an unknown name to a report list: at most {@link #MAX_REPORTED_NAMES} (then one line saying more
     * were not listed), each shown as itself when short and printable, else by its length only.
     */
    static void addReported(java.util.Collection<String> report, String name) {
        String shown = name.length() <= MAX_NAME_CHARS && !Values.hasForbiddenChar(name) ? name
                : "(a name of " + name.length() + " characters, not shown)";
        if (report.contains(shown)) {
            return;
        }
        if (report.size() < MAX_REPORTED_NAMES) {
            report.add(shown);
        } else if (report.size() == MAX_REPORTED_NAMES) {
            report.add(MORE_NAMES);
        }
    }

    /** The last entry of a report list that went over {@link #MAX_REPORTED_NAMES}. */
    static final String MORE_NAMES = "(more unknown names, not listed)";

    /** The contract field a column or JSON field name means, through the aliases; null when unknown. */
    static DossierField field(String name, Map<String, String> aliases) {
        String target = aliases.get(name);
        if (target == null) {
            for (Map.Entry<String, String> e : aliases.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    target = e.getValue();
                    break;
                }
            }
        }
        return BY_LOWER.get((target != null ? target : name).toLowerCase(Locale.ROOT));
    }
}
