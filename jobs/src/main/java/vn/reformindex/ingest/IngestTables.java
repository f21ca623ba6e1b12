package vn.reformindex.ingest;

import vn.reformindex.table.Tables;
import vn.reformindex.core.ReasonCode;
import vn.reformindex.core.WarningCode;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Cuts the ingest tables from the record fates (pure transformations). */
public final class IngestTables {
    private IngestTables() {
    }

    /** staged_dossiers: the accepted records, typed, no personal data, no record text. */
    public static Dataset<Row> staged(Dataset<Row> fates) {
        List<Column> cols = new ArrayList<>();
        for (String name : Tables.STAGED_DOSSIERS.schema().fieldNames()) {
            cols.add(col(name));
        }
        return fates.filter(col(Fates.FATE).equalTo(Fates.ACCEPTED)).select(cols.toArray(new Column[0]));
    }

    /**
     * quarantine: one row per quarantined record with its reason, where it came from, and its text with
     * personal fields masked (for a record that cannot be split: only its byte length and SHA-256).
     */
    public static Dataset<Row> quarantine(Dataset<Row> fates) {
        return fates.filter(col(Fates.FATE).equalTo(Fates.QUARANTINED))
                .select(col(Fates.REASON).as("reason"),
                        col("source_file"), col("source_line"),
                        col(RawRecords.RECON_UNIT).as("unit_code"),
                        col("dossier_code"),
                        col("updated_at"),
                        col(RawRecords.MASKED_TEXT).as("masked_text"),
                        col(RawRecords.BYTE_LENGTH).as("byte_length"),
                        col(RawRecords.LINE_SHA256).as("line_sha256"));
    }

    /**
     * reconciliation per file and unit: {@code read} counted from the reader's own output, the fates
     * counted from the decisions; {@code balanced} says whether read = accepted + quarantined + superseded.
     */
    public static Dataset<Row> reconciliation(Dataset<Row> raw, Dataset<Row> fates) {
        return reconciliationOfCounts(raw.groupBy(col(RawRecords.SOURCE_FILE).as("file"), col(RawRecords.RECON_UNIT).as("unit_code"))
                .agg(count(lit(1)).as("read")), fates);
    }

    /**
     * reconciliation per file and unit from the reader's own counts ({@code file, unit_code, read}, counted
     * while reading, before dedup) and the fates counted from the decisions.
     */
    public static Dataset<Row> reconciliationOfCounts(Dataset<Row> read, Dataset<Row> fates) {
        Dataset<Row> decided = fates.groupBy(col("source_file").as("file"), col(RawRecords.RECON_UNIT).as("unit_code"))
                .agg(countOf(Fates.ACCEPTED).as("accepted"), countOf(Fates.QUARANTINED).as("quarantined"),
                        countOf(Fates.SUPERSEDED).as("superseded"));
        Dataset<Row> joined = read.join(decided, vn.reformindex.spark.Names.seq("file", "unit_code"), "full_outer");
        Column r = coalesce(col("read"), lit(0L));
        Column a = coalesce(col("accepted"), lit(0L));
        Column q = coalesce(col("quarantined"), lit(0L));
        Column s = coalesce(col("superseded"), lit(0L));
        return joined.select(col("file"), col("unit_code"), r.as("read"), a.as("accepted"), q.as("quarantined"),
                        s.as("superseded"), r.equalTo(a.plus(q).plus(s)).as("balanced"))
                .orderBy(col("file"), col("unit_code"));
    }

    private static Column countOf(String fate) {
        return sum(when(col(Fates.FATE).equalTo(fate), 1L).otherwise(0L));
    }

    /** Record-level warnings counted per file, code and unit; file-level unknown columns added by the stage. */
    public static Dataset<Row> recordWarnings(Dataset<Row> staged) {
        return staged.select(col("source_file").as("file"), col("unit_code"), explode(col("warnings")).as("warning"))
                .groupBy("file", "warning", "unit_code").agg(count(lit(1)).as("records"))
                .select(col("warning"), col("file"), col("unit_code"), lit(null).cast(DataTypes.StringType).as("detail"),
                        col("records"));
    }

    /** File-level warnings: unknown columns (one row per file and column) and files not read (one row each). */
    public static Dataset<Row> fileWarnings(SparkSession spark, List<FileAuditResult> audits, List<Ingest.IgnoredFile> ignored) {
        List<Row> rows = new ArrayList<>();
        for (Ingest.IgnoredFile f : ignored) {
            rows.add(RowFactory.create(WarningCode.IGNORED_FILE.name(), f.name, null, f.reason, 0L));
        }
        for (FileAuditResult a : audits) {
            for (String c : a.unknownColumns) {
                rows.add(RowFactory.create(WarningCode.UNKNOWN_COLUMN.name(), a.name, null, c, 0L));
            }
        }
        return spark.createDataFrame(rows, Tables.INGEST_WARNINGS.schema());
    }
}
