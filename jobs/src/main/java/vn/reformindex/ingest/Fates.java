package vn.reformindex.ingest;

import vn.reformindex.table.Tables;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Schema of the record fates: every record read, with its fate (accepted, quarantined, superseded), the
 * quarantine reason, and for accepted records the staged columns. The staged, quarantine and
 * reconciliation tables are all cut from it.
 */
public final class Fates {
    public static final String FATE = "fate";
    public static final String REASON = "reason";
    public static final String ACCEPTED = "accepted";
    public static final String QUARANTINED = "quarantined";
    public static final String SUPERSEDED = "superseded";

    public static final StructType SCHEMA;
    /** Position of the first staged column in a fate row. */
    public static final int FIRST_STAGED = 6;

    static {
        StructType s = new StructType()
                .add(FATE, DataTypes.StringType, false)
                .add(REASON, DataTypes.StringType, true)
                .add(RawRecords.RECON_UNIT, DataTypes.StringType, false)
                .add(RawRecords.MASKED_TEXT, DataTypes.StringType, true)
                .add(RawRecords.BYTE_LENGTH, DataTypes.IntegerType, true)
                .add(RawRecords.LINE_SHA256, DataTypes.StringType, true);
        for (StructField f : Tables.STAGED_DOSSIERS.schema().fields()) {
            s = s.add(f.name(), f.dataType(), true);
        }
        SCHEMA = s;
    }

    private Fates() {
    }
}
