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
    private static final DossierField[] TIMESTAMPS = ofKind(DossierField.Kind.TIMESTAMP);
    private static final DossierField[] CODES = ofKind(DossierField.Kind.CODE);
    private static final DossierField[] FLAGS = ofKind(DossierField.Kind.FLAG);

    /** The carried fields of a kind, in contract order (the order of the checks). */
    private static DossierField[] ofKind(DossierField.Kind kind) {
        return java.util.Arrays.stream(CARRIED).filter(f -> f.kind == kind).toArray(DossierField[]::new);
    }

    private final UnitRegistry units;
    private final ProcedureCatalogue procedures;

    RecordValidator(UnitRegistry units, ProcedureCatalogue procedures) {
        this.units = units;
        this.procedures = procedures;
    }

    /**
     * Where a raw record's columns are in the rows of one schema ({@link RawRecords#SCHEMA}, or a frame that
     * adds columns to it): resolved once per schema, not by name for every record.
     */
    static final class Layout implements Serializable {
        private static final long serialVersionUID = 1L;
        final int reconUnit;
        final int sourceFile;
        final int sourceLine;
        final int malformed;
        final int byteLength;
        final int lineSha256;
        final int maskedText;
        final int nestedInvalidDate;
        final int updatedAt;
        /** By {@link DossierField#ordinal()}: the value's column; -1 for personal fields (not carried). */
        final int[] value = new int[DossierField.values().length];

        Layout(org.apache.spark.sql.types.StructType schema) {
            reconUnit = schema.fieldIndex(RawRecords.RECON_UNIT);
            sourceFile = schema.fieldIndex(RawRecords.SOURCE_FILE);
            sourceLine = schema.fieldIndex(RawRecords.SOURCE_LINE);
            malformed = schema.fieldIndex(RawRecords.MALFORMED);
            byteLength = schema.fieldIndex(RawRecords.BYTE_LENGTH);
            lineSha256 = schema.fieldIndex(RawRecords.LINE_SHA256);
            maskedText = schema.fieldIndex(RawRecords.MASKED_TEXT);
            nestedInvalidDate = schema.fieldIndex(RawRecords.NESTED_INVALID_DATE);
            updatedAt = schema.fieldIndex(RawRecords.UPDATED_AT);
            java.util.Arrays.fill(value, -1);
            for (DossierField f : CARRIED) {
                value[f.ordinal()] = schema.fieldIndex(f.source);
            }
        }
    }

    /** The layout of the reader's own rows. */
    static final Layout RAW = new Layout(RawRecords.SCHEMA);

    // Positions in a fate row, resolved once (a lookup by name for every record and column was a hot spot).
    private static final int FATE = Fates.SCHEMA.fieldIndex(Fates.FATE);
    private static final int REASON = Fates.SCHEMA.fieldIndex(Fates.REASON);
    private static final int RECON_UNIT = Fates.SCHEMA.fieldIndex(RawRecords.RECON_UNIT);
    private static final int MASKED_TEXT = Fates.SCHEMA.fieldIndex(RawRecords.MASKED_TEXT);
    private static final int BYTE_LENGTH = Fates.SCHEMA.fieldIndex(RawRecords.BYTE_LENGTH);
    private static final int LINE_SHA256 = Fates.SCHEMA.fieldIndex(RawRecords.LINE_SHA256);
    private static final int SOURCE_FILE = stagedIndex("source_file");
    private static final int SOURCE_LINE = stagedIndex("source_line");
    private static final int DOSSIER_CODE = stagedIndex("dossier_code");
    private static final int UPDATED_AT = stagedIndex("updated_at");
    private static final int STATUS = stagedIndex("status");
    private static final int REPORTED_UNIT_CODE = stagedIndex("reported_unit_code");
    private static final int UNIT_CODE = stagedIndex("unit_code");
    private static final int RECEIVED_AT = stagedIndex("received_at");
    private static final int SUBMITTED_AT = stagedIndex("submitted_at");
    private static final int PROCEDURE_CODE = stagedIndex("procedure_code");
    private static final int FIELD_CODE = stagedIndex("field_code");
    private static final int WARNINGS = stagedIndex("warnings");
    private static final int CHANNEL = stagedIndex("channel");
    private static final int ONLINE_LEVEL = stagedIndex("online_level");
    private static final int APPLICANT_TYPE = stagedIndex("applicant_type");
    private static final int SUPPLEMENT_COUNT = stagedIndex("supplement_count");
    private static final int ONLINE_PAYMENT = stagedIndex("online_payment");
    private static final int RATING = stagedIndex("rating");
    private static final int SUPPLEMENT_HOURS = stagedIndex("supplement_hours");
    private static final int FEE_TOTAL = stagedIndex("fee_total");
    /** By {@link DossierField#ordinal()}: the field's staged column in a fate row; -1 for personal fields. */
    private static final int[] STAGED_OF = new int[DossierField.values().length];
    private static final java.util.Map<String, Integer> STAGED_BY_NAME = new java.util.HashMap<>();

    static {
        java.util.Arrays.fill(STAGED_OF, -1);
        for (DossierField f : CARRIED) {
            STAGED_OF[f.ordinal()] = stagedIndex(f.staged);
        }
        for (String name : Tables.STAGED_DOSSIERS.schema().fieldNames()) {
            STAGED_BY_NAME.put(name, stagedIndex(name));
        }
    }

    private static int stagedIndex(String name) {
        return Fates.FIRST_STAGED + Tables.STAGED_DOSSIERS.schema().fieldIndex(name);
    }

    /** @param raw a raw record row ({@link RawRecords#SCHEMA}); @param superseded whether a newer version of its dossier won */
    Row decide(Row raw, boolean superseded) {
        return decide(raw, raw.schema() == null ? RAW : new Layout(raw.schema()), superseded);
    }

    /** As {@link #decide(Row, boolean)}, the raw record's columns at the positions of {@code l}. */
    Row decide(Row raw, Layout l, boolean superseded) {
        return RowFactory.create(decideCells(raw, l, superseded));
    }

    /** The fate row's cells ({@link Fates#SCHEMA}) of a raw record whose columns are at the positions of {@code l}. */
    Object[] decideCells(Row raw, Layout l, boolean superseded) {
        Object[] out = new Object[Fates.FIRST_STAGED + STAGED_WIDTH];
        out[RECON_UNIT] = raw.get(l.reconUnit);
        out[SOURCE_FILE] = raw.get(l.sourceFile);
        out[SOURCE_LINE] = raw.get(l.sourceLine);
        String code = value(raw, l, DossierField.MA_HO_SO);
        out[DOSSIER_CODE] = Values.INVALID.equals(code) ? null : code; // an unreadable code is not kept
        if (superseded) {
            out[FATE] = Fates.SUPERSEDED;
            return out;
        }
        ReasonCode reason = check(raw, l, out);
        if (reason == null) {
            out[FATE] = Fates.ACCEPTED;
        } else {
            out[FATE] = Fates.QUARANTINED;
            out[REASON] = reason.name();
            if (raw.getBoolean(l.malformed)) {
                out[BYTE_LENGTH] = raw.get(l.byteLength);
                out[LINE_SHA256] = raw.get(l.lineSha256);
            } else {
                out[MASKED_TEXT] = raw.get(l.maskedText);
            }
            for (int i = Fates.FIRST_STAGED; i < out.length; i++) { // a quarantined record stages nothing
                if (i != SOURCE_FILE && i != SOURCE_LINE && i != DOSSIER_CODE) {
                    out[i] = null;
                }
            }
            // Kept so that a later incremental run can apply the re-sync tie-break to this record too.
            out[UPDATED_AT] = raw.get(l.updatedAt);
        }
        return out;
    }

    private ReasonCode check(Row raw, Layout l, Object[] out) {
        if (raw.getBoolean(l.malformed)) {
            return ReasonCode.MALFORMED_RECORD;
        }
        if (value(raw, l, DossierField.MA_HO_SO) == null) {
            return ReasonCode.MISSING_CODE;
        }
        Integer status = Values.integer(value(raw, l, DossierField.TRANG_THAI_HO_SO));
        if (status == null || status < 1 || status > 10) {
            return ReasonCode.INVALID_STATUS;
        }
        out[STATUS] = status;
        // Dates
        if (raw.getBoolean(l.nestedInvalidDate)) {
            return ReasonCode.INVALID_DATE;
        }
        for (DossierField f : TIMESTAMPS) {
            String v = value(raw, l, f);
            if (v != null) {
                LocalDateTime t = DateTimes.parse(v);
                if (t == null) {
                    return ReasonCode.INVALID_DATE;
                }
                out[STAGED_OF[f.ordinal()]] = t;
            }
        }
        // Other values
        if (!domain(raw, l, out)) {
            return ReasonCode.INVALID_VALUE;
        }
        // Unit
        List<String> warnings = new ArrayList<>();
        String given = value(raw, l, DossierField.MA_DON_VI);
        String reported = given != null ? given : RecordReader.prefix(value(raw, l, DossierField.MA_HO_SO));
        if (!units.knows(reported)) {
            return ReasonCode.UNKNOWN_UNIT;
        }
        if (given == null) {
            warnings.add(WarningCode.UNIT_FROM_PREFIX.name());
        }
        out[REPORTED_UNIT_CODE] = reported;
        LocalDateTime endAt = endAt(status, out);
        LocalDateTime received = (LocalDateTime) out[RECEIVED_AT];
        LocalDateTime submitted = (LocalDateTime) out[SUBMITTED_AT];
        LocalDateTime ref = received != null ? received : submitted != null ? submitted : endAt;
        String unit = reported;
        if (ref != null) {
            LocalDate refDate = ref.toLocalDate();
            unit = units.attribute(reported, refDate);
            if (unit == null) {
                return ReasonCode.UNIT_NOT_VALID_ON_DATE;
            }
        }
        out[UNIT_CODE] = unit;
        if (received == null && !EndOfProcessing.NOT_RECEIVED.contains(status)) {
            return ReasonCode.MISSING_RECEIPT_DATE;
        }
        if (EndOfProcessing.of(status) != null && endAt == null) {
            return ReasonCode.MISSING_END_DATE;
        }
        if (endAt != null && received != null && endAt.isBefore(received)) {
            return ReasonCode.END_BEFORE_RECEIPT;
        }
        String procedure = value(raw, l, DossierField.MA_TTHC);
        if (procedures.present() && !procedures.knows(procedure)) {
            warnings.add(WarningCode.PROCEDURE_UNKNOWN.name());
        }
        out[PROCEDURE_CODE] = procedure;
        out[FIELD_CODE] = value(raw, l, DossierField.MA_LINH_VUC);
        out[WARNINGS] = scala.jdk.javaapi.CollectionConverters.asScala(warnings).toSeq();
        return null;
    }

    /** end_at by the status table of definitions.md. */
    private static LocalDateTime endAt(int status, Object[] out) {
        return EndOfProcessing.endAt(status, c -> (LocalDateTime) out[STAGED_BY_NAME.get(c)]);
    }

    /**
     * Checks and types every non-date value; false when one is out of its domain. A code is out of its
     * domain when it held a control or invisible character, or a JSON boolean, list or object.
     */
    private boolean domain(Row raw, Layout l, Object[] out) {
        for (DossierField f : CODES) {
            if (Values.INVALID.equals(value(raw, l, f))) {
                return false;
            }
        }
        Integer channel = intIn(raw, l, DossierField.KENH_THUC_HIEN, 1, 3);
        if (channel == BAD) {
            return false;
        }
        out[CHANNEL] = channel == null ? 1 : channel; // empty channel means in person
        Integer level = intIn(raw, l, DossierField.MUC_DO, 2, 4);
        Integer applicant = intIn(raw, l, DossierField.LOAI_DOI_TUONG, 1, 4);
        Integer supplements = intIn(raw, l, DossierField.SO_LAN_BO_SUNG, 0, 100000);
        Integer payment = intIn(raw, l, DossierField.DUOC_THANH_TOAN_TRUC_TUYEN, 0, 2);
        Integer rating = intIn(raw, l, DossierField.DANH_GIA, 1, 3);
        if (level == BAD || applicant == BAD || supplements == BAD || payment == BAD || rating == BAD) {
            return false;
        }
        out[ONLINE_LEVEL] = level;
        out[APPLICANT_TYPE] = applicant;
        out[SUPPLEMENT_COUNT] = supplements == null ? 0 : supplements;
        out[ONLINE_PAYMENT] = payment;
        out[RATING] = rating;
        String hoursText = value(raw, l, DossierField.GIO_CHO_BO_SUNG);
        BigDecimal hours = BigDecimal.ZERO;
        if (hoursText != null) {
            hours = Values.decimal(hoursText);
            if (hours == null || hours.precision() - hours.scale() > 10) {
                return false;
            }
        }
        out[SUPPLEMENT_HOURS] = hours.setScale(2, RoundingMode.HALF_UP);
        String feeText = value(raw, l, DossierField.TONG_PHI_LE_PHI);
        if (feeText != null) {
            BigDecimal fee = Values.money(feeText);
            if (fee == null || fee.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                return false;
            }
            out[FEE_TOTAL] = fee.longValueExact();
        }
        for (DossierField f : FLAGS) {
            String v = value(raw, l, f);
            if (v != null) {
                Boolean b = Values.flag(v);
                if (b == null) {
                    return false;
                }
                out[STAGED_OF[f.ordinal()]] = b;
            }
        }
        return true;
    }

    /** Sentinel for "present but out of range". */
    private static final Integer BAD = Integer.MIN_VALUE;

    private static Integer intIn(Row raw, Layout l, DossierField f, int min, int max) {
        String v = value(raw, l, f);
        if (v == null) {
            return null;
        }
        Integer i = Values.integer(v);
        return i == null || i < min || i > max ? BAD : i;
    }

    private static String value(Row raw, Layout l, DossierField f) {
        return (String) raw.get(l.value[f.ordinal()]);
    }
}
