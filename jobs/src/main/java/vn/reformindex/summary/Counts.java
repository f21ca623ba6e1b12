package vn.reformindex.summary;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.reformindex.spark.Decimals;

/**
 * The counts of the processing summary (definitions.md), as one aggregation over period facts grouped by
 * any keys: per unit (processing_summary), per unit x procedure or field (procedure_summary). Counts are
 * additive, so a roll-up re-aggregates them; percentages are computed from the counts afterwards.
 */
public final class Counts {
    /** Count columns in report order, each with the condition on a period-facts row that it counts. */
    public static final Map<String, Column> COUNTED = new LinkedHashMap<>();
    /** Percentage columns: name -> {numerator, denominator}; null when the denominator is 0. */
    public static final Map<String, String[]> PERCENTAGES = new LinkedHashMap<>();

    static {
        Column resolved = col("resolved_in_period");
        Column received = col("received_in_period");
        Column published = col("timeliness_published");
        COUNTED.put("carried_over", col("carried_over"));
        COUNTED.put("received", received);
        COUNTED.put("received_in_person", received.and(col("channel").equalTo(1)));
        COUNTED.put("received_online", received.and(col("channel").equalTo(2)));
        COUNTED.put("received_postal", received.and(col("channel").equalTo(3)));
        COUNTED.put("resolved", resolved);
        COUNTED.put("early", resolved.and(published.equalTo("early")));
        COUNTED.put("on_time", resolved.and(published.equalTo("on_time")));
        COUNTED.put("late", resolved.and(published.equalTo("late")));
        COUNTED.put("timeliness_unknown", resolved.and(published.equalTo("unknown")));
        COUNTED.put("early_or_on_time", resolved.and(published.isin("early", "on_time")));
        COUNTED.put("withdrawn", col("withdrawn_in_period"));
        COUNTED.put("stopped", col("stopped_in_period"));
        COUNTED.put("open_in_time", col("open_in_time"));
        COUNTED.put("open_overdue", col("open_overdue"));
        COUNTED.put("refused_at_intake", col("refused_in_period"));
        COUNTED.put("registered_not_received", col("registered_in_period"));
        COUNTED.put("late_with_apology", resolved.and(published.equalTo("late")).and(col("apology_letter").equalTo(true)));
        Column rated = col("rated_in_period");
        COUNTED.put("rated", rated);
        COUNTED.put("very_satisfied", rated.and(col("rating").equalTo(1)));
        COUNTED.put("satisfied", rated.and(col("rating").equalTo(2)));
        COUNTED.put("unsatisfied", rated.and(col("rating").equalTo(3)));
        COUNTED.put("handled", col("handled"));

        PERCENTAGES.put("early_pct", new String[]{"early", "resolved"});
        PERCENTAGES.put("on_time_pct", new String[]{"on_time", "resolved"});
        PERCENTAGES.put("late_pct", new String[]{"late", "resolved"});
        PERCENTAGES.put("resolved_pct", new String[]{"resolved", "handled"});
        PERCENTAGES.put("online_pct", new String[]{"received_online", "received"});
        PERCENTAGES.put("in_person_pct", new String[]{"received_in_person", "received"});
        PERCENTAGES.put("postal_pct", new String[]{"received_postal", "received"});
        PERCENTAGES.put("very_satisfied_pct", new String[]{"very_satisfied", "rated"});
        PERCENTAGES.put("satisfied_pct", new String[]{"satisfied", "rated"});
        PERCENTAGES.put("unsatisfied_pct", new String[]{"unsatisfied", "rated"});
    }

    private Counts() {
    }

    /** The count aggregates, each a bigint that is 0 (never null) on an empty group. */
    public static Column[] aggregates() {
        List<Column> out = new ArrayList<>();
        COUNTED.forEach((name, condition) -> out.add(sum(when(condition, 1L).otherwise(0L)).as(name)));
        return out.toArray(new Column[0]);
    }

    /** Groups and counts: {@code agg} with the count aggregates. */
    public static Dataset<Row> count(org.apache.spark.sql.RelationalGroupedDataset grouped) {
        Column[] a = aggregates();
        return grouped.agg(a[0], java.util.Arrays.copyOfRange(a, 1, a.length));
    }

    /**
     * The counts per unit, period, procedure and field: the one aggregation of the period facts that the
     * processing summary ({@link #rollUp} to the unit) and the procedure summary (to the procedure, to the field)
     * are rolled up from.
     */
    public static Dataset<Row> perProcedureAndField(Dataset<Row> periodFacts) {
        return count(periodFacts.groupBy("unit_code", "period", "procedure_code", "field_code"));
    }

    /** Already-counted rows summed by the given keys. */
    public static Dataset<Row> rollUp(Dataset<Row> counts, Column... keys) {
        Column[] s = sums();
        return counts.groupBy(keys).agg(s[0], java.util.Arrays.copyOfRange(s, 1, s.length));
    }

    /** Sums of already-counted columns (a roll-up). */
    public static Column[] sums() {
        List<Column> out = new ArrayList<>();
        COUNTED.keySet().forEach(name -> out.add(sum(col(name)).as(name)));
        return out.toArray(new Column[0]);
    }

    /** Count columns with nulls (from outer joins: no dossier) as 0. */
    public static Column[] zeroFilled() {
        List<Column> out = new ArrayList<>();
        COUNTED.keySet().forEach(name -> out.add(coalesce(col(name), lit(0L)).as(name)));
        return out.toArray(new Column[0]);
    }

    public static Dataset<Row> withPercentages(Dataset<Row> counts) {
        Dataset<Row> out = counts;
        for (Map.Entry<String, String[]> e : PERCENTAGES.entrySet()) {
            out = out.withColumn(e.getKey(), Decimals.percent(col(e.getValue()[0]), col(e.getValue()[1])));
        }
        return out;
    }

    /** The balance identity of definitions.md, true on a row that keeps it. */
    public static Column balanced() {
        return col("carried_over").plus(col("received")).equalTo(col("resolved").plus(col("withdrawn"))
                .plus(col("stopped")).plus(col("open_in_time")).plus(col("open_overdue")));
    }
}
