package vn.reformindex.facts;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.reformindex.core.EndOfProcessing;
import vn.reformindex.reference.HolidayCalendar;
import vn.reformindex.spark.WorkingTime;

/**
 * Dossier facts x requested periods: each dossier's membership flags in each period it touches
 * (definitions.md, Time), computed on the fly from the small period table (period, period_start,
 * period_end, as_of) and never stored per dossier. Rows that touch no period are dropped before any
 * aggregation, so the frame grows with the periods a dossier is part of, not with all periods.
 *
 * <p>Columns added (booleans unless said): {@code carried_over, received_in_period, resolved_in_period,
 * withdrawn_in_period, stopped_in_period, refused_in_period, registered_in_period, ended_by_as_of,
 * open_at_as_of, open_overdue, open_in_time, handled, rated_in_period}, {@code effective_end_date}
 * (date, the 766 effective end), {@code on_time_766} (null = undecided), {@code late_766}.
 */
public final class PeriodFacts {
    private PeriodFacts() {
    }

    /** The dossier_facts columns that {@link #expand} itself reads. */
    public static final java.util.List<String> READS = java.util.List.of("dossier_code", "unit_code", "status",
            "is_received", "submitted_date", "received_at", "received_date", "due_date", "end_kind", "end_date",
            "rating", "rating_date", "supplement_count", "effective_end_at_766", "effective_end_date_766",
            "time_limit", "time_limit_unit");

    /**
     * The facts with only {@link #READS} and the given columns: a stage that caches its expansion keeps
     * only what it aggregates.
     */
    public static Dataset<Row> prune(Dataset<Row> facts, java.util.Collection<String> alsoNeeded) {
        java.util.Set<String> keep = new java.util.LinkedHashSet<>(READS);
        java.util.Set<String> available = new java.util.HashSet<>(java.util.Arrays.asList(facts.columns()));
        for (String c : alsoNeeded) {
            if (available.contains(c)) {
                keep.add(c);
            }
        }
        return facts.select(keep.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
    }

    public static Dataset<Row> expand(Dataset<Row> facts, Dataset<Row> periods, HolidayCalendar calendar) {
        Column start = col("period_start");
        Column asOf = col("as_of");
        Column received = col("is_received");
        Column rec = col("received_date");
        Column end = col("end_date");
        Column kind = col("end_kind");
        Column endedInPeriod = end.between(start, asOf);
        Column carriedOver = received.and(rec.lt(start)).and(end.isNull().or(end.geq(start)));
        Column receivedIn = received.and(rec.between(start, asOf));
        Column endedByAsOf = end.isNotNull().and(end.leq(asOf));
        Column open = received.and(rec.leq(asOf)).and(not(endedByAsOf));
        Column due = col("due_date");
        Column overdue = open.and(due.isNotNull().and(due.lt(asOf)));
        Column handled = carriedOver.or(receivedIn);
        Column registered = col("status").equalTo(1).and(col("submitted_date").between(start, asOf));
        Column refused = kind.equalTo(EndOfProcessing.REFUSED_AT_INTAKE.code).and(endedInPeriod);
        Column rated = col("rating").isNotNull().and(col("rating_date").between(start, asOf));

        Dataset<Row> joined = facts.crossJoin(broadcast(periods))
                .filter(handled.or(registered).or(refused).or(rated));
        Column effectiveEnd = when(col("ended_by_as_of"), col("effective_end_date_766")).otherwise(asOf);
        // Open dossiers are judged at the end of the as-of day (working hours through 17:00).
        Column effectiveEndAt = when(col("ended_by_as_of"), col("effective_end_at_766"))
                .otherwise(asOf.cast("timestamp_ntz").plus(org.apache.spark.sql.functions.expr("INTERVAL 17 HOURS")));
        Column limit = col("time_limit");
        Column unit = col("time_limit_unit");
        Column withinLimit = when(unit.equalTo("WORKING_DAYS"), WorkingTime.workingDays(calendar, rec, col("effective_end_date")).leq(limit))
                .when(unit.equalTo("DAYS"), datediff(col("effective_end_date"), rec).leq(limit))
                .when(unit.equalTo("HOURS"), WorkingTime.workingHours(calendar, col("received_at"), effectiveEndAt).leq(limit));
        Column onTime766 = when(col("supplement_count").gt(1), lit(false))
                .when(due.isNotNull(), col("effective_end_date").leq(due))
                .otherwise(withinLimit);
        return joined
                .withColumn("carried_over", carriedOver)
                .withColumn("received_in_period", receivedIn)
                .withColumn("resolved_in_period", received.and(kind.equalTo(EndOfProcessing.RESOLVED.code)).and(endedInPeriod))
                .withColumn("withdrawn_in_period", received.and(kind.equalTo(EndOfProcessing.WITHDRAWN.code)).and(endedInPeriod))
                .withColumn("stopped_in_period", received.and(kind.equalTo(EndOfProcessing.STOPPED.code)).and(endedInPeriod))
                .withColumn("refused_in_period", refused)
                .withColumn("registered_in_period", registered)
                .withColumn("ended_by_as_of", endedByAsOf)
                .withColumn("open_at_as_of", open)
                .withColumn("open_overdue", overdue)
                .withColumn("open_in_time", open.and(not(overdue)))
                .withColumn("handled", handled)
                .withColumn("rated_in_period", rated)
                .withColumn("effective_end_date", effectiveEnd)
                .withColumn("on_time_766", when(col("handled"), onTime766))
                .withColumn("late_766", col("handled").and(org.apache.spark.sql.functions.coalesce(col("on_time_766").equalTo(false), lit(false))));
    }
}
