package vn.reformindex.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Schema of the raw records the reader emits: one row per record of a dossier file, before dedup and
 * validation. Values are text as read (codes already trimmed, upper-cased and NFC); personal fields are
 * not carried at all, only masked inside {@code masked_text}.
 */
public final class RawRecords {
    public static final String SOURCE_FILE = "source_file";
    public static final String SOURCE_LINE = "source_line";
    public static final String SOURCE_FORMAT = "source_format";
    public static final String MALFORMED = "malformed";
    public static final String BYTE_LENGTH = "byte_length";
    public static final String LINE_SHA256 = "line_sha256";
    public static final String MASKED_TEXT = "masked_text";
    /** The unit a record reconciles under: MaDonVi or the MaHoSo prefix when the registry knows it, else "?". */
    public static final String RECON_UNIT = "recon_unit";
    /** True when a date inside a nested list (supplement rounds) does not parse. */
    public static final String NESTED_INVALID_DATE = "nested_invalid_date";
    /** NgayCapNhat parsed, for the re-sync tie-break (null when missing or invalid: oldest). */
    public static final String UPDATED_AT = "updated_at_parsed";
    public static final String UNKNOWN_UNIT_CODE = "?";

    /** Position of the first value column in a raw row. */
    public static final int FIRST_VALUE = 10;

    public static final StructType SCHEMA;

    static {
        StructType s = new StructType()
                .add(SOURCE_FILE, DataTypes.StringType, false)
                .add(SOURCE_LINE, DataTypes.LongType, false)
                .add(SOURCE_FORMAT, DataTypes.StringType, false)
                .add(MALFORMED, DataTypes.BooleanType, false)
                .add(BYTE_LENGTH, DataTypes.IntegerType, true)
                .add(LINE_SHA256, DataTypes.StringType, true)
                .add(MASKED_TEXT, DataTypes.StringType, true)
                .add(RECON_UNIT, DataTypes.StringType, false)
                .add(NESTED_INVALID_DATE, DataTypes.BooleanType, false)
                .add(UPDATED_AT, DataTypes.TimestampNTZType, true);
        for (DossierField f : DossierField.carried()) {
            s = s.add(f.source, DataTypes.StringType, true);
        }
        SCHEMA = s;
    }

    private RawRecords() {
    }

    /**
     * True for the records whose MaHoSo can be read, the only ones deduplicated: not malformed, a code
     * given, and no control or invisible character in it (such a code is quarantined, INVALID_VALUE).
     */
    public static org.apache.spark.sql.Column readableCode() {
        org.apache.spark.sql.Column code = org.apache.spark.sql.functions.col(DossierField.MA_HO_SO.source);
        return code.isNotNull().and(code.notEqual(org.apache.spark.sql.functions.lit(Values.INVALID)))
                .and(org.apache.spark.sql.functions.not(org.apache.spark.sql.functions.col(MALFORMED)));
    }

    /** Value column names, in row order after {@link #FIRST_VALUE}. */
    public static List<String> valueColumns() {
        List<String> out = new ArrayList<>();
        for (DossierField f : DossierField.carried()) {
            out.add(f.source);
        }
        return out;
    }
}
