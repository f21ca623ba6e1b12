package vn.reformindex.spark;

import org.apache.spark.sql.SparkSession;
import vn.reformindex.reference.HolidayCalendar;

/**
 * Registers the project's SQL functions on a session, so that criteria-set expressions can name them:
 * {@code working_days(from_date, to_date)}, {@code working_hours(from_ts, to_ts)} (the run's holiday
 * calendar). Idempotent. (Ratios are not functions of a set's expressions: a criterion's ratio is always its
 * numerator over its denominator, computed exactly by the score stage.)
 */
public final class Functions {
    private Functions() {
    }

    public static void register(SparkSession spark, HolidayCalendar calendar) {
        spark.udf().register("working_days", WorkingTime.workingDays(calendar));
        spark.udf().register("working_hours", WorkingTime.workingHours(calendar));
    }
}
