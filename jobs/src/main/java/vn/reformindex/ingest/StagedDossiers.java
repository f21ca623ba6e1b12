package vn.reformindex.ingest;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Schema of the staged_dossiers table: one row per accepted dossier (the winning version), typed,
 * normalised, English names, no personal data. Documented in docs/tables.md.
 */
public final class StagedDossiers {
    private StagedDossiers() {
    }

    public static final String DOSSIER_CODE = "dossier_code";
    /** The unit after successor attribution: the unit the dossier counts for. */
    public static final String UNIT_CODE = "unit_code";
    /** The unit code the record carried (MaDonVi, or the MaHoSo prefix), normalised. */
    public static final String REPORTED_UNIT_CODE = "reported_unit_code";

    public static final StructType SCHEMA = new StructType(new StructField[]{
            f(DOSSIER_CODE, DataTypes.StringType, false),
            f(UNIT_CODE, DataTypes.StringType, false),
            f(REPORTED_UNIT_CODE, DataTypes.StringType, false),
            f("procedure_code", DataTypes.StringType, true),
            f("field_code", DataTypes.StringType, true),
            f("channel", DataTypes.IntegerType, false),
            f("online_level", DataTypes.IntegerType, true),
            f("applicant_type", DataTypes.IntegerType, true),
            f("status", DataTypes.IntegerType, false),
            f("submitted_at", DataTypes.TimestampNTZType, true),
            f("received_at", DataTypes.TimestampNTZType, true),
            f("due_at", DataTypes.TimestampNTZType, true),
            f("processing_ended_at", DataTypes.TimestampNTZType, true),
            f("returned_at", DataTypes.TimestampNTZType, true),
            f("refused_at", DataTypes.TimestampNTZType, true),
            f("rated_at", DataTypes.TimestampNTZType, true),
            f("supplement_count", DataTypes.IntegerType, false),
            f("supplement_hours", DataTypes.createDecimalType(12, 2), false),
            f("apology_letter", DataTypes.BooleanType, true),
            f("synced_to_portal", DataTypes.BooleanType, true),
            f("has_digitized_component", DataTypes.BooleanType, true),
            f("reused_digitized_data", DataTypes.BooleanType, true),
            f("from_citizen_data_store", DataTypes.BooleanType, true),
            f("electronic_result", DataTypes.BooleanType, true),
            f("vneid_verified", DataTypes.BooleanType, true),
            f("online_payment", DataTypes.IntegerType, true),
            f("fee_total", DataTypes.LongType, true),
            f("rating", DataTypes.IntegerType, true),
            f("feedback", DataTypes.BooleanType, true),
            f("updated_at", DataTypes.TimestampNTZType, true),
            f("source_file", DataTypes.StringType, false),
            f("source_line", DataTypes.LongType, false),
            f("warnings", DataTypes.createArrayType(DataTypes.StringType, false), false),
    });

    private static StructField f(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
        return new StructField(name, type, nullable, Metadata.empty());
    }
}
