package vn.reformindex.ingest;

import vn.reformindex.table.Tables;
import vn.reformindex.core.EndOfProcessing;
import vn.reformindex.core.ReasonCode;
import vn.reformindex.core.WarningCode;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import vn.reformindex.reference.ProcedureCatalogue;
import vn.reformindex.reference.UnitRegistry;

/**
 * Decides the fate of one raw record (definitions.md, Records and their fate): superseded, quarantined
 * with the first reason that applies in the documented order, or accepted with its typed, staged values.
 */
final class RecordValidator implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final DossierField[] CARRIED = DossierField.carried();
    private static final int STAGED_WIDTH = Tables.STAGED_DOSSIERS.schema().size();

    private final UnitRegistry units;
    private final ProcedureCatalogue procedures;

    RecordValidator(UnitRegistry units, ProcedureCatalogue procedures) {
        this.units = units;
        this.procedures = procedures;
    }

    /** @param raw a raw record row; @param superseded whether a newer version of its dossier won */
    Row decide(Row raw, boolean superseded) {
        Object[] out = new Object[Fates.FIRST_STAGED + STAGED_WIDTH];
        fate(out, RawRecords.RECON_UNIT, raw.getAs(RawRecords.RECON_UNIT));
        staged(out, "source_file", raw.getAs(RawRecords.SOURCE_FILE));
        staged(out, "source_line", raw.getAs(RawRecords.SOURCE_LINE));
        String code = value(raw, DossierField.MA_HO_SO);
        staged(out, "dossier_code", Values.INVALID.equals(code) ? null : code); // an unreadable code is not kept
        if (superseded) {
            fate(out, Fates.FATE, Fates.SUPERSEDED);
            return RowFactory.create(out);
        }
        ReasonCode reason = check(raw, out);
        if (reason == null) {
            fate(out, Fates.FATE, Fates.ACCEPTED);
        } else {
            fate(out, Fates.FATE, Fates.QUARANTINED);
            fate(out, Fates.REASON, reason.name());
            if (raw.<Boolean>getAs(RawRecords.MALFORMED)) {
                fate(out, RawRecords.BYTE_LENGTH, raw.getAs(RawRecords.BYTE_LENGTH));
                fate(out, RawRecords.LINE_SHA256, raw.getAs(RawRecords.LINE_SHA256));
            } else {
                fate(out, RawRecords.MASKED_TEXT, raw.getAs(RawRecords.MASKED_TEXT));
            }
            for (int i = Fates.FIRST_STAGED; i < out.length; i++) { // a quarantined record stages nothing
                String name = Fates.SCHEMA.fields()[i].name();
                if (!name.equals("source_file") && !name.equals("source_line") && !name.equals("dossier_code")) {
                    out[i] = null;
                }
            }
            // Kept so that a later incremental run can apply the re-sync tie-break to this record too.
            staged(out, "updated_at", raw.get(raw.fieldIndex(RawRecords.UPDATED_AT)));
        }
        return RowFactory.create(out);
    }

    private ReasonCode check(Row raw, Object[] out) {
        if (raw.<Boolean>getAs(RawRecords.MALFORMED)) {
            return ReasonCode.MALFORMED_RECORD;
        }
        if (value(raw, DossierField.MA_HO_SO) == null) {
            return ReasonCode.MISSING_CODE;
        }
        Integer status = Values.integer(value(raw, DossierField.TRANG_THAI_HO_SO));
        if (status == null || status < 1 || status > 10) {
            return ReasonCode.INVALID_STATUS;
        }
        staged(out, "status", status);
        // Dates
        if (raw.getBoolean(raw.fieldIndex(RawRecords.NESTED_INVALID_DATE))) {
            return ReasonCode.INVALID_DATE;
        }
        for (DossierField f : CARRIED) {
            if (f.kind == DossierField.Kind.TIMESTAMP) {
                String v = value(raw, f);
                if (v != null) {
                    LocalDateTime t = DateTimes.parse(v);
                    if (t == null) {
                        return ReasonCode.INVALID_DATE;
                    }
                    staged(out, f.staged, t);
                }
            }
        }
        // Other values
        if (!domain(raw, out)) {
            return ReasonCode.INVALID_VALUE;
        }
        // Unit
        List<String> warnings = new ArrayList<>();
        String given = value(raw, DossierField.MA_DON_VI);
        String reported = given != null ? given : RecordReader.prefix(value(raw, DossierField.MA_HO_SO));
        if (!units.knows(reported)) {
            return ReasonCode.UNKNOWN_UNIT;
        }
        if (given == null) {
            warnings.add(WarningCode.UNIT_FROM_PREFIX.name());
        }
        staged(out, "reported_unit_code", reported);
        LocalDateTime endAt = endAt(status, out);
        LocalDateTime received = (LocalDateTime) get(out, "received_at");
        LocalDateTime submitted = (LocalDateTime) get(out, "submitted_at");
        LocalDateTime ref = received != null ? received : submitted != null ? submitted : endAt;
        String unit = reported;
        if (ref != null) {
            LocalDate refDate = ref.toLocalDate();
            unit = units.attribute(reported, refDate);
            if (unit == null) {
                return ReasonCode.UNIT_NOT_VALID_ON_DATE;
            }
        }
        staged(out, "unit_code", unit);
        if (received == null && !EndOfProcessing.NOT_RECEIVED.contains(status)) {
            return ReasonCode.MISSING_RECEIPT_DATE;
        }
        if (EndOfProcessing.of(status) != null && endAt == null) {
            return ReasonCode.MISSING_END_DATE;
        }
        if (endAt != null && received != null && endAt.isBefore(received)) {
            return ReasonCode.END_BEFORE_RECEIPT;
        }
        String procedure = value(raw, DossierField.MA_TTHC);
        if (procedures.present() && !procedures.knows(procedure)) {
            warnings.add(WarningCode.PROCEDURE_UNKNOWN.name());
        }
        staged(out, "procedure_code", procedure);
        staged(out, "field_code", value(raw, DossierField.MA_LINH_VUC));
        staged(out, "warnings", scala.jdk.javaapi.CollectionConverters.asScala(warnings).toSeq());
        return null;
    }

    /** end_at by the status table of definitions.md. */
    private static LocalDateTime endAt(int status, Object[] out) {
        return EndOfProcessing.endAt(status, c -> (LocalDateTime) get(out, c));
    }

    /**
     * Checks and types every non-date value; false when one is out of its domain. A code is out of its
     * domain when it held a control or invisible character, or a JSON boolean, list or object.
     */
    private boolean domain(Row raw, Object[] out) {
        for (DossierField f : CARRIED) {
            if (f.kind == DossierField.Kind.CODE && Values.INVALID.equals(value(raw, f))) {
                return false;
            }
        }
        Integer channel = intIn(raw, DossierField.KENH_THUC_HIEN, 1, 3);
        if (channel == BAD) {
            return false;
        }
        staged(out, "channel", channel == null ? 1 : channel); // empty channel means in person
        Integer level = intIn(raw, DossierField.MUC_DO, 2, 4);
        Integer applicant = intIn(raw, DossierField.LOAI_DOI_TUONG, 1, 4);
        Integer supplements = intIn(raw, DossierField.SO_LAN_BO_SUNG, 0, 100000);
        Integer payment = intIn(raw, DossierField.DUOC_THANH_TOAN_TRUC_TUYEN, 0, 2);
        Integer rating = intIn(raw, DossierField.DANH_GIA, 1, 3);
        if (level == BAD || applicant == BAD || supplements == BAD || payment == BAD || rating == BAD) {
            return false;
        }
        staged(out, "online_level", level);
        staged(out, "applicant_type", applicant);
        staged(out, "supplement_count", supplements == null ? 0 : supplements);
        staged(out, "online_payment", payment);
        staged(out, "rating", rating);
        String hoursText = value(raw, DossierField.GIO_CHO_BO_SUNG);
        BigDecimal hours = BigDecimal.ZERO;
        if (hoursText != null) {
            hours = Values.decimal(hoursText);
            if (hours == null || hours.precision() - hours.scale() > 10) {
                return false;
            }
        }
        staged(out, "supplement_hours", hours.setScale(2, RoundingMode.HALF_UP));
        String feeText = value(raw, DossierField.TONG_PHI_LE_PHI);
        if (feeText != null) {
            BigDecimal fee = Values.money(feeText);
            if (fee == null || fee.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                return false;
            }
            staged(out, "fee_total", fee.longValueExact());
        }
        for (DossierField f : CARRIED) {
            if (f.kind == DossierField.Kind.FLAG) {
                String v = value(raw, f);
                if (v != null) {
                    Boolean b = Values.flag(v);
                    if (b == null) {
                        return false;
                    }
                    staged(out, f.staged, b);
                }
            }
        }
        return true;
    }

    /** Sentinel for "present but out of range". */
    private static final Integer BAD = Integer.MIN_VALUE;

    private static Integer intIn(Row raw, DossierField f, int min, int max) {
        String v = value(raw, f);
        if (v == null) {
            return null;
        }
        Integer i = Values.integer(v);
        return i == null || i < min || i > max ? BAD : i;
    }

    static String value(Row raw, DossierField f) {
        return raw.getAs(f.source);
    }

    /** Sets a column of the fate row that precedes the staged columns. */
    private static void fate(Object[] out, String name, Object v) {
        out[Fates.SCHEMA.fieldIndex(name)] = v;
    }

    private static void staged(Object[] out, String name, Object v) {
        out[Fates.FIRST_STAGED + Tables.STAGED_DOSSIERS.schema().fieldIndex(name)] = v;
    }

    private static Object get(Object[] out, String name) {
        return out[Fates.FIRST_STAGED + Tables.STAGED_DOSSIERS.schema().fieldIndex(name)];
    }
}
