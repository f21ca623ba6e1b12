package vn.reformindex.ingest;

import java.util.ArrayList;
import java.util.Arrays;
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
        for (int i = 0; i < header.size(); i++) {
            String raw = header.get(i);
            if (i == 0 && raw.startsWith("\uFEFF")) {
                raw = raw.substring(1);
            }
            String name = Text.nfc(raw).trim();
            DossierField f = field(name, aliases);
            if (f == null) {
                if (!name.isEmpty() && !NESTED_LISTS.contains(name)) {
                    unknown.add(name);
                }
                continue;
            }
            if (!f.source.equalsIgnoreCase(name)) {
                aliasesUsed.add(name + " -> " + f.source);
            }
            if (seen[f.ordinal()]) {
                problem = "column " + f.source + " appears twice in the header";
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
                problem = "expected a header with the columns " + REQUIRED + "; missing " + missing
                        + " (header found: " + Arrays.toString(header.toArray()) + ")";
            }
        }
        this.problem = problem;
    }

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
