package vn.reformindex.spark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import vn.reformindex.reference.HolidayCalendar;

import static org.apache.spark.sql.functions.udf;

/**
 * Working time backed by the holiday calendar (definitions.md, 766 rule without a due date): working days
 * d with {@code from < d <= to}, and working hours 07:30-11:30 and 13:30-17:00 on working days. Both are
 * null (undecided) when no calendar was given.
 */
public final class WorkingTime {
    private static final LocalTime[][] SHIFTS = {
            {LocalTime.of(7, 30), LocalTime.of(11, 30)},
            {LocalTime.of(13, 30), LocalTime.of(17, 0)},
    };

    private WorkingTime() {
    }

    public static UserDefinedFunction workingDays(HolidayCalendar calendar) {
        return udf((UDF2<LocalDate, LocalDate, Integer>) (from, to) ->
                from == null || to == null || !calendar.present() ? null : calendar.workingDaysAfter(from, to),
                DataTypes.IntegerType);
    }

    public static UserDefinedFunction workingHours(HolidayCalendar calendar) {
        return udf((UDF2<LocalDateTime, LocalDateTime, BigDecimal>) (from, to) ->
                from == null || to == null || !calendar.present() ? null : hours(calendar, from, to),
                DataTypes.createDecimalType(18, 4));
    }

    /** Working hours between two timestamps; 0 when {@code to} is not after {@code from}. */
    public static BigDecimal hours(HolidayCalendar calendar, LocalDateTime from, LocalDateTime to) {
        long minutes = 0;
        for (LocalDate d = from.toLocalDate(); !d.isAfter(to.toLocalDate()); d = d.plusDays(1)) {
            if (!calendar.isWorkingDay(d)) {
                continue;
            }
            for (LocalTime[] s : SHIFTS) {
                LocalDateTime a = max(from, d.atTime(s[0]));
                LocalDateTime b = min(to, d.atTime(s[1]));
                if (b.isAfter(a)) {
                    minutes += java.time.Duration.between(a, b).toMinutes();
                }
            }
        }
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP);
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    public static Column workingDays(HolidayCalendar calendar, Column from, Column to) {
        return workingDays(calendar).apply(from, to);
    }

    public static Column workingHours(HolidayCalendar calendar, Column from, Column to) {
        return workingHours(calendar).apply(from, to);
    }
}
