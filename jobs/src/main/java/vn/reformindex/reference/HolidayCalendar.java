package vn.reformindex.reference;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;

/** Public holidays (holidays.csv). Working days are neither Saturday, Sunday nor a holiday. */
public final class HolidayCalendar implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Set<LocalDate> holidays;
    private final boolean present;

    public HolidayCalendar(Collection<LocalDate> holidays, boolean present) {
        this.holidays = Collections.unmodifiableSet(new TreeSet<>(holidays));
        this.present = present;
    }

    public static HolidayCalendar absent() {
        return new HolidayCalendar(Set.of(), false);
    }

    public static HolidayCalendar from(SmallCsv csv) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (SmallCsv.Row r : csv.rows()) {
            String v = r.get("Ngay");
            try {
                days.add(LocalDate.parse(v == null ? "" : v.trim()));
            } catch (DateTimeParseException e) {
                throw new PipelineException(ExitCode.UNREADABLE_INPUT, csv.file() + ", line " + r.line
                        + ": Ngay '" + v + "' is not a date yyyy-MM-dd");
            }
        }
        return new HolidayCalendar(days, true);
    }

    /** False when no calendar was given: working time is then undecided (definitions.md). */
    public boolean present() { return present; }

    public Set<LocalDate> holidays() { return holidays; }

    public boolean isWorkingDay(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !holidays.contains(d);
    }

    /** Working days d with {@code from < d <= to}; 0 when to is not after from. */
    public int workingDaysAfter(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }
}
