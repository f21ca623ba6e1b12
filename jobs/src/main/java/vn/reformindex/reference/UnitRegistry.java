package vn.reformindex.reference;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;

/** The unit registry: validity, parents and successor chains (definitions.md, Records and their fate). */
public final class UnitRegistry implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final Set<String> LEVELS = Set.of("TINH", "SO", "HUYEN", "XA");

    private final Map<String, Unit> units;

    public UnitRegistry(Collection<Unit> units) {
        Map<String, Unit> m = new LinkedHashMap<>();
        for (Unit u : units) {
            m.put(u.code, u);
        }
        this.units = Collections.unmodifiableMap(m);
    }

    public static UnitRegistry from(SmallCsv csv) {
        List<Unit> list = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SmallCsv.Row r : csv.rows()) {
            String where = csv.file() + ", line " + r.line + ": ";
            String code = Text.code(r.get("MaDonVi"));
            if (code == null) {
                throw bad(where + "MaDonVi is empty");
            }
            if (!seen.add(code)) {
                throw bad(where + "unit " + code + " appears twice");
            }
            String level = Text.code(r.get("CapDonVi"));
            if (level == null || !LEVELS.contains(level)) {
                throw bad(where + "CapDonVi '" + r.get("CapDonVi") + "' is not one of " + LEVELS);
            }
            List<String> successors = new ArrayList<>();
            String s = r.get("MaDonViKeThua");
            if (s != null) {
                for (String part : s.split(";")) {
                    String c = Text.code(part);
                    if (c != null) {
                        successors.add(c);
                    }
                }
            }
            String peer = Text.code(r.get("NhomXepHang"));
            list.add(new Unit(code, Text.name(r.get("TenDonVi")), level, Text.code(r.get("MaDonViCha")),
                    peer == null ? level : peer, date(where, "HieuLucTu", r.get("HieuLucTu")),
                    date(where, "HieuLucDen", r.get("HieuLucDen")), successors));
        }
        UnitRegistry reg = new UnitRegistry(list);
        for (Unit u : list) {
            if (u.parentCode != null && !reg.knows(u.parentCode)) {
                throw bad(csv.file() + ": unit " + u.code + " names parent " + u.parentCode + ", which is not in the registry");
            }
            for (String succ : u.successorCodes) {
                if (!reg.knows(succ)) {
                    throw bad(csv.file() + ": unit " + u.code + " names successor " + succ + ", which is not in the registry");
                }
            }
        }
        return reg;
    }

    private static LocalDate date(String where, String column, String v) {
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw bad(where + column + " '" + v + "' is not a date yyyy-MM-dd");
        }
    }

    private static PipelineException bad(String msg) {
        return new PipelineException(ExitCode.UNREADABLE_INPUT, msg);
    }

    public boolean knows(String code) {
        return code != null && units.containsKey(code);
    }

    public Unit get(String code) {
        return code == null ? null : units.get(code);
    }

    public Collection<Unit> all() {
        return units.values();
    }

    /**
     * The unit a dossier of {@code code} dated {@code date} belongs to: the unit itself when valid on that
     * date, else the single unit valid on that date reached through successor chains; null when there is
     * none or more than one.
     */
    public String attribute(String code, LocalDate date) {
        Unit u = units.get(code);
        if (u == null || date == null) {
            return null;
        }
        if (u.validOn(date)) {
            return code;
        }
        Set<String> found = new HashSet<>();
        Set<String> visited = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(u.successorCodes);
        while (!queue.isEmpty()) {
            String c = queue.poll();
            if (!visited.add(c)) {
                continue;
            }
            Unit s = units.get(c);
            if (s == null) {
                continue;
            }
            if (s.validOn(date)) {
                found.add(c);
            } else {
                queue.addAll(s.successorCodes);
            }
        }
        return found.size() == 1 ? found.iterator().next() : null;
    }

    /** The unit's ancestors, nearest first. */
    public List<String> ancestors(String code) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Unit u = units.get(code);
        while (u != null && u.parentCode != null && seen.add(u.parentCode)) {
            out.add(u.parentCode);
            u = units.get(u.parentCode);
        }
        return out;
    }
}
