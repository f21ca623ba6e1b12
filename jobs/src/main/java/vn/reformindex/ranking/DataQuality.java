package vn.reformindex.ranking;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.reformindex.criteria.QualityGate;
import vn.reformindex.spark.Decimals;
import vn.reformindex.spark.Names;
import vn.reformindex.table.Types;

/**
 * The set's data-quality gate (docs/criteria.md, Data-quality gate): each unit's share of rejected records
 * (from {@code reconciliation}) and share of dossiers synced to the national portal (from
 * {@code dossier_facts}), compared with the set's thresholds. A unit beyond them gets a {@code quality_flag};
 * with {@code exclude: true} it is not ranked ({@code unranked_reason = quality_gate}). No I/O.
 */
public final class DataQuality {
    public static final String REJECTED_HIGH = "rejected_share_high";
    public static final String SYNCED_LOW = "synced_share_low";
    public static final String BOTH = "rejected_share_high_synced_share_low";
    /** The column {@link Rankings#rank} reads: true when the gate excludes the unit from the ranking. */
    public static final String EXCLUDED = "quality_excluded";

    private DataQuality() {
    }

    /** Per unit: quarantined / (accepted + quarantined) over every file (superseded versions are not rejections). */
    public static Dataset<Row> rejectedShares(Dataset<Row> reconciliation) {
        return reconciliation.groupBy("unit_code")
                .agg(sum("quarantined").as("rejected"), sum(col("accepted").plus(col("quarantined"))).as("records"))
                .select(col("unit_code"), Decimals.ratio(col("rejected"), col("records")).as("rejected_share"));
    }

    /**
     * Per unit and period of {@code index}: dossiers received in [period start, as-of] with
     * {@code synced_to_portal} true / dossiers received; null when none was received or the flag is unknown on
     * all of them (as the set's 1.4 with its {@code known}).
     */
    public static Dataset<Row> syncedShares(Dataset<Row> facts, Dataset<Row> index) {
        Dataset<Row> periods = index.select("period", "period_start", "as_of").distinct();
        Dataset<Row> received = facts.filter(col("is_received").and(col("received_date").isNotNull()))
                .select("unit_code", "received_date", "synced_to_portal")
                .join(broadcast(periods), col("received_date").geq(col("period_start")).and(col("received_date").leq(col("as_of"))));
        return received.groupBy("unit_code", "period")
                .agg(count(lit(1)).as("received"),
                        count(when(col("synced_to_portal"), 1)).as("synced"),
                        count(col("synced_to_portal")).as("known"))
                .select(col("unit_code"), col("period"),
                        when(col("known").gt(0), Decimals.ratio(col("synced"), col("received"))).as("synced_share"));
    }

    /**
     * {@code index} with {@code rejected_share}, {@code synced_share}, {@code quality_flag} and
     * {@link #EXCLUDED}. Without a gate the shares are still shown, and nothing is flagged.
     */
    public static Dataset<Row> flag(QualityGate gate, Dataset<Row> index, Dataset<Row> rejected, Dataset<Row> synced) {
        Dataset<Row> out = index
                .join(rejected, Names.seq("unit_code"), "left")
                .join(synced, Names.seq("unit_code", "period"), "left");
        Column high = gate.maxRejectedShare == null ? lit(false)
                : coalesce(col("rejected_share").gt(lit(gate.maxRejectedShare).cast(Types.EXACT)), lit(false));
        Column low = gate.minSyncedShare == null ? lit(false)
                : coalesce(col("synced_share").lt(lit(gate.minSyncedShare).cast(Types.EXACT)), lit(false));
        Column flag = when(high.and(low), lit(BOTH)).when(high, lit(REJECTED_HIGH)).when(low, lit(SYNCED_LOW));
        return out.withColumn("quality_flag", flag)
                .withColumn(EXCLUDED, lit(gate.exclude).and(col("quality_flag").isNotNull()));
    }
}
