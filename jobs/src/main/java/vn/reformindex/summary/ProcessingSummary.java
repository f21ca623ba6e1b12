package vn.reformindex.summary;

import vn.reformindex.spark.Names;

import static org.apache.spark.sql.functions.bool_and;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.reformindex.reference.ReferenceTables;
import vn.reformindex.table.Tables;

/**
 * The processing summary (definitions.md): key (unit_code, period, scope), scope {@code self} for every
 * registry unit valid on at least one day of the period (zeros and no_data when it has no dossier) and
 * {@code subtree} for units with a descendant valid in the period, counts re-aggregated from the self rows.
 */
public final class ProcessingSummary {
    public static final String SELF = "self";
    public static final String SUBTREE = "subtree";

    private ProcessingSummary() {
    }

    /**
     * @param periodFacts   {@link vn.reformindex.facts.PeriodFacts#expand}
     * @param facts         dossier_facts (for the latest update of each unit)
     * @param units         {@link vn.reformindex.reference.ReferenceTables#units}
     * @param unitAncestors {@link vn.reformindex.reference.ReferenceTables#unitAncestors}
     * @param periods       the period table
     * @param quarantine    the quarantine table (records per unit); may be null
     */
    public static Dataset<Row> build(Dataset<Row> periodFacts, Dataset<Row> facts, Dataset<Row> units,
                                     Dataset<Row> unitAncestors, Dataset<Row> periods, Dataset<Row> quarantine) {
        return fromCounts(Counts.perProcedureAndField(periodFacts), facts, units, unitAncestors, periods, quarantine);
    }

    /** {@link #build} from {@link Counts#perProcedureAndField} (rolled up to the unit) instead of the period facts. */
    public static Dataset<Row> fromCounts(Dataset<Row> counts, Dataset<Row> facts, Dataset<Row> units,
                                          Dataset<Row> unitAncestors, Dataset<Row> periods, Dataset<Row> quarantine) {
        Dataset<Row> counted = Counts.rollUp(counts, col("unit_code"), col("period"))
                .withColumn("has_data", lit(true));
        Dataset<Row> valid = ReferenceTables.validUnits(units, periods);
        // Units with dossiers in a period they are no longer valid in (carried over from before an end
        // of validity) keep their row: nothing is lost from the subtree totals.
        Dataset<Row> keys = valid.select("unit_code", "period").union(counted.select("unit_code", "period")).distinct();
        List<Column> selfCols = new ArrayList<>();
        selfCols.add(col("unit_code"));
        selfCols.add(col("period"));
        selfCols.add(coalesce(col("has_data"), lit(false)).as("has_data"));
        selfCols.addAll(List.of(Counts.zeroFilled()));
        Dataset<Row> self = keys.join(counted, Names.seq("unit_code", "period"), "left").select(selfCols.toArray(new Column[0]));

        Dataset<Row> lastRecord = facts.select("unit_code", "updated_at").crossJoin(broadcast(periods.select("period", "as_of")))
                .filter(to_date(col("updated_at")).leq(col("as_of")))
                .groupBy("unit_code", "period").agg(max("updated_at").as("last_record_at"));
        Dataset<Row> quarantined = quarantine == null
                ? units.sparkSession().createDataFrame(List.of(), new org.apache.spark.sql.types.StructType()
                        .add("unit_code", "string").add("quarantined", "long"))
                : quarantine.groupBy("unit_code").agg(count(lit(1)).as("quarantined"));

        Dataset<Row> selfRows = self
                .join(lastRecord, Names.seq("unit_code", "period"), "left")
                .join(quarantined, Names.seq("unit_code"), "left")
                .withColumn("quarantined", coalesce(col("quarantined"), lit(0L)))
                .withColumn("scope", lit(SELF));

        // Subtree: the unit's own row plus its descendants', for units valid in the period with at least
        // one valid descendant. Counts are summed, never averaged.
        Dataset<Row> anc = unitAncestors.filter(col("unit_code").notEqual(col("ancestor_code")));
        Dataset<Row> parents = valid.join(anc, "unit_code").select(col("ancestor_code").as("unit_code"), col("period")).distinct()
                .join(valid.select("unit_code", "period"), Names.seq("unit_code", "period"));
        List<Column> rollUp = new ArrayList<>(List.of(Counts.sums()));
        rollUp.add(bool_and(col("has_data").equalTo(false)).as("all_empty"));
        rollUp.add(max("last_record_at").as("last_record_at"));
        rollUp.add(sum("quarantined").as("quarantined"));
        Dataset<Row> subtree = selfRows.join(unitAncestors, "unit_code")
                .groupBy(col("ancestor_code").as("unit_code"), col("period"))
                .agg(rollUp.get(0), rollUp.subList(1, rollUp.size()).toArray(new Column[0]))
                .join(parents, Names.seq("unit_code", "period"))
                .withColumn("has_data", col("all_empty").equalTo(false))
                .drop("all_empty")
                .withColumn("scope", lit(SUBTREE));

        Dataset<Row> all = selfRows.unionByName(subtree).withColumn("no_data", col("has_data").equalTo(false));
        return Tables.PROCESSING_SUMMARY.conform(Counts.withPercentages(all)
                .join(broadcast(units.select("unit_code", "unit_name", "unit_level", "parent_code", "peer_group")), Names.seq("unit_code"), "left")
                .join(broadcast(periods), Names.seq("period"))
                .drop("has_data"));
    }

    /** Rows that break carried_over + received = resolved + withdrawn + stopped + open_in_time + open_overdue. */
    public static Dataset<Row> unbalanced(Dataset<Row> summary) {
        return summary.filter(when(Counts.balanced(), lit(false)).otherwise(lit(true)));
    }

}
