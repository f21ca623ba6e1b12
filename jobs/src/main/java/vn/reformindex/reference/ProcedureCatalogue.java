package vn.reformindex.reference;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;

/** The procedure catalogue (procedures.csv); may be empty when the file is absent. */
public final class ProcedureCatalogue implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, Procedure> procedures;
    private final boolean present;

    public ProcedureCatalogue(Collection<Procedure> procedures, boolean present) {
        Map<String, Procedure> m = new LinkedHashMap<>();
        for (Procedure p : procedures) {
            m.put(p.code, p);
        }
        this.procedures = Collections.unmodifiableMap(m);
        this.present = present;
    }

    public static ProcedureCatalogue empty() {
        return new ProcedureCatalogue(List.of(), false);
    }

    public static ProcedureCatalogue from(SmallCsv csv) {
        java.util.ArrayList<Procedure> list = new java.util.ArrayList<>();
        java.util.HashSet<String> seen = new java.util.HashSet<>();
        for (SmallCsv.Row r : csv.rows()) {
            String where = csv.file() + ", line " + r.line + ": ";
            String code = Text.code(r.get("MaTTHC"));
            if (code == null) {
                throw bad(where + "MaTTHC is empty");
            }
            if (!seen.add(code)) {
                throw bad(where + "procedure " + code + " appears twice");
            }
            list.add(new Procedure(code, Text.name(r.get("TenTTHC")), Text.code(r.get("MaLinhVuc")),
                    Text.code(r.get("CapThucHien")), integer(where, "MucDo", r.get("MucDo")),
                    flag(where, "CoPhiLePhi", r.get("CoPhiLePhi")),
                    flag(where, "YeuCauKetQuaGiayTo", r.get("YeuCauKetQuaGiayTo")),
                    flag(where, "DoiTuongCongDan", r.get("DoiTuongCongDan")),
                    decimal(where, "ThoiHanGiaiQuyet", r.get("ThoiHanGiaiQuyet")),
                    unit(where, r.get("DonViTinh"))));
        }
        return new ProcedureCatalogue(list, true);
    }

    static Procedure.TimeUnit unit(String where, String v) {
        if (v == null) {
            return null;
        }
        String s = Text.name(v).toLowerCase(java.util.Locale.ROOT);
        switch (s) {
            case "ngày làm việc": return Procedure.TimeUnit.WORKING_DAYS;
            case "ngày": return Procedure.TimeUnit.DAYS;
            case "giờ": return Procedure.TimeUnit.HOURS;
            default: throw bad(where + "DonViTinh '" + v + "' is not 'ngày làm việc', 'ngày' or 'giờ'");
        }
    }

    private static Integer integer(String where, String column, String v) {
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw bad(where + column + " '" + v + "' is not an integer");
        }
    }

    private static BigDecimal decimal(String where, String column, String v) {
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw bad(where + column + " '" + v + "' is not a number");
        }
    }

    private static Boolean flag(String where, String column, String v) {
        if (v == null) {
            return null;
        }
        switch (v.trim()) {
            case "1": return Boolean.TRUE;
            case "0": return Boolean.FALSE;
            default: throw bad(where + column + " '" + v + "' is not 0 or 1");
        }
    }

    private static PipelineException bad(String msg) {
        return new PipelineException(ExitCode.UNREADABLE_INPUT, msg);
    }

    public boolean present() { return present; }
    public boolean knows(String code) { return code != null && procedures.containsKey(code); }
    public Procedure get(String code) { return code == null ? null : procedures.get(code); }
    public Collection<Procedure> all() { return procedures.values(); }
}
