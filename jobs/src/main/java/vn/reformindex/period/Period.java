package vn.reformindex.period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inclusive range of days, named as the user typed it: a year {@code 2024}, a quarter {@code 2024-Q2},
 * a month {@code 2024-05} or an explicit range {@code 2020-01-01..2020-10-29} (definitions.md, Time).
 */
public final class Period implements Comparable<Period> {
    public enum Kind { YEAR, QUARTER, MONTH, RANGE }

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

    private final Kind kind;
    private final String label;
    private final LocalDate start;
    private final LocalDate end;

    private Period(Kind kind, String label, LocalDate start, LocalDate end) {
        this.kind = kind;
        this.label = label;
        this.start = start;
        this.end = end;
    }

    /** The years a period may fall in: dossier systems exist from 2000 on; no report looks beyond 2100. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    /**
     * Parses a period within {@link #FIRST_YEAR}..{@link #LAST_YEAR}; the message of the exception names the
     * bad value and the accepted forms.
     */
    public static Period parse(String text) {
        Period p = parseAnyYear(text);
        if (p.start.getYear() < FIRST_YEAR || p.end.getYear() > LAST_YEAR) {
            throw new IllegalArgumentException("period '" + text + "' is outside the years " + FIRST_YEAR + ".." + LAST_YEAR);
        }
        return p;
    }

    private static Period parseAnyYear(String text) {
        String s = Objects.requireNonNull(text, "period").trim().toUpperCase();
        try {
            Matcher m;
            if ((m = YEAR.matcher(s)).matches()) {
                return year(Integer.parseInt(m.group(1)));
            }
            if ((m = QUARTER.matcher(s)).matches()) {
                return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = MONTH.matcher(s)).matches()) {
                int month = Integer.parseInt(m.group(2));
                if (month < 1 || month > 12) {
                    throw new IllegalArgumentException("month " + month + " is not 01..12");
                }
                return month(Integer.parseInt(m.group(1)), month);
            }
            if ((m = RANGE.matcher(s)).matches()) {
                return range(LocalDate.parse(m.group(1)), LocalDate.parse(m.group(2)));
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("period '" + text + "' is invalid: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("period '" + text
                + "' is not a year (2024), a quarter (2024-Q2), a month (2024-05) or a range (2020-01-01..2020-10-29)");
    }

    public static Period year(int year) {
        return new Period(Kind.YEAR, String.valueOf(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public static Period quarter(int year, int q) {
        LocalDate start = LocalDate.of(year, (q - 1) * 3 + 1, 1);
        return new Period(Kind.QUARTER, year + "-Q" + q, start, start.plusMonths(3).minusDays(1));
    }

    public static Period month(int year, int month) {
        YearMonth ym = YearMonth.of(year, month);
        return new Period(Kind.MONTH, ym.toString(), ym.atDay(1), ym.atEndOfMonth());
    }

    public static Period range(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("range ends (" + end + ") before it starts (" + start + ")");
        }
        return new Period(Kind.RANGE, start + ".." + end, start, end);
    }

    private static final String[] ROMAN = {"I", "II", "III", "IV"};
    private static final java.time.format.DateTimeFormatter VI_DATE = java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** The period as the committee writes it: Năm 2025, Quý II/2025, Tháng 6/2025, Từ 01/01/2020 đến 29/10/2020. */
    public String vietnamese() {
        switch (kind) {
            case YEAR: return "Năm " + start.getYear();
            case QUARTER: return "Quý " + ROMAN[(start.getMonthValue() - 1) / 3] + "/" + start.getYear();
            case MONTH: return "Tháng " + start.getMonthValue() + "/" + start.getYear();
            default: return "Từ " + start.format(VI_DATE) + " đến " + end.format(VI_DATE);
        }
    }

    public Kind kind() { return kind; }
    public String label() { return label; }
    public LocalDate start() { return start; }
    public LocalDate end() { return end; }

    public long lengthInDays() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** The period of the same kind just before this one; for a range, the range of equal length just before. */
    public Period preceding() {
        switch (kind) {
            case YEAR: return year(start.getYear() - 1);
            case QUARTER: {
                LocalDate s = start.minusMonths(3);
                return quarter(s.getYear(), (s.getMonthValue() - 1) / 3 + 1);
            }
            case MONTH: {
                LocalDate s = start.minusMonths(1);
                return month(s.getYear(), s.getMonthValue());
            }
            default: {
                LocalDate e = start.minusDays(1);
                return range(e.minusDays(lengthInDays() - 1), e);
            }
        }
    }

    /** The same period one year earlier (cùng kỳ năm trước). */
    public Period sameLastYear() {
        switch (kind) {
            case YEAR: return year(start.getYear() - 1);
            case QUARTER: return quarter(start.getYear() - 1, (start.getMonthValue() - 1) / 3 + 1);
            case MONTH: return month(start.getYear() - 1, start.getMonthValue());
            default: return range(start.minusYears(1), end.minusYears(1));
        }
    }

    /**
     * The as-of date: min(--as-of if given, period end, data cut-off). A null cut-off (no data) is ignored.
     */
    public LocalDate asOf(LocalDate requestedAsOf, LocalDate dataCutOff) {
        LocalDate a = end;
        if (requestedAsOf != null && requestedAsOf.isBefore(a)) {
            a = requestedAsOf;
        }
        if (dataCutOff != null && dataCutOff.isBefore(a)) {
            a = dataCutOff;
        }
        return a;
    }

    public boolean overlaps(LocalDate from, LocalDate to) {
        return (from == null || !from.isAfter(end)) && (to == null || !to.isBefore(start));
    }

    @Override
    public int compareTo(Period o) {
        int c = start.compareTo(o.start);
        return c != 0 ? c : end.compareTo(o.end);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Period && ((Period) o).label.equals(label);
    }

    @Override
    public int hashCode() {
        return label.hashCode();
    }

    @Override
    public String toString() {
        return label;
    }
}
