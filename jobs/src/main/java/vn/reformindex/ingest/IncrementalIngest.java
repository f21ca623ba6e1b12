package vn.reformindex.ingest;

import vn.reformindex.core.ReasonCode;
import vn.reformindex.core.WarningCode;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Adds newly read records to what earlier runs staged, with the same re-sync rule as a full run: the
 * new records compete with the staged and the quarantined records of the same {@code MaHoSo} (by
 * {@code NgayCapNhat}, then file path, then line). Earlier records that lose are moved from accepted or
 * quarantined to superseded in their file's reconciliation row, so the result equals a full recompute.
 */
public final class IncrementalIngest {
    static final String ORIGIN = "origin";
    static final String RANK = "rank";

    private IncrementalIngest() {
    }

    /** Dedup keys of the new raw records and of the earlier decided ones, ranked newest first per dossier. */
    static Dataset<Row> rankedKeys(Dataset<Row> rawNew, Dataset<Row> staged, Dataset<Row> quarantine) {
        Dataset<Row> fresh = rawNew.filter(RawRecords.readableCode())
                .select(col(DossierField.MA_HO_SO.source).as("code"), col(RawRecords.UPDATED_AT).as("updated"),
                        col(RawRecords.SOURCE_FILE).as("file"), col(RawRecords.SOURCE_LINE).as("line"), lit("new").as(ORIGIN));
        Dataset<Row> accepted = staged.select(col("dossier_code").as("code"), col("updated_at").as("updated"),
                col("source_file").as("file"), col("source_line").as("line"), lit("staged").as(ORIGIN));
        Dataset<Row> rejected = quarantine.filter(col("dossier_code").isNotNull().and(col("reason").notEqual(ReasonCode.MALFORMED_RECORD.name())))
                .select(col("dossier_code").as("code"), col("updated_at").as("updated"),
                        col("source_file").as("file"), col("source_line").as("line"), lit("quarantine").as(ORIGIN));
        WindowSpec newestFirst = Window.partitionBy(col("code"))
                .orderBy(col("updated").desc_nulls_last(), col("file").desc(), col("line").desc());
        return fresh.unionByName(accepted).unionByName(rejected).withColumn(RANK, row_number().over(newestFirst));
    }

    /** The new raw records with the {@code superseded} flag, competing with the earlier records too. */
    static Dataset<Row> markNew(Dataset<Row> rawNew, Dataset<Row> ranked) {
        Dataset<Row> losers = ranked.filter(col(ORIGIN).equalTo("new").and(col(RANK).gt(1))).select("file", "line")
                .withColumn("loses", lit(true));
        return rawNew.join(losers, rawNew.col(RawRecords.SOURCE_FILE).equalTo(losers.col("file"))
                        .and(rawNew.col(RawRecords.SOURCE_LINE).equalTo(losers.col("line"))), "left")
                .withColumn(Fates.SUPERSEDED, when(col("loses").isNotNull(), true).otherwise(false))
                .drop("file", "line", "loses");
    }

    /** Earlier records (staged or quarantined) that a newer version displaces: (file, line). */
    static Dataset<Row> displaced(Dataset<Row> ranked, String origin) {
        return ranked.filter(col(ORIGIN).equalTo(origin).and(col(RANK).gt(1))).select("file", "line");
    }

    /** Earlier rows minus the displaced ones. */
    static Dataset<Row> without(Dataset<Row> earlier, Dataset<Row> displaced) {
        return earlier.join(displaced, earlier.col("source_file").equalTo(displaced.col("file"))
                .and(earlier.col("source_line").equalTo(displaced.col("line"))), "left_anti");
    }

    /**
     * The earlier reconciliation with displaced records moved to superseded, plus the new files' rows.
     * Displaced staged rows reconcile under their reported unit, quarantined ones under their unit.
     */
    static Dataset<Row> reconciliation(Dataset<Row> earlier, Dataset<Row> staged, Dataset<Row> quarantine,
                                       Dataset<Row> displacedStaged, Dataset<Row> displacedQuarantined,
                                       Dataset<Row> fresh) {
        Dataset<Row> movedAccepted = staged.join(displacedStaged, staged.col("source_file").equalTo(displacedStaged.col("file"))
                        .and(staged.col("source_line").equalTo(displacedStaged.col("line"))), "left_semi")
                .select(col("source_file").as("file"), col("reported_unit_code").as("unit_code"), lit(1L).as("accepted_moved"),
                        lit(0L).as("quarantined_moved"));
        Dataset<Row> movedQuarantined = quarantine.join(displacedQuarantined, quarantine.col("source_file").equalTo(displacedQuarantined.col("file"))
                        .and(quarantine.col("source_line").equalTo(displacedQuarantined.col("line"))), "left_semi")
                .select(col("source_file").as("file"), col("unit_code"), lit(0L).as("accepted_moved"), lit(1L).as("quarantined_moved"));
        Dataset<Row> moves = movedAccepted.unionByName(movedQuarantined).groupBy("file", "unit_code")
                .agg(sum("accepted_moved").as("am"), sum("quarantined_moved").as("qm"));
        Dataset<Row> adjusted = earlier.join(moves, vn.reformindex.spark.Names.seq("file", "unit_code"), "left")
                .na().fill(0L, new String[]{"am", "qm"});
        Column accepted = col("accepted").minus(col("am"));
        Column quarantined = col("quarantined").minus(col("qm"));
        Column superseded = col("superseded").plus(col("am")).plus(col("qm"));
        Dataset<Row> carried = adjusted.select(col("file"), col("unit_code"), col("read"), accepted.as("accepted"),
                quarantined.as("quarantined"), superseded.as("superseded"),
                col("read").equalTo(accepted.plus(quarantined).plus(superseded)).as("balanced"));
        return carried.unionByName(fresh).orderBy(col("file"), col("unit_code"));
    }
}
